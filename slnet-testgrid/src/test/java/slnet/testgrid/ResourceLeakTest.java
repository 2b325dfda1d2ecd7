package slnet.testgrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.LoginException;
import slnet.testgrid.fault.LoginFault;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ResourceLeakTest {

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("testgrid-login") || t.getName().startsWith("HttpClient-")
                        || t.getName().startsWith("HTTP-Dispatcher"))
                .collect(Collectors.toSet());
    }

    @Test
    void closingServerAndServiceLeavesNoThreads() throws Exception {
        Set<Thread> before = threads();
        LoginServer server = LoginServer.builder().account(TestAccount.of("Leak", "Check", "pw")).start();
        AuthenticationService auth = AuthenticationService.builder().requestTimeout(Duration.ofMillis(300)).build();
        LoginCredentials c = LoginCredentials.of("Leak", "Check", "pw").withGrid(Grid.custom(server.loginUri()));
        auth.login(c);
        server.setFault(new LoginFault.SlowResponse(Duration.ofSeconds(10)));
        try {
            auth.login(c);
        } catch (LoginException expected) {
            // the stalled handler thread must still be reclaimed by close()
        }
        auth.close();
        auth.close();
        server.close();
        server.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> leaked;
        do {
            leaked = threads();
            leaked.removeAll(before);
            leaked.removeIf(t -> !t.isAlive());
            if (leaked.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(leaked).extracting(Thread::getName).isEmpty();
    }
}

package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.ChatReceived;
import slnet.Client;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.EventStream;
import slnet.network.Subscription;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.testgrid.TestGrid;

/** The library example in the README, run against the test grid exactly as written there. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRuns() throws Exception {
        try (TestGrid grid = TestGrid.builder().account("Example", "Bot", "secret").start()) {
            List<String> heard = new CopyOnWriteArrayList<>();
            List<String> echoes = new CopyOnWriteArrayList<>();
            // --- README example begins ---
            LoginCredentials credentials = LoginCredentials.of("Example", "Bot", "secret")
                    .withGrid(Grid.custom(grid.loginUri()));      // or Grid.SECOND_LIFE
            try (Client client = Client.create()) {
                Subscription chat = client.events().subscribe(event -> {
                    if (event instanceof ChatReceived received) {
                        heard.add(received.message().fromName() + ": " + received.message().text());
                    }
                });
                client.handlers().register(ChatFromSimulator.class, (message, context) ->
                        System.out.println("raw chat from " + context.circuit().remoteAddress()));
                client.connect(credentials);                       // login + handshake, blocks
                System.out.println("in " + client.region().orElseThrow().name());
                try (EventStream stream = client.events().events()) {
                    client.chat().say("Hello, world!");
                    ChatReceived echo = stream.awaitEvent(ChatReceived.class, Duration.ofSeconds(5));
                    System.out.println("echo: " + echo.message().text());
                    echoes.add(echo.message().fromName() + ": " + echo.message().text());
                }
                client.disconnect();                               // LogoutRequest, bounded wait
                chat.close();
            }
            // --- README example ends ---
            assertThat(echoes).containsExactly("Example Bot: Hello, world!");
        }
    }
}

package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class DemoCommandTest {

    @Test
    void twoBotsGreetEachOtherBobWalksOverAndSitsAndBothLogOut() {
        CliRun run = CliRun.run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Bob   heard Alice Demo (normal): \"Hello Bob, this is Alice!\"")
                .contains("Alice heard Bob Demo (normal): \"Hi Alice, Bob here. Nice region!\"")
                .contains("Alice disconnected: logged out").contains("Bob   disconnected: logged out")
                .contains("Alice teleporting to Farland...").contains("Alice teleported to Farland at 128, 128, 25")
                .contains("Alice teleporting home...").contains("Alice teleported to Demoville")
                .contains("Alice sees Bob Demo 3.0 m away, and 3 objects around (2 prim, 1 tree) on parcel \"Demoville Commons\"")
                .contains("Bob   sees Alice Demo 3.0 m away")
                .contains("Bob   walks over to Alice").contains("Bob   arrived at ")
                .contains("Bob   sits down on a chair beside her")
                .contains("Alice says in group Demo Club: Meeting at the chair in five minutes!")
                .contains("Bob   heard in group Demo Club from Alice Demo: \"Meeting at the chair in five minutes!\"")
                .contains("done: both bots saw and greeted each other, Bob walked to Alice and sat down, "
                        + "they chatted in their group, Alice teleported to Farland and back");
        assertThat(run.lines()).allMatch(line -> line.matches("\\[ *\\d+ ms] .*"));
    }

    @Test
    void isRegistered() {
        assertThat(Main.newCommandLine().getSubcommands()).containsKeys("demo", "connect");
    }
}

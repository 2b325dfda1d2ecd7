package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An error no command handled is one line, with the stack trace only under --debug. */
class UnexpectedErrorTest {
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the flux capacitor is empty");
        }
    }

    private static String[] run(String... args) {
        CommandLine cli = Main.newCommandLine();
        cli.addSubcommand("boom", new Boom());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void oneLineWithoutDebug() {
        String[] result = run("boom");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).startsWith("slnet boom: the flux capacitor is empty")
                .contains("(run with --debug for the stack trace)").doesNotContain("at slnet.");
        assertThat(result[1].lines()).hasSize(2);
    }

    @Test
    void theStackTraceWithDebug() {
        String[] result = run("--debug", "boom");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).contains("slnet boom: the flux capacitor is empty")
                .contains("java.lang.IllegalStateException").contains("at slnet.cli.UnexpectedErrorTest");
    }
}

package slnet.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs the tool in-process with a given stdin, capturing exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun withStdin(String stdin, String... args) {
        CommandLine cli = Main.newCommandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return withStdin("", args);
    }

    List<String> lines() {
        return out.lines().toList();
    }
}

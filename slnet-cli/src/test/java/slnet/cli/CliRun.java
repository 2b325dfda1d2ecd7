package slnet.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import slnet.cli.json.Json;

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

    /** Runs {@code slnet connect} with the password in its environment (none when null), never a terminal. */
    static CliRun connect(String password, String... args) {
        Map<String, String> env = password == null ? Map.of() : Map.of(LoginCommand.PASSWORD_ENV, password);
        CommandLine cli = new CommandLine(new ConnectCommand(env::get, Optional::empty, false));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** @return each line of standard output as a JSON object, failing on a line that is not one */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> json() {
        return lines().stream().map(line -> {
            try {
                return (Map<String, Object>) Json.parse(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    List<String> lines() {
        return out.lines().toList();
    }
}

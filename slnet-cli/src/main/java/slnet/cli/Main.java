package slnet.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code slnet} command-line tool. To add a command, add its class to
 * {@code subcommands}; a command class with a constructor taking an {@link InputStream} receives
 * standard input through it (see {@link #newCommandLine(InputStream)}). The root's help and
 * version options are inherited, so commands need not declare {@code mixinStandardHelpOptions}.
 */
@Command(name = "slnet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Second Life protocol client networking tool.",
        subcommands = {
            CommandLine.HelpCommand.class,
            PacketCommand.class,
            MessagesCommand.class,
            LoginCommand.class,
            GridCommand.class,
            DemoCommand.class,
            ConnectCommand.class,
            SwarmCommand.class,
            picocli.AutoComplete.GenerateCompletion.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {"  slnet demo", "  slnet connect --help", "  slnet --debug packet decode 00ff", "  source <(slnet generate-completion)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the root command; picocli calls this. */
    public Main() {
    }

    /**
     * Runs the tool.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * Builds the picocli command line with every subcommand registered, reading {@link System#in}.
     *
     * @return the command line
     */
    public static CommandLine newCommandLine() {
        return newCommandLine(System.in);
    }

    /**
     * Builds the picocli command line with every subcommand registered; commands that read
     * standard input read {@code stdin} instead, so tests can supply it. Set output and error
     * writers with {@link CommandLine#setOut} and {@link CommandLine#setErr} before executing.
     *
     * @param stdin what commands read as standard input
     * @return the command line
     */
    public static CommandLine newCommandLine(InputStream stdin) {
        CommandLine cli = new CommandLine(Main.class, new CommandFactory(stdin));
        cli.setExecutionExceptionHandler(Main::unexpected);
        return cli;
    }

    /** Shows a command's stack trace when it fails unexpectedly; otherwise one line says what failed. */
    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an unexpected error, print its stack trace too.")
    boolean debug;

    /**
     * An exception no command handled: one line on standard error, the stack trace only with
     * {@code --debug}; exit code 1.
     */
    private static int unexpected(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        java.io.PrintWriter err = cli.getErr();
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        err.println("slnet " + cli.getCommandName() + ": " + message);
        if (parsed.expandedArgs().contains("--debug")) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --debug for the stack trace)");
        }
        err.flush();
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package slnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code slnet} command-line tool.
 */
@Command(name = "slnet", mixinStandardHelpOptions = true, version = "slnet 0.1.0",
        description = "Second Life protocol client networking tool.",
        subcommands = {CommandLine.HelpCommand.class, LoginCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the tool.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * Builds the picocli command line with every subcommand registered.
     *
     * @return the command line
     */
    public static CommandLine newCommandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

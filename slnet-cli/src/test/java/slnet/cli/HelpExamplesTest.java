package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help ends with examples; the shell completion script knows every command. */
class HelpExamplesTest {
    private static final Set<String> PICOCLI_OWN = Set.of("help", "generate-completion");

    private static void collect(CommandLine cli, List<CommandLine> into) {
        into.add(cli);
        cli.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void everyCommandsHelpShowsExamples() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.newCommandLine(), all);
        assertThat(all).hasSizeGreaterThan(8);
        for (CommandLine cli : all) {
            if (PICOCLI_OWN.contains(cli.getCommandName())) {
                continue;
            }
            assertThat(cli.getUsageMessage()).as(cli.getCommandSpec().qualifiedName())
                    .contains("Examples:").contains("  slnet");
        }
    }

    @Test
    void theCompletionScriptCoversEveryCommand() {
        CliRun run = CliRun.run("generate-completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete").contains("connect").contains("swarm").contains("packet")
                .contains("--login-uri");
    }
}

package slnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import slnet.cli.json.Json;
import slnet.cli.json.JsonParseException;

/**
 * {@code slnet swarm merge FILE...}: merges the summaries of a fleet's swarm processes into one.
 * Each file is a swarm's {@code --json} output (its last {@code "event":"summary"} line counts) or
 * just that line. Counts add up; connect latency percentiles come from the merged HdrHistograms, so
 * they are exact for the whole fleet. Exit 0 when no more than {@code --max-failures} bots failed
 * or were lost in all, 1 otherwise, 2 for unreadable input.
 */
@Command(name = "merge",
        footerHeading = "%nExamples:%n", footer = {"  slnet swarm merge shard*.jsonl"}, description = "Merge the JSON summaries of many slnet swarm processes (one fleet).")
public final class SwarmMergeCommand implements Callable<Integer> {
    /** Bounds one input file: a summary is a few kilobytes, a long run's progress lines a few megabytes. */
    private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files with a swarm's --json output.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "Print the merged summary as one JSON object (default: text).")
    boolean json;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "0",
            description = "Exit 0 as long as no more than N bots failed or were lost in all (default ${DEFAULT-VALUE}).")
    long maxFailures;

    /** Creates the command; picocli calls this. */
    public SwarmMergeCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SwarmSummary> parts = new ArrayList<>();
        for (Path file : files) {
            try {
                parts.add(lastSummary(file));
            } catch (IOException | IllegalArgumentException e) {
                err.println("slnet swarm merge: " + file + ": " + e.getMessage());
                err.flush();
                return 2;
            }
        }
        SwarmSummary merged = SwarmSummary.merge(parts);
        if (json) {
            out.println(Json.write(merged.toJson()));
        } else {
            out.println(merged.toText());
            out.println("shards " + merged.shards);
        }
        out.flush();
        return merged.failed + merged.lost > maxFailures ? 1 : 0;
    }

    static SwarmSummary lastSummary(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (!line.startsWith("{") || !line.contains("\"summary\"")) {
                continue;
            }
            try {
                Object parsed = Json.parse(line);
                if (parsed instanceof Map<?, ?> map && "summary".equals(map.get("event"))) {
                    return SwarmSummary.fromJson(parsed);
                }
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not JSON: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("no \"event\":\"summary\" line");
    }
}

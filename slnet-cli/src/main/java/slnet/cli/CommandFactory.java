package slnet.cli;

import java.io.InputStream;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Creates command objects for picocli, handing standard input to every command class that has a
 * constructor taking an {@link InputStream}; any other class is created as picocli's default
 * factory would. This is what lets tests feed stdin to a command in-process.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final InputStream stdin;

    CommandFactory(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(InputStream.class).newInstance(stdin);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}

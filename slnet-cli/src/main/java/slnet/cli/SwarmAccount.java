package slnet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One avatar of a swarm: its place in the whole list (so shards and logs agree on who is who) and
 * its credentials. {@link #toString()} leaves the password out.
 *
 * @param index    0-based position in the whole account list, before sharding
 * @param firstName first name
 * @param lastName  last name
 * @param password  the password
 */
record SwarmAccount(int index, String firstName, String lastName, String password) {
    /** The most accounts a file may hold: bounds what a mistaken path (a huge file) can cost. */
    static final int MAX_ACCOUNTS = 1_000_000;

    SwarmAccount {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(password, "password");
    }

    /** @return "First Last" */
    String name() {
        return firstName + " " + lastName;
    }

    @Override
    public String toString() {
        return "SwarmAccount[" + index + " " + name() + "]";
    }

    /**
     * Names from a pattern: {@code String.format(pattern, i)} for i = 1..count, each "First Last".
     *
     * @param pattern  such as {@code "Load Bot%d"}
     * @param count    how many
     * @param password everyone's password
     * @return the accounts, index 0 being number 1
     * @throws IllegalArgumentException if a name is not two words, or the pattern does not number them
     */
    static List<SwarmAccount> fromPattern(String pattern, int count, String password) {
        if (count < 0 || count > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("--count must be 0.." + MAX_ACCOUNTS + ", not " + count);
        }
        if (count > 1 && String.format(Locale.ROOT, pattern, 1).equals(String.format(Locale.ROOT, pattern, 2))) {
            throw new IllegalArgumentException("--name-pattern must number the names (e.g. \"Load Bot%d\"), not "
                    + pattern);
        }
        List<SwarmAccount> accounts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String[] words = String.format(Locale.ROOT, pattern, i).strip().split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException("--name-pattern must give \"First Last\", not "
                        + String.format(Locale.ROOT, pattern, i));
            }
            accounts.add(new SwarmAccount(i - 1, words[0], words[1], password));
        }
        return accounts;
    }

    /**
     * Reads an accounts file: {@code First Last password} per line; blank lines and lines starting
     * with {@code #} are skipped; the password is the rest of the line after the two names.
     *
     * @param file the file
     * @return the accounts in file order
     * @throws IllegalArgumentException naming the line if one is malformed, or there are too many
     * @throws UncheckedIOException if the file cannot be read
     */
    static List<SwarmAccount> fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    /** {@link #fromFile} on lines already read; {@code source} names them in errors. */
    static List<SwarmAccount> parse(List<String> lines, String source) {
        List<SwarmAccount> accounts = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length != 3) {
                // never echo the line: it may hold a password
                throw new IllegalArgumentException(source + " line " + (n + 1) + ": expected \"First Last password\"");
            }
            if (accounts.size() == MAX_ACCOUNTS) {
                throw new IllegalArgumentException(source + ": more than " + MAX_ACCOUNTS + " accounts");
            }
            accounts.add(new SwarmAccount(accounts.size(), parts[0], parts[1], parts[2]));
        }
        return accounts;
    }
}

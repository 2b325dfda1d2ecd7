package slnet.cli;

import java.util.List;
import java.util.function.Function;

/**
 * Which slice of the accounts one swarm process takes, when many processes share a fleet: shard
 * {@code index} of {@code count} (0-based, as Kubernetes numbers an Indexed Job's pods) gets the
 * contiguous range {@code [index * total / count, (index + 1) * total / count)}, so every account
 * is in exactly one shard and shard sizes differ by at most one.
 *
 * @param index 0-based, below {@code count}
 * @param count how many shards, at least 1
 */
record SwarmShard(int index, int count) {
    /** The environment variable Kubernetes sets to a pod's completion index in an Indexed Job. */
    static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";
    /** The whole list: one shard of one. */
    static final SwarmShard ALL = new SwarmShard(0, 1);

    SwarmShard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be K/N with 0 <= K < N, not " + index + "/" + count);
        }
    }

    /**
     * Parses {@code K/N}, or {@code auto/N} for K from {@value #JOB_COMPLETION_INDEX}.
     *
     * @param text        the option's value
     * @param environment looks up environment variables
     * @return the shard
     * @throws IllegalArgumentException if it is malformed, out of range, or auto without the variable
     */
    static SwarmShard parse(String text, Function<String, String> environment) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard must be K/N or auto/N, not " + text);
        }
        String k = parts[0].strip();
        if (k.equalsIgnoreCase("auto")) {
            k = environment.apply(JOB_COMPLETION_INDEX);
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("--shard auto/N needs " + JOB_COMPLETION_INDEX
                        + " (set by a Kubernetes Indexed Job)");
            }
        }
        try {
            return new SwarmShard(Integer.parseInt(k.strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be K/N or auto/N with whole numbers, not " + text);
        }
    }

    /** @return this shard's slice of {@code all}, in order */
    <T> List<T> slice(List<T> all) {
        int size = all.size();
        int from = (int) ((long) index * size / count);
        int to = (int) ((long) (index + 1) * size / count);
        return all.subList(from, to);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

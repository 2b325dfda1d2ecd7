package slnet.protocol.llsd;

/**
 * Bounds a parser enforces on untrusted input, checked before anything is allocated from a
 * length or count read from that input.
 *
 * @param maxDepth deepest allowed nesting of maps and arrays (the top-level value is depth 0)
 * @param maxBytes largest accepted input, in bytes
 * @param maxElements most values (scalars, maps and arrays, map keys not counted) in one document
 * @param maxValueBytes longest single string, URI, map key or binary value, in bytes
 */
public record LlsdLimits(int maxDepth, int maxBytes, int maxElements, int maxValueBytes) {

    /**
     * Defaults sized for Second Life traffic: capability and event-queue bodies are kilobytes,
     * large inventory and mesh-header responses a few megabytes; 64 levels is far deeper than any
     * real message nests.
     */
    public static final LlsdLimits DEFAULT = new LlsdLimits(64, 32 * 1024 * 1024, 2_000_000, 16 * 1024 * 1024);

    /**
     * The deepest nesting any parser may be configured for: the parsers recurse once per level,
     * and this keeps them far from the default thread stack size.
     */
    public static final int MAX_DEPTH_CEILING = 512;

    /**
     * Validates the bounds: every one must be positive, the depth at most {@link #MAX_DEPTH_CEILING}.
     *
     * @param maxDepth deepest allowed nesting of maps and arrays (the top-level value is depth 0)
     * @param maxBytes largest accepted input, in bytes
     * @param maxElements most values (scalars, maps and arrays, map keys not counted) in one document
     * @param maxValueBytes longest single string, URI, map key or binary value, in bytes
     */
    public LlsdLimits {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be in 1.." + MAX_DEPTH_CEILING + ": " + maxDepth);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1: " + maxBytes);
        }
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be >= 1: " + maxElements);
        }
        if (maxValueBytes < 1) {
            throw new IllegalArgumentException("maxValueBytes must be >= 1: " + maxValueBytes);
        }
    }

    /**
     * Returns a copy with another depth bound.
     *
     * @param depth the most nesting levels
     * @return a copy with another depth bound
     */
    public LlsdLimits withMaxDepth(int depth) {
        return new LlsdLimits(depth, maxBytes, maxElements, maxValueBytes);
    }

    /**
     * Returns a copy with another input-size bound.
     *
     * @param bytes the bytes
     * @return a copy with another input-size bound
     */
    public LlsdLimits withMaxBytes(int bytes) {
        return new LlsdLimits(maxDepth, bytes, maxElements, maxValueBytes);
    }

    /**
     * Returns a copy with another element-count bound.
     *
     * @param elements the elements
     * @return a copy with another element-count bound
     */
    public LlsdLimits withMaxElements(int elements) {
        return new LlsdLimits(maxDepth, maxBytes, elements, maxValueBytes);
    }

    /**
     * Returns a copy with another single-value length bound.
     *
     * @param bytes the bytes
     * @return a copy with another single-value length bound
     */
    public LlsdLimits withMaxValueBytes(int bytes) {
        return new LlsdLimits(maxDepth, maxBytes, maxElements, bytes);
    }
}

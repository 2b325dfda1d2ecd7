/**
 * A small, dependency-free JSON reader and writer for the command-line tools: {@link slnet.cli.json.Json}
 * parses text into plain Java values (maps, lists, strings, numbers, booleans, null) and writes
 * them back as compact one-line JSON.
 *
 * <p>Threading: every method is static and stateless; values returned are new, mutable
 * collections owned by the caller.
 */
package slnet.cli.json;

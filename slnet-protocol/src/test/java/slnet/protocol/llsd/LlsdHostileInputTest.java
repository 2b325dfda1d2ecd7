package slnet.protocol.llsd;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes arrive, a parser either returns a value or throws {@link LlsdException}:
 * no unchecked exception, no error, no hang. Inputs are random bytes, random token soup and
 * valid encodings with random mutations (flips, truncations, insertions, deletions).
 */
class LlsdHostileInputTest {

    /** Small limits so that hostile counts and depths also hit the bounds. */
    private static final LlsdLimits TIGHT = new LlsdLimits(8, 4096, 500, 256);

    /** One edit of a document. */
    record Mutation(int kind, int position, byte value) {
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<byte[]> notationSoup() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", "'", "\"", ":", ",", "!", "0", "1", "t", "true", "f",
                "i", "i-12", "r", "r1.5e3", "rnan", "u", "ud7f4aeca-88f1-42a1-b385-b9db18abb255", "s(", "s(3)", "s(99999)",
                "b(", "b(2)", "b64", "b16", "b85", "d", "d\"2006-02-01T14:29:53Z\"", "l", "\\", "\\x", "\\xzz", ")", " ",
                "(", "9", "<? llsd/notation ?>");
        return token.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<byte[]> xmlSoup() {
        Arbitrary<String> token = Arbitraries.of("<llsd>", "</llsd>", "<map>", "</map>", "<key>", "</key>", "<array>",
                "</array>", "<string>", "</string>", "<integer>", "</integer>", "<real>", "</real>", "<binary encoding=\"base16\">",
                "<binary encoding=\"base85\">", "<binary>", "</binary>", "<date>", "</date>", "<uuid>", "</uuid>", "<undef/>",
                "<boolean>", "</boolean>", "x", "1", "nan", "&amp;", "&lt;", "&bogus;", "&#0;", "&#x41;", "<![CDATA[", "]]>",
                "<!--", "-->", "<?pi?>", "<!DOCTYPE llsd>", "<?xml version=\"1.0\"?>", " ", "\u00e9", "<", ">", "\"");
        return token.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.bytes()).as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Llsd> trees() {
        return LlsdArbitraries.trees();
    }

    @Property(tries = 1500)
    void randomBytesOnlyEverFailWithLlsdException(@ForAll("randomBytes") byte[] bytes) {
        parseEverywhere(bytes);
    }

    @Property(tries = 1000)
    void notationSoupOnlyEverFailsWithLlsdException(@ForAll("notationSoup") byte[] bytes) {
        parseEverywhere(bytes);
    }

    @Property(tries = 1000)
    void xmlSoupOnlyEverFailsWithLlsdException(@ForAll("xmlSoup") byte[] bytes) {
        parseEverywhere(bytes);
    }

    @Property(tries = 600)
    void mutatedBinaryOnlyEverFailsWithLlsdException(@ForAll("trees") Llsd value, @ForAll("mutations") List<Mutation> edits) {
        parseEverywhere(mutate(LlsdBinary.formatWithHeader(value), edits));
    }

    @Property(tries = 600)
    void mutatedNotationOnlyEverFailsWithLlsdException(@ForAll("trees") Llsd value, @ForAll("mutations") List<Mutation> edits) {
        parseEverywhere(mutate(LlsdNotation.formatBytes(value), edits));
    }

    @Property(tries = 400)
    void mutatedXmlOnlyEverFailsWithLlsdException(@ForAll("trees") Llsd value, @ForAll("mutations") List<Mutation> edits) {
        parseEverywhere(mutate(LlsdXml.formatBytes(value), edits));
    }

    /** Runs every parser; an LlsdException is fine, anything else escapes and fails the property. */
    private static void parseEverywhere(byte[] bytes) {
        for (LlsdLimits limits : new LlsdLimits[] {LlsdLimits.DEFAULT, TIGHT}) {
            try {
                LlsdBinary.parse(bytes, limits);
            } catch (LlsdException expected) {
                // fine
            }
            try {
                LlsdBinary.parseLeading(bytes, 0, limits);
            } catch (LlsdException expected) {
                // fine
            }
            try {
                LlsdNotation.parse(bytes, limits);
            } catch (LlsdException expected) {
                // fine
            }
            try {
                LlsdXml.parse(bytes, limits);
            } catch (LlsdException expected) {
                // fine
            }
            try {
                LlsdXml.parse(new String(bytes, StandardCharsets.ISO_8859_1), limits);
            } catch (LlsdException expected) {
                // fine
            }
            try {
                Llsd.parse(bytes, null, limits);
            } catch (LlsdException expected) {
                // fine
            }
        }
    }

    private static byte[] mutate(byte[] doc, List<Mutation> edits) {
        byte[] out = doc;
        for (Mutation m : edits) {
            if (out.length == 0) {
                break;
            }
            int at = m.position() % out.length;
            out = switch (m.kind()) {
                case 0 -> {
                    byte[] copy = out.clone();
                    copy[at] = m.value();
                    yield copy;
                }
                case 1 -> java.util.Arrays.copyOf(out, at);
                case 2 -> {
                    byte[] copy = new byte[out.length + 1];
                    System.arraycopy(out, 0, copy, 0, at);
                    copy[at] = m.value();
                    System.arraycopy(out, at, copy, at + 1, out.length - at);
                    yield copy;
                }
                default -> {
                    byte[] copy = new byte[out.length - 1];
                    System.arraycopy(out, 0, copy, 0, at);
                    System.arraycopy(out, at + 1, copy, at, out.length - at - 1);
                    yield copy;
                }
            };
        }
        return out;
    }
}

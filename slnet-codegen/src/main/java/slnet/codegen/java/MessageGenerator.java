package slnet.codegen.java;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import slnet.codegen.template.MessageRouting;
import slnet.codegen.template.MessageRoutingReader;
import slnet.codegen.template.MessageTemplate;
import slnet.codegen.template.TemplateParser;
import slnet.codegen.template.TemplateSyntaxException;

/**
 * Generates the message sources from a template and message.xml. Usable as a library
 * ({@link #generate}) and from the command line:
 * {@code MessageGenerator TEMPLATE MESSAGE_XML OUTPUT_SOURCE_ROOT}.
 */
public final class MessageGenerator {

    private MessageGenerator() {
    }

    /**
     * Parses the inputs and emits the sources, in memory.
     *
     * @param templateFile message_template.msg
     * @param messageXmlFile message.xml
     * @return relative path to contents
     * @throws IOException if a file cannot be read
     * @throws TemplateSyntaxException if a file is malformed
     */
    public static Map<String, String> generate(Path templateFile, Path messageXmlFile)
            throws IOException, TemplateSyntaxException {
        byte[] xml = Files.readAllBytes(messageXmlFile);
        Map<String, MessageRouting> routing = MessageRoutingReader.read(xml);
        MessageTemplate template = TemplateParser.parse(Files.readAllBytes(templateFile)).withRouting(routing);
        return new JavaEmitter(template, sha1(xml)).emit();
    }

    /**
     * Writes generated sources under a source root, replacing the generated package's old files.
     *
     * @param files relative path to contents
     * @param sourceRoot the source root
     * @throws IOException if writing fails
     */
    public static void write(Map<String, String> files, Path sourceRoot) throws IOException {
        Path packageDirectory = sourceRoot.resolve(JavaEmitter.PACKAGE.replace('.', '/'));
        if (Files.isDirectory(packageDirectory)) {
            try (Stream<Path> old = Files.list(packageDirectory)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = sourceRoot.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Command-line entry point.
     *
     * @param args template, message.xml, output source root
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println("usage: MessageGenerator TEMPLATE MESSAGE_XML OUTPUT_SOURCE_ROOT");
            return 2;
        }
        try {
            Map<String, String> files = generate(Path.of(args[0]), Path.of(args[1]));
            write(files, Path.of(args[2]));
            out.println("generated " + files.size() + " files under " + args[2]);
            return 0;
        } catch (TemplateSyntaxException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }
}

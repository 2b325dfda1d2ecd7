package slnet.codegen.java;

import java.util.Set;

/** Turns template names into Java names that compile and read well. */
final class JavaNames {
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            // members every message or record already has
            "descriptor", "encodeBody", "decode", "encode", "hashCode", "toString", "equals", "getClass",
            "wait", "notify", "notifyAll", "clone", "finalize");

    /** Simple names the generated sources use unqualified; a block type may not take one. */
    static final Set<String> IMPORTED_TYPES = Set.of(
            "List", "Objects", "UUID", "Inet4Address", "Bytes", "Quaternion", "Vector3", "Vector3d", "Vector4",
            "Message", "MessageDescriptor", "BlockDescriptor", "FieldDescriptor", "FieldType", "Frequency",
            "PacketDecodeException", "WireReader", "WireWriter", "Override", "String", "Object", "Integer",
            "Long", "Float", "Double", "Boolean", "Math", "System", "Messages", "MessageRegistry");

    private JavaNames() {
    }

    /**
     * Returns a component name: the template name with its leading capitals lower-cased
     * ({@code AgentID} to {@code agentID}, {@code ID} to {@code id}, {@code IPPort} to {@code ipPort}).
     */
    static String member(String templateName, String suffixIfReserved) {
        int upper = 0;
        while (upper < templateName.length() && Character.isUpperCase(templateName.charAt(upper))) {
            upper++;
        }
        String name;
        if (upper == 0) {
            name = templateName;
        } else if (upper == 1 || upper == templateName.length()) {
            name = templateName.substring(0, upper).toLowerCase(java.util.Locale.ROOT) + templateName.substring(upper);
        } else if (Character.isLowerCase(templateName.charAt(upper))) {
            name = templateName.substring(0, upper - 1).toLowerCase(java.util.Locale.ROOT) + templateName.substring(upper - 1);
        } else {
            name = templateName.substring(0, upper).toLowerCase(java.util.Locale.ROOT) + templateName.substring(upper);
        }
        return RESERVED.contains(name) ? name + suffixIfReserved : name;
    }

    /** Returns the nested type name of a block within a message. */
    static String blockType(String messageName, String blockName) {
        if (blockName.equals(messageName) || IMPORTED_TYPES.contains(blockName)) {
            return blockName + "Block";
        }
        return blockName;
    }
}

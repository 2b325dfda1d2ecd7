package slnet.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import slnet.cli.json.Json;
import slnet.cli.json.JsonParseException;
import slnet.protocol.BlockDescriptor;
import slnet.protocol.FieldDescriptor;
import slnet.protocol.MessageFields;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.Packet;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.Messages;
import slnet.protocol.types.Bytes;

/**
 * The JSON form of a packet, shared by every tool that prints or reads packets:
 *
 * <pre>{@code
 * {"flags":{"zerocoded":false,"reliable":true,"resent":false,"acks":true},"sequence":1,
 *  "acks":[7,8],"message":"StartPingCheck","blocks":{"PingID":[{"PingID":5,"OldestUnacked":0}]}}
 * }</pre>
 *
 * <p>Members in that order; {@code "extra"} (lower-case hex) follows {@code "sequence"} only when
 * the extra header is not empty, and {@code "other"} (an integer) is added to {@code "flags"}
 * only when flag bits other than the four named ones are set. The sequence and acks are printed
 * unsigned. Every block is an array (a Single block has one element, a Variable block may have
 * none). Field values: integers as JSON integers (U32 and U64 unsigned), F32/F64 as numbers,
 * with {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} as strings; LLVector3/3d/4 as
 * arrays; LLQuaternion as {@code [x,y,z]} as on the wire (w is derived on input); LLUUID as a
 * lower-case 8-4-4-4-12 string; BOOL as true/false; IPADDR as a dotted quad; IPPORT as an
 * integer; Fixed and Variable as lower-case hex (Variable without its length prefix).
 *
 * <p>On input: absent flags are false, absent {@code sequence} is 0, absent {@code acks} and
 * {@code extra} are empty, an absent Variable block is empty; unknown members, blocks and fields,
 * missing fields and out-of-range values are errors. The flags are taken exactly as given, so an
 * acks flag without acks (or the reverse) can be written on purpose. Stateless and thread-safe.
 */
public final class PacketJson {
    private static final Set<String> PACKET_KEYS = Set.of("flags", "sequence", "extra", "acks", "message", "blocks");
    private static final Set<String> FLAG_KEYS = Set.of("zerocoded", "reliable", "resent", "acks", "other");
    private static final int NAMED_FLAGS = PacketHeader.ZEROCODED | PacketHeader.RELIABLE | PacketHeader.RESENT
            | PacketHeader.ACKS;

    private PacketJson() {
    }

    /**
     * Converts a packet to its JSON value: nested maps and lists ready for {@link Json#write}.
     *
     * @param packet the packet
     * @return the JSON object
     */
    public static Map<String, Object> toJson(Packet packet) {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("zerocoded", packet.zerocoded());
        flags.put("reliable", packet.reliable());
        flags.put("resent", packet.resent());
        flags.put("acks", packet.hasAcks());
        if ((packet.flags() & ~NAMED_FLAGS) != 0) {
            flags.put("other", (long) (packet.flags() & ~NAMED_FLAGS));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("flags", flags);
        json.put("sequence", Integer.toUnsignedLong(packet.sequence()));
        if (!packet.extraHeader().isEmpty()) {
            json.put("extra", packet.extraHeader().toHex());
        }
        List<Object> acks = new ArrayList<>(packet.ackCount());
        for (int i = 0; i < packet.ackCount(); i++) {
            acks.add(Integer.toUnsignedLong(packet.ack(i)));
        }
        json.put("acks", acks);
        json.put("message", packet.message().descriptor().name());
        json.put("blocks", blocksToJson(packet.message()));
        return json;
    }

    /**
     * Converts a message's blocks to their JSON value, the {@code "blocks"} member of a packet.
     *
     * @param message the message
     * @return block name to an array of field objects
     */
    public static Map<String, Object> blocksToJson(Message message) {
        MessageFields generic = MessageFields.of(message);
        Map<String, Object> blocks = new LinkedHashMap<>();
        for (BlockDescriptor block : message.descriptor().blocks()) {
            List<Object> entries = new ArrayList<>();
            for (Map<String, Object> entry : generic.blocks().get(block.name())) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (FieldDescriptor field : block.fields()) {
                    fields.put(field.name(), FieldJson.toJson(field, entry.get(field.name())));
                }
                entries.add(fields);
            }
            blocks.put(block.name(), entries);
        }
        return blocks;
    }

    /**
     * Writes a packet as one line of JSON.
     *
     * @param packet the packet
     * @return the JSON text, without a line end
     */
    public static String write(Packet packet) {
        return Json.write(toJson(packet));
    }

    /**
     * Parses a packet from JSON text.
     *
     * @param text one JSON object in the packet form
     * @return the packet
     * @throws PacketJsonException if the text is not JSON (the message then names the offset) or
     *                             not a valid packet
     */
    public static Packet parse(String text) throws PacketJsonException {
        Object json;
        try {
            json = Json.parse(text);
        } catch (JsonParseException e) {
            throw new PacketJsonException("invalid JSON: " + e.getMessage());
        }
        return fromJson(json);
    }

    /**
     * Builds a packet from its JSON value.
     *
     * @param json a map as {@link Json#parse} returns for a packet object
     * @return the packet
     * @throws PacketJsonException naming the member that is missing, unknown or invalid
     */
    public static Packet fromJson(Object json) throws PacketJsonException {
        Map<String, Object> packet = object(json, "packet", PACKET_KEYS);
        int flags = flags(packet.get("flags"));
        int sequence = packet.containsKey("sequence")
                ? (int) FieldJson.integer(packet.get("sequence"), 0, 0xFFFF_FFFFL, "sequence number", "sequence") : 0;
        Bytes extra = packet.containsKey("extra")
                ? FieldJson.bytes(packet.get("extra"), 0, 255, "extra header", "extra") : Bytes.EMPTY;
        int[] acks = acks(packet.get("acks"));
        if (!(packet.get("message") instanceof String name)) {
            throw new PacketJsonException("message: must be a message name string, not "
                    + FieldJson.describe(packet.get("message")));
        }
        MessageDescriptor descriptor = Messages.REGISTRY.byName(name);
        if (descriptor == null) {
            throw new PacketJsonException("message: no message is named \"" + name + "\"");
        }
        Message message = messageFromJson(descriptor, packet.getOrDefault("blocks", Map.of()));
        try {
            return Packet.of(flags, sequence, extra, acks, message);
        } catch (IllegalArgumentException e) {
            throw new PacketJsonException(e.getMessage());
        }
    }

    /**
     * Builds a message from the JSON value of its blocks.
     *
     * @param descriptor which message
     * @param blocksJson the {@code "blocks"} object
     * @return the message
     * @throws PacketJsonException naming the block or field that is missing, unknown or invalid
     */
    public static Message messageFromJson(MessageDescriptor descriptor, Object blocksJson) throws PacketJsonException {
        Set<String> blockNames = new java.util.HashSet<>();
        descriptor.blocks().forEach(block -> blockNames.add(block.name()));
        Map<String, Object> blocksIn = object(blocksJson, "blocks", blockNames);
        Map<String, List<Map<String, Object>>> blocks = new LinkedHashMap<>();
        for (BlockDescriptor block : descriptor.blocks()) {
            String path = "blocks." + block.name();
            Object entriesJson = blocksIn.get(block.name());
            if (entriesJson == null) {
                if (block.cardinality() != BlockDescriptor.Cardinality.VARIABLE) {
                    throw new PacketJsonException(path + ": missing (a " + block.layout() + " block of "
                            + descriptor.name() + ")");
                }
                blocks.put(block.name(), List.of());
                continue;
            }
            if (!(entriesJson instanceof List<?> entries)) {
                throw new PacketJsonException(path + ": must be an array of objects, not "
                        + FieldJson.describe(entriesJson));
            }
            int expected = block.cardinality() == BlockDescriptor.Cardinality.VARIABLE ? -1 : block.count();
            if (expected >= 0 ? entries.size() != expected : entries.size() > 255) {
                throw new PacketJsonException(path + ": a " + block.layout() + " block needs "
                        + (expected >= 0 ? "exactly " + expected : "at most 255") + " entries, not " + entries.size());
            }
            Set<String> fieldNames = new java.util.HashSet<>();
            block.fields().forEach(field -> fieldNames.add(field.name()));
            List<Map<String, Object>> built = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                String entryPath = path + "[" + i + "]";
                Map<String, Object> fieldsIn = object(entries.get(i), entryPath, fieldNames);
                Map<String, Object> fields = new LinkedHashMap<>();
                for (FieldDescriptor field : block.fields()) {
                    String fieldPath = entryPath + "." + field.name();
                    if (!fieldsIn.containsKey(field.name())) {
                        throw new PacketJsonException(fieldPath + ": missing (" + field.layout() + ")");
                    }
                    fields.put(field.name(), FieldJson.fromJson(field, fieldsIn.get(field.name()), fieldPath));
                }
                built.add(fields);
            }
            blocks.put(block.name(), built);
        }
        try {
            return new MessageFields(descriptor, blocks).toMessage();
        } catch (IllegalArgumentException e) {
            // Every field was checked above; this is a bound the generated record enforces beyond them.
            throw new PacketJsonException(descriptor.name() + ": " + e.getMessage());
        }
    }

    private static int flags(Object json) throws PacketJsonException {
        if (json == null) {
            return 0;
        }
        Map<String, Object> flags = object(json, "flags", FLAG_KEYS);
        int bits = flag(flags, "zerocoded", PacketHeader.ZEROCODED) | flag(flags, "reliable", PacketHeader.RELIABLE)
                | flag(flags, "resent", PacketHeader.RESENT) | flag(flags, "acks", PacketHeader.ACKS);
        if (flags.containsKey("other")) {
            int other = (int) FieldJson.integer(flags.get("other"), 0, 255, "other flag bits", "flags.other");
            if ((other & NAMED_FLAGS) != 0) {
                throw new PacketJsonException("flags.other: must not include the named bits 0xf0, not " + other);
            }
            bits |= other;
        }
        return bits;
    }

    private static int flag(Map<String, Object> flags, String name, int bit) throws PacketJsonException {
        Object value = flags.get(name);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Boolean set)) {
            throw new PacketJsonException("flags." + name + ": must be true or false, not " + FieldJson.describe(value));
        }
        return set ? bit : 0;
    }

    private static int[] acks(Object json) throws PacketJsonException {
        if (json == null) {
            return new int[0];
        }
        if (!(json instanceof List<?> list)) {
            throw new PacketJsonException("acks: must be an array of sequence numbers, not " + FieldJson.describe(json));
        }
        if (list.size() > 255) {
            throw new PacketJsonException("acks: at most 255 can be appended, not " + list.size());
        }
        int[] acks = new int[list.size()];
        for (int i = 0; i < acks.length; i++) {
            acks[i] = (int) FieldJson.integer(list.get(i), 0, 0xFFFF_FFFFL, "ack", "acks[" + i + "]");
        }
        return acks;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json, String path, Set<String> allowed) throws PacketJsonException {
        if (!(json instanceof Map<?, ?> map)) {
            throw new PacketJsonException(path + ": must be an object, not " + FieldJson.describe(json));
        }
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new PacketJsonException(path + ": unknown member \"" + key + "\"; expected one of "
                        + new java.util.TreeSet<>(allowed));
            }
        }
        return (Map<String, Object>) map;
    }
}

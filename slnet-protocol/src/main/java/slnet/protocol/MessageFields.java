package slnet.protocol;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/**
 * A message as named blocks of named fields, keyed by the template's names: the form tools (JSON,
 * LLSD event-queue bodies) convert to and from typed messages.
 *
 * <p>Every block maps to a list of field maps (a Single block has one entry). Field values have
 * the Java types of the generated records: {@link Integer} for U8, U16, U32 (unsigned), S8, S16,
 * S32 and IPPORT; {@link Long} for U64 (unsigned) and S64; {@link Float}, {@link Double},
 * {@link Boolean}, {@link UUID}, {@link Inet4Address}, the vector types, and {@link Bytes} for
 * Fixed and Variable. Immutable. The conversion uses reflection and is meant for tools and the
 * event queue, not the UDP hot path.
 *
 * @param descriptor the message
 * @param blocks block name to its entries, in template order
 */
public record MessageFields(MessageDescriptor descriptor, Map<String, List<Map<String, Object>>> blocks) {

    /** Copies the blocks. */
    public MessageFields {
        Objects.requireNonNull(descriptor, "descriptor");
        Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
        blocks.forEach((name, entries) -> copy.put(name, entries.stream()
                .map(entry -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entry))).toList()));
        blocks = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Takes a typed message apart.
     *
     * @param message the message
     * @return its blocks and fields by template name
     */
    public static MessageFields of(Message message) {
        MessageDescriptor descriptor = message.descriptor();
        RecordComponent[] blockComponents = message.getClass().getRecordComponents();
        Map<String, List<Map<String, Object>>> blocks = new LinkedHashMap<>();
        for (int b = 0; b < descriptor.blocks().size(); b++) {
            BlockDescriptor block = descriptor.blocks().get(b);
            Object value = read(blockComponents[b], message);
            List<?> entries = block.cardinality() == BlockDescriptor.Cardinality.SINGLE ? List.of(value) : (List<?>) value;
            List<Map<String, Object>> maps = new ArrayList<>(entries.size());
            for (Object entry : entries) {
                RecordComponent[] fieldComponents = entry.getClass().getRecordComponents();
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int f = 0; f < block.fields().size(); f++) {
                    fields.put(block.fields().get(f).name(), read(fieldComponents[f], entry));
                }
                maps.add(fields);
            }
            blocks.put(block.name(), maps);
        }
        return new MessageFields(descriptor, blocks);
    }

    /**
     * Builds the typed message. Missing blocks of Variable cardinality are taken as empty; a
     * missing Single block, a missing field, or a value of the wrong type is an error.
     *
     * @param messageClass the generated record class of {@link #descriptor()}
     * @return the message
     * @throws IllegalArgumentException naming the block or field that is missing or of the wrong type
     */
    public Message toMessage(Class<? extends Message> messageClass) {
        RecordComponent[] blockComponents = messageClass.getRecordComponents();
        Object[] blockValues = new Object[blockComponents.length];
        for (int b = 0; b < blockComponents.length; b++) {
            BlockDescriptor block = descriptor.blocks().get(b);
            List<Map<String, Object>> entries = blocks.getOrDefault(block.name(), List.of());
            Class<?> blockClass = blockType(blockComponents[b], block);
            List<Object> built = new ArrayList<>(entries.size());
            for (Map<String, Object> entry : entries) {
                built.add(buildBlock(blockClass, block, entry));
            }
            if (block.cardinality() == BlockDescriptor.Cardinality.SINGLE) {
                if (built.size() != 1) {
                    throw new IllegalArgumentException("block " + block.name() + " of " + descriptor.name()
                            + " must have exactly one entry, not " + built.size());
                }
                blockValues[b] = built.get(0);
            } else {
                blockValues[b] = built;
            }
        }
        return (Message) construct(messageClass, blockComponents, blockValues, descriptor.name());
    }

    /**
     * Builds the typed message, finding its class in the generated messages package.
     *
     * @return the message
     * @throws IllegalArgumentException naming the block or field that is missing or of the wrong type
     */
    public Message toMessage() {
        String className = "slnet.protocol.messages." + descriptor.name();
        try {
            return toMessage(Class.forName(className).asSubclass(Message.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no generated class " + className, e);
        }
    }

    private Object buildBlock(Class<?> blockClass, BlockDescriptor block, Map<String, Object> entry) {
        RecordComponent[] fieldComponents = blockClass.getRecordComponents();
        Object[] values = new Object[fieldComponents.length];
        for (int f = 0; f < fieldComponents.length; f++) {
            FieldDescriptor field = block.fields().get(f);
            if (!entry.containsKey(field.name())) {
                throw new IllegalArgumentException("field " + block.name() + "." + field.name() + " of "
                        + descriptor.name() + " is missing");
            }
            Object value = entry.get(field.name());
            Class<?> expected = boxed(fieldComponents[f].getType());
            if (value == null || !expected.isInstance(value)) {
                throw new IllegalArgumentException("field " + block.name() + "." + field.name() + " of "
                        + descriptor.name() + " must be " + expected.getSimpleName() + ", not "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            values[f] = value;
        }
        return construct(blockClass, fieldComponents, values, descriptor.name() + "." + block.name());
    }

    private static Class<?> blockType(RecordComponent component, BlockDescriptor block) {
        if (block.cardinality() == BlockDescriptor.Cardinality.SINGLE) {
            return component.getType();
        }
        java.lang.reflect.ParameterizedType listType = (java.lang.reflect.ParameterizedType) component.getGenericType();
        return (Class<?>) listType.getActualTypeArguments()[0];
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values, String what) {
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(what + ": " + (cause == null ? e : cause.getMessage()), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> throw new IllegalStateException("unexpected field type " + type);
        };
    }

    /**
     * Returns the Java class a field of this type has in a generic message.
     *
     * @param type the wire type
     * @return the class of its values
     */
    public static Class<?> valueClass(FieldType type) {
        return switch (type) {
            case U8, U16, U32, S8, S16, S32, IPPORT -> Integer.class;
            case U64, S64 -> Long.class;
            case F32 -> Float.class;
            case F64 -> Double.class;
            case BOOL -> Boolean.class;
            case LLUUID -> UUID.class;
            case IPADDR -> Inet4Address.class;
            case LLVECTOR3 -> Vector3.class;
            case LLVECTOR3D -> Vector3d.class;
            case LLVECTOR4 -> Vector4.class;
            case LLQUATERNION -> Quaternion.class;
            case FIXED, VARIABLE1, VARIABLE2 -> Bytes.class;
        };
    }
}

package slnet.world;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;

/**
 * Turns the object blocks of {@code ObjectUpdate} and {@code ObjectUpdateCompressed} into
 * {@link WorldObject}s. Every failure is an {@link ObjectDecodeException}; no other exception
 * leaves these methods, whatever the bytes.
 *
 * <h2>The compressed layout</h2>
 * {@code ObjectUpdateCompressed.ObjectData.Data}, little-endian: full id (16), local id U32, PCode
 * U8, state U8, CRC U32, material U8, click action U8, scale, position, rotation (x, y, z of a
 * unit quaternion) as F32x3 each, compressed flags U32, owner id (16); then, driven by the flags:
 * angular velocity F32x3 (0x80), parent id U32 (0x20), tree species U8 (0x02) or else a scratch
 * pad (0x01: U32 size, then a U32 length and that many bytes, as the viewer's data packer reads
 * it), hover text as a NUL-terminated string and a colour (0x04), media URL as a NUL-terminated
 * string (0x200), a legacy particle system of 86 bytes (0x08); always the extra parameters; a
 * sound: id, gain F32, flags U8, radius F32 (0x10); name-values as a NUL-terminated string (0x100);
 * always the path and profile parameters (23 bytes) and a U32-length-prefixed texture entry; a
 * U32-length-prefixed texture animation (0x40); and a newer particle system to the end (0x400).
 */
public final class ObjectUpdateDecoder {
    /** Longest string (text, URL, name-values) read from a compressed block. */
    public static final int MAX_STRING = 4096;
    private static final int MAX_TEXTURE_ENTRY = 16 * 1024;
    private static final int LEGACY_PARTICLES = 86;
    private static final UUID ZERO = new UUID(0, 0);

    private ObjectUpdateDecoder() {
    }

    /**
     * Decodes one block of a full {@code ObjectUpdate}.
     *
     * @param regionHandle the message's region
     * @param b the block
     * @return the object, without properties
     * @throws ObjectDecodeException if its motion block, texture entry or extra parameters do not decode
     */
    public static WorldObject decodeFull(long regionHandle, ObjectUpdate.ObjectData b) throws ObjectDecodeException {
        ObjectMotion motion = ObjectMotions.decodeFull(b.objectData());
        PrimShape shape = new PrimShape(b.pathCurve(), b.profileCurve(), b.pathBegin(), b.pathEnd(), b.pathScaleX(),
                b.pathScaleY(), b.pathShearX(), b.pathShearY(), b.pathTwist(), b.pathTwistBegin(),
                b.pathRadiusOffset(), b.pathTaperX(), b.pathTaperY(), b.pathRevolutions(), b.pathSkew(),
                b.profileBegin(), b.profileEnd(), b.profileHollow());
        TextureEntry textures = TextureEntry.decode(b.textureEntry());
        ExtraParams extra = ExtraParams.decode(b.extraParams());
        List<NameValue> nameValues = NameValue.parseList(string(b.nameValue()));
        HoverText text = null;
        if (b.text().length() > 1) {
            text = hoverText(string(b.text()), b.textColor());
        }
        ObjectSound sound = ZERO.equals(b.sound()) ? null : new ObjectSound(b.sound(), b.gain(), b.flags(), b.radius());
        return new WorldObject(regionHandle, b.id(), b.fullID(), b.parentID(), PCode.fromCode(b.pCode()), b.state(),
                b.crc(), Material.fromCode(b.material()), ClickAction.fromCode(b.clickAction()), b.scale(), motion,
                b.updateFlags(), shape, textures, extra, nameValues, text, string(b.mediaURL()), b.psBlock(),
                b.textureAnim(), b.data(), sound, b.ownerID(), null);
    }

    /**
     * Decodes one block of {@code ObjectUpdateCompressed}.
     *
     * @param regionHandle the message's region
     * @param updateFlags the block's {@code UpdateFlags}
     * @param data the block's {@code Data}
     * @return the object, without properties
     * @throws ObjectDecodeException if the bytes end early or hold an out-of-bounds length
     */
    public static WorldObject decodeCompressed(long regionHandle, int updateFlags, Bytes data)
            throws ObjectDecodeException {
        BlockReader r = new BlockReader(data);
        UUID id = r.uuid("full id");
        int localId = r.u32("local id");
        int pcode = r.u8("pcode");
        int state = r.u8("state");
        int crc = r.u32("crc");
        int material = r.u8("material");
        int clickAction = r.u8("click action");
        Vector3 scale = r.vector3("scale");
        Vector3 position = r.vector3("position");
        Vector3 rotation = r.vector3("rotation");
        int flags = r.u32("compressed flags");
        UUID owner = r.uuid("owner");
        Vector3 omega = Vector3.ZERO;
        if ((flags & 0x80) != 0) {
            omega = r.vector3("angular velocity");
        }
        int parent = 0;
        if ((flags & 0x20) != 0) {
            parent = r.u32("parent id");
        }
        Bytes generic = Bytes.EMPTY;
        if ((flags & 0x02) != 0) {
            generic = r.bytes(1, "tree species");
        } else if ((flags & 0x01) != 0) {
            r.u32("scratch pad size");
            int length = r.u32("scratch pad length");
            checkLength(length, r, "scratch pad");
            generic = r.bytes(length, "scratch pad");
        }
        HoverText text = null;
        if ((flags & 0x04) != 0) {
            String t = r.cString(MAX_STRING, "hover text");
            r.need(4, "text colour");
            text = hoverText(t, r.bytes(4, "text colour"));
        }
        String mediaUrl = "";
        if ((flags & 0x200) != 0) {
            mediaUrl = r.cString(MAX_STRING, "media URL");
        }
        Bytes particles = Bytes.EMPTY;
        if ((flags & 0x08) != 0) {
            particles = r.bytes(LEGACY_PARTICLES, "legacy particle system");
        }
        ExtraParams extra = ExtraParams.decode(r);
        ObjectSound sound = null;
        if ((flags & 0x10) != 0) {
            UUID soundId = r.uuid("sound");
            float gain = r.f32("sound gain");
            int soundFlags = r.u8("sound flags");
            sound = new ObjectSound(soundId, gain, soundFlags, r.f32("sound radius"));
        }
        List<NameValue> nameValues = List.of();
        if ((flags & 0x100) != 0) {
            nameValues = NameValue.parseList(r.cString(MAX_STRING, "name values"));
        }
        int pathCurve = r.u8("path curve");
        int pathBegin = r.u16("path begin");
        int pathEnd = r.u16("path end");
        int pathScaleX = r.u8("path scale x");
        int pathScaleY = r.u8("path scale y");
        int pathShearX = r.u8("path shear x");
        int pathShearY = r.u8("path shear y");
        int pathTwist = r.s8("path twist");
        int pathTwistBegin = r.s8("path twist begin");
        int pathRadiusOffset = r.s8("path radius offset");
        int pathTaperX = r.s8("path taper x");
        int pathTaperY = r.s8("path taper y");
        int pathRevolutions = r.u8("path revolutions");
        int pathSkew = r.s8("path skew");
        int profileCurve = r.u8("profile curve");
        int profileBegin = r.u16("profile begin");
        int profileEnd = r.u16("profile end");
        int profileHollow = r.u16("profile hollow");
        PrimShape shape = new PrimShape(pathCurve, profileCurve, pathBegin, pathEnd, pathScaleX, pathScaleY, pathShearX,
                pathShearY, pathTwist, pathTwistBegin, pathRadiusOffset, pathTaperX, pathTaperY, pathRevolutions,
                pathSkew, profileBegin, profileEnd, profileHollow);
        int teLength = r.u32("texture entry length");
        checkLength(teLength, r, "texture entry");
        if (teLength > MAX_TEXTURE_ENTRY) {
            throw new ObjectDecodeException(ObjectDecodeException.Reason.BAD_COUNT, r.position() - 4,
                    "texture entry of " + teLength + " bytes");
        }
        TextureEntry textures = teLength == 0 ? TextureEntry.EMPTY
                : TextureEntry.decode(new BlockReader(data, r.position(), r.position() + teLength));
        r.skip(teLength, "texture entry");
        Bytes textureAnimation = Bytes.EMPTY;
        if ((flags & 0x40) != 0) {
            int length = r.u32("texture animation length");
            checkLength(length, r, "texture animation");
            textureAnimation = r.bytes(length, "texture animation");
        }
        if ((flags & 0x400) != 0) {
            particles = r.bytes(r.remaining(), "particle system");
        }
        ObjectMotion motion = new ObjectMotion(position, Vector3.ZERO, Vector3.ZERO,
                ObjectMotions.unit(Quaternion.fromWire(rotation.x(), rotation.y(), rotation.z())), omega, null);
        return new WorldObject(regionHandle, localId, id, parent, PCode.fromCode(pcode), state, crc,
                Material.fromCode(material), ClickAction.fromCode(clickAction), scale, motion, updateFlags, shape,
                textures, extra, nameValues, text, mediaUrl, particles, textureAnimation, generic, sound, owner, null);
    }

    private static void checkLength(int length, BlockReader r, String what) throws ObjectDecodeException {
        if (length < 0 || length > r.remaining()) {
            throw new ObjectDecodeException(ObjectDecodeException.Reason.BAD_COUNT, r.position() - 4,
                    what + " claims " + Integer.toUnsignedString(length) + " bytes, " + r.remaining() + " left");
        }
    }

    private static HoverText hoverText(String text, Bytes color) {
        int red = color.length() > 0 ? color.get(0) & 0xFF : 0;
        int green = color.length() > 1 ? color.get(1) & 0xFF : 0;
        int blue = color.length() > 2 ? color.get(2) & 0xFF : 0;
        int alpha = color.length() > 3 ? 255 - (color.get(3) & 0xFF) : 255;
        return new HoverText(text, red, green, blue, alpha);
    }

    /** A variable field as text, without its trailing NUL(s). */
    static String string(Bytes field) {
        int n = field.length();
        while (n > 0 && field.get(n - 1) == 0) {
            n--;
        }
        if (n == 0) {
            return "";
        }
        byte[] raw = field.toArray();
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }
}

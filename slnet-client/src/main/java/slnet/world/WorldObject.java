package slnet.world;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * An immutable snapshot of one object in a region, as the simulator last described it: every field
 * of its full or compressed update, its latest motion, and its properties once asked for.
 *
 * @param regionHandle the region it is in
 * @param localId the region-local id (U32, kept as an int)
 * @param id the object's UUID
 * @param parentId the parent's local id; 0 for a root object
 * @param pcode what it is
 * @param state attachment point and other state bits
 * @param crc the simulator's checksum of the object, matched by {@code ObjectUpdateCached}
 * @param material its material
 * @param clickAction what clicking does
 * @param scale its size, meters
 * @param motion where it is and how it moves, relative to its parent
 * @param updateFlags the object's flags (physics 0x1, scripted 0x2, ..., phantom 0x400, temp 0x40000000 ...)
 * @param shape path and profile
 * @param textures the texture entry
 * @param extraParams flexible, light, sculpt, mesh
 * @param nameValues name-value pairs (avatars' names)
 * @param text hover text, or null
 * @param mediaUrl the media URL, empty for none
 * @param particleSystem the particle system's bytes, empty for none
 * @param textureAnimation the texture animation's bytes, empty for none
 * @param data generic data (a tree's species; a root prim's link count)
 * @param sound the attached sound, or null
 * @param ownerId the owner as the update tells it (set when there is a sound or particles), or the zero UUID
 * @param properties name, description and owner once a properties reply came, or null
 */
public record WorldObject(long regionHandle, int localId, UUID id, int parentId, PCode pcode, int state, int crc,
                          Material material, ClickAction clickAction, Vector3 scale, ObjectMotion motion,
                          int updateFlags, PrimShape shape, TextureEntry textures, ExtraParams extraParams,
                          List<NameValue> nameValues, HoverText text, String mediaUrl, Bytes particleSystem,
                          Bytes textureAnimation, Bytes data, ObjectSound sound, UUID ownerId,
                          ObjectProperties properties) {

    /** Copies the list. */
    public WorldObject {
        nameValues = List.copyOf(nameValues);
    }

    /**
     * Returns true for an avatar.
     *
     * @return true for an avatar
     */
    public boolean isAvatar() {
        return pcode == PCode.AVATAR;
    }

    /**
     * Returns true if it has no parent.
     *
     * @return true if it has no parent
     */
    public boolean isRoot() {
        return parentId == 0;
    }

    /**
     * Returns the position relative to the parent.
     *
     * @return the position relative to the parent
     */
    public Vector3 position() {
        return motion.position();
    }

    /**
     * Returns its value.
     *
     * @param name a pair's name, e.g. {@code FirstName}
     * @return its value
     */
    public Optional<String> nameValue(String name) {
        for (NameValue nv : nameValues) {
            if (nv.name().equals(name)) {
                return Optional.of(nv.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The object's name: an avatar's {@code FirstName LastName} from its name-value pairs, else the
     * name from its properties once they came.
     *
     * @return the name, if known
     */
    public Optional<String> name() {
        if (isAvatar()) {
            Optional<String> first = nameValue("FirstName");
            if (first.isPresent()) {
                String last = nameValue("LastName").orElse("");
                return Optional.of((first.get() + " " + last).strip());
            }
        }
        return properties == null ? Optional.empty() : Optional.of(properties.name());
    }

    WorldObject withMotion(ObjectMotion m) {
        return new WorldObject(regionHandle, localId, id, parentId, pcode, state, crc, material, clickAction, scale, m,
                updateFlags, shape, textures, extraParams, nameValues, text, mediaUrl, particleSystem, textureAnimation,
                data, sound, ownerId, properties);
    }

    WorldObject withProperties(ObjectProperties p) {
        return new WorldObject(regionHandle, localId, id, parentId, pcode, state, crc, material, clickAction, scale,
                motion, updateFlags, shape, textures, extraParams, nameValues, text, mediaUrl, particleSystem,
                textureAnimation, data, sound, ownerId, p);
    }

    @Override
    public String toString() {
        return "WorldObject[" + pcode + " " + localId + " " + id + (parentId != 0 ? " parent " + parentId : "")
                + " at " + motion.position() + name().map(n -> " \"" + n + "\"").orElse("") + "]";
    }
}

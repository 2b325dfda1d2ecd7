package slnet.testgrid.sim;

import java.util.Objects;
import java.util.UUID;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;

/**
 * An object a test region holds: a prim of a basic shape (box, cylinder, sphere...), a tree, a
 * grass patch, optionally linked to a root and carrying hover text, a light or a face texture.
 * Immutable; {@link SimObjects} assigns local ids.
 *
 * @param id its UUID
 * @param pcode 9 prim, 95 grass, 111 new tree, 255 tree
 * @param parentLocalId the root's local id for a linked child, else 0
 * @param position region coordinates for a root, the root's frame for a child
 * @param rotation unit quaternion
 * @param scale meters
 * @param pathCurve 0x10 line, 0x20 circle
 * @param profileCurve 0 circle, 1 square, 3 triangle, 5 half circle
 * @param profileHollow 0..50000 (units of 1/50000)
 * @param text hover text, or null
 * @param faceTexture a texture on face 1 (the rest keep the default), or null
 * @param lightRadius a light's radius, or 0 for none
 * @param crc the checksum sent with it (full, compressed and cached forms)
 */
public record SimObject(UUID id, int pcode, int parentLocalId, Vector3 position, Quaternion rotation, Vector3 scale,
                        int pathCurve, int profileCurve, int profileHollow, String text, UUID faceTexture,
                        float lightRadius, int crc) {
    /** Checks the required parts. */
    public SimObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(scale, "scale");
    }

    /**
     * Returns a half-meter box.
     *
     * @param position where
     * @return a half-meter box
     */
    public static SimObject box(Vector3 position) {
        return new SimObject(UUID.randomUUID(), 9, 0, position, Quaternion.IDENTITY, new Vector3(0.5f, 0.5f, 0.5f),
                0x10, 1, 0, null, null, 0, 1);
    }

    /**
     * Returns a cylinder.
     *
     * @param position where
     * @return a cylinder
     */
    public static SimObject cylinder(Vector3 position) {
        return box(position).shaped(0x10, 0, 0);
    }

    /**
     * Returns a sphere.
     *
     * @param position where
     * @return a sphere
     */
    public static SimObject sphere(Vector3 position) {
        return box(position).shaped(0x20, 5, 0);
    }

    /**
     * Returns a tree (legacy pcode 255).
     *
     * @param position where
     * @return a tree (legacy pcode 255)
     */
    public static SimObject tree(Vector3 position) {
        return new SimObject(UUID.randomUUID(), 255, 0, position, Quaternion.IDENTITY, new Vector3(4, 4, 8), 0x10, 1, 0,
                null, null, 0, 1);
    }

    /**
     * Returns this with another shape.
     *
     * @param pathCurve path curve
     * @param profileCurve profile curve
     * @param hollow hollow
     * @return this with another shape
     */
    public SimObject shaped(int pathCurve, int profileCurve, int hollow) {
        return new SimObject(id, pcode, parentLocalId, position, rotation, scale, pathCurve, profileCurve, hollow, text,
                faceTexture, lightRadius, crc + 1);
    }

    /**
     * Returns this with hover text.
     *
     * @param hoverText the text
     * @return this with hover text
     */
    public SimObject withText(String hoverText) {
        return new SimObject(id, pcode, parentLocalId, position, rotation, scale, pathCurve, profileCurve, profileHollow,
                hoverText, faceTexture, lightRadius, crc + 1);
    }

    /**
     * Returns this as a child of that root.
     *
     * @param rootLocalId the root's local id
     * @param offset where, in the root's frame
     * @return this as a child of that root
     */
    public SimObject linkedTo(int rootLocalId, Vector3 offset) {
        return new SimObject(id, pcode, rootLocalId, offset, rotation, scale, pathCurve, profileCurve, profileHollow,
                text, faceTexture, lightRadius, crc + 1);
    }

    /**
     * Returns this with that face textured.
     *
     * @param texture the texture of face 1
     * @return this with that face textured
     */
    public SimObject withFaceTexture(UUID texture) {
        return new SimObject(id, pcode, parentLocalId, position, rotation, scale, pathCurve, profileCurve, profileHollow,
                text, texture, lightRadius, crc + 1);
    }

    /**
     * Returns this with a light.
     *
     * @param radius the light's radius
     * @return this with a light
     */
    public SimObject withLight(float radius) {
        return new SimObject(id, pcode, parentLocalId, position, rotation, scale, pathCurve, profileCurve, profileHollow,
                text, faceTexture, radius, crc + 1);
    }

    SimObject at(Vector3 to) {
        return new SimObject(id, pcode, parentLocalId, to, rotation, scale, pathCurve, profileCurve, profileHollow, text,
                faceTexture, lightRadius, crc);
    }
}

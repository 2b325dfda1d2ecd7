package slnet.world;

import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector4;

/**
 * Where an object is and how it moves, relative to its parent (the region for a root object, the
 * root prim for a child, the seat for a sitting avatar).
 *
 * @param position meters
 * @param velocity meters per second
 * @param acceleration meters per second squared
 * @param rotation a unit quaternion
 * @param angularVelocity radians per second around each axis
 * @param collisionPlane an avatar's foot plane, or null when the update carried none
 */
public record ObjectMotion(Vector3 position, Vector3 velocity, Vector3 acceleration, Quaternion rotation,
                           Vector3 angularVelocity, Vector4 collisionPlane) {
    /** At the origin, still, unrotated. */
    public static final ObjectMotion AT_REST = new ObjectMotion(Vector3.ZERO, Vector3.ZERO, Vector3.ZERO,
            Quaternion.IDENTITY, Vector3.ZERO, null);

    /**
     * Returns the same motion at another position.
     *
     * @param otherPosition another position
     * @return the same motion at another position
     */
    public ObjectMotion withPosition(Vector3 otherPosition) {
        return new ObjectMotion(otherPosition, velocity, acceleration, rotation, angularVelocity, collisionPlane);
    }
}

package slnet.world;

import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector4;

/** An object's motion as plain floats, updated in place by terse updates. Not thread-safe. */
final class MutableMotion {
    float px;
    float py;
    float pz;
    float vx;
    float vy;
    float vz;
    float ax;
    float ay;
    float az;
    float qx;
    float qy;
    float qz;
    float qw = 1;
    float wx;
    float wy;
    float wz;
    boolean hasPlane;
    float planeX;
    float planeY;
    float planeZ;
    float planeW;

    void setRotation(float x, float y, float z, float w) {
        float norm2 = x * x + y * y + z * z + w * w;
        if (!(norm2 > 1e-12f) || Float.isInfinite(norm2)) {
            qx = 0;
            qy = 0;
            qz = 0;
            qw = 1;
            return;
        }
        float inv = (float) (1 / Math.sqrt(norm2));
        qx = x * inv;
        qy = y * inv;
        qz = z * inv;
        qw = w * inv;
    }

    void set(ObjectMotion m) {
        px = m.position().x();
        py = m.position().y();
        pz = m.position().z();
        vx = m.velocity().x();
        vy = m.velocity().y();
        vz = m.velocity().z();
        ax = m.acceleration().x();
        ay = m.acceleration().y();
        az = m.acceleration().z();
        qx = m.rotation().x();
        qy = m.rotation().y();
        qz = m.rotation().z();
        qw = m.rotation().w();
        wx = m.angularVelocity().x();
        wy = m.angularVelocity().y();
        wz = m.angularVelocity().z();
        Vector4 p = m.collisionPlane();
        hasPlane = p != null;
        if (p != null) {
            planeX = p.x();
            planeY = p.y();
            planeZ = p.z();
            planeW = p.w();
        }
    }

    ObjectMotion toMotion() {
        return new ObjectMotion(new Vector3(px, py, pz), new Vector3(vx, vy, vz), new Vector3(ax, ay, az),
                new Quaternion(qx, qy, qz, qw), new Vector3(wx, wy, wz),
                hasPlane ? new Vector4(planeX, planeY, planeZ, planeW) : null);
    }
}

package slnet.world;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import slnet.login.LocalVector;
import slnet.login.LoginFlags;
import slnet.login.SessionInfo;

/** A session for the requests the world sends. */
final class WorldFixturesSession {
    private WorldFixturesSession() {
    }

    static SessionInfo session() {
        return new SessionInfo(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1234,
                new InetSocketAddress("127.0.0.1", 13000), Optional.empty(), 256000, 256000,
                new LocalVector(1, 0, 0), "Test", "User", "M", "A", "last", Optional.empty(), 0, Optional.empty(),
                List.of(), List.of(), LoginFlags.NONE, -1, "", Optional.empty(), Map.of());
    }
}

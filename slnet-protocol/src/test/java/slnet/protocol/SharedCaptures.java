package slnet.protocol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Finds the real traffic in {@code ../shared/captures}, which is read from there and never copied into the project. */
public final class SharedCaptures {
    private SharedCaptures() {
    }

    /** @return the captures directory */
    public static Path directory() {
        return SharedProtocolFiles.directory().resolveSibling("captures");
    }

    /** @return the datagrams a real OpenSimulator 0.9.2.2 simulator sent to viewers */
    public static List<CapturedDatagram> openSim0922Inbound() throws IOException {
        return CaptureFile.readInbound(directory().resolve("opensim-0.9.2.2/inbound.txt"));
    }
}

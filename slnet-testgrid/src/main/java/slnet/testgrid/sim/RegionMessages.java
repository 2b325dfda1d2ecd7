package slnet.testgrid.sim;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KickUser;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.LogoutReply;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** Builds the messages a simulator sends, from the region's settings. Immutable, thread-safe. */
final class RegionMessages {
    static final String CHANNEL_VERSION = "slnet TestGrid 0.1";
    /** {@code PCode} of an avatar. */
    static final int PCODE_AVATAR = 47;
    /** Time dilation 1.0: the region runs at full speed. */
    private static final int FULL_SPEED = 65535;
    /** {@code SimAccess} for a general (PG) region. */
    private static final int SIM_ACCESS_PG = 13;
    private static final UUID NONE = new UUID(0, 0);
    private static final Vector3 AVATAR_SCALE = new Vector3(0.45f, 0.6f, 1.9f);
    private static final Inet4Address ANY;

    static {
        try {
            ANY = (Inet4Address) InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RegionSettings region;
    private final UUID cacheId = UUID.randomUUID();

    RegionMessages(RegionSettings region) {
        this.region = region;
    }

    RegionHandshake regionHandshake() {
        var info = new RegionHandshake.RegionInfo(0, SIM_ACCESS_PG, Bytes.ofString(region.name()), NONE, false,
                region.waterHeight(), 1f, cacheId, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE,
                10f, 10f, 10f, 10f, 60f, 60f, 60f, 60f);
        return new RegionHandshake(info, new RegionHandshake.RegionInfo2(region.regionId()),
                new RegionHandshake.RegionInfo3(0, 0, Bytes.ofString("loopback"), Bytes.ofString("slnet"),
                        Bytes.ofString("slnet test region")),
                List.of(new RegionHandshake.RegionInfo4(0L, 0L)));
    }

    AgentMovementComplete movementComplete(AgentSession session, Vector3 position) {
        int now = (int) (System.currentTimeMillis() / 1000);
        return new AgentMovementComplete(new AgentMovementComplete.AgentData(session.agentId(), session.sessionId()),
                new AgentMovementComplete.Data(position, new Vector3(1, 0, 0), region.handle(), now),
                new AgentMovementComplete.SimData(Bytes.ofString(CHANNEL_VERSION)));
    }

    ObjectUpdate avatarUpdate(AgentSession session, int localId, Vector3 position) {
        String nameValue = "FirstName STRING RW SV " + session.firstName() + "\nLastName STRING RW SV "
                + session.lastName() + "\nTitle STRING RW SV \n";
        var data = new ObjectUpdate.ObjectData(localId, 0, session.agentId(), 0, PCODE_AVATAR, 4, 0, AVATAR_SCALE,
                AvatarBlobs.objectData(position), 0, 0, 16, 1, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Bytes.EMPTY, Bytes.EMPTY, Bytes.ofString(nameValue), Bytes.EMPTY, Bytes.EMPTY, Bytes.copyOf(new byte[4]),
                Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, NONE, NONE, 0f, 0, 0f, 0, Vector3.ZERO, Vector3.ZERO);
        return new ObjectUpdate(new ObjectUpdate.RegionData(region.handle(), FULL_SPEED), List.of(data));
    }

    ImprovedTerseObjectUpdate terseUpdate(int localId, Vector3 position) {
        return new ImprovedTerseObjectUpdate(new ImprovedTerseObjectUpdate.RegionData(region.handle(), FULL_SPEED),
                List.of(new ImprovedTerseObjectUpdate.ObjectData(AvatarBlobs.terse(localId, position), Bytes.EMPTY)));
    }

    KillObject killObject(int localId) {
        return new KillObject(List.of(new KillObject.ObjectData(localId)));
    }

    ChatFromSimulator chat(String fromName, UUID sourceId, UUID ownerId, int sourceType, int chatType,
            Vector3 position, Bytes message) {
        return new ChatFromSimulator(new ChatFromSimulator.ChatData(Bytes.ofString(fromName), sourceId, ownerId,
                sourceType, chatType, 1, position, message));
    }

    /** The message a viewer sent, readdressed as the simulator delivers it: from the sender, named. */
    ImprovedInstantMessage forwardedIm(ImprovedInstantMessage sent, AgentSession from, Vector3 fromPosition) {
        var in = sent.messageBlock();
        int now = (int) (System.currentTimeMillis() / 1000);
        var block = new ImprovedInstantMessage.MessageBlock(in.fromGroup(), in.toAgentID(), 0, region.regionId(),
                fromPosition, in.offline(), in.dialog(), in.id(), now, Bytes.ofString(from.fullName()), in.message(),
                in.binaryBucket());
        return new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(from.agentId(), NONE), block,
                sent.estateBlock(), sent.metaData());
    }

    LogoutReply logoutReply(AgentSession session) {
        return new LogoutReply(new LogoutReply.AgentData(session.agentId(), session.sessionId()),
                List.of(new LogoutReply.InventoryData(NONE)));
    }

    KickUser kick(AgentSession session, InetAddress viewerAddress, int viewerPort, String reason) {
        Inet4Address ip = viewerAddress instanceof Inet4Address v4 ? v4 : ANY;
        return new KickUser(new KickUser.TargetBlock(ip, viewerPort),
                new KickUser.UserInfo(session.agentId(), session.sessionId(), Bytes.ofString(reason)));
    }
}

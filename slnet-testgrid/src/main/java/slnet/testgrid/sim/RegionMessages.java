package slnet.testgrid.sim;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import slnet.protocol.messages.AgentDataUpdate;
import slnet.protocol.messages.ParcelProperties;
import slnet.protocol.messages.SimulatorViewerTimeMessage;
import slnet.protocol.messages.UUIDNameReply;
import java.util.UUID;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.CrossedRegion;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KickUser;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.LogoutReply;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.messages.TeleportFailed;
import slnet.protocol.messages.TeleportFinish;
import slnet.protocol.messages.TeleportLocal;
import slnet.protocol.messages.TeleportProgress;
import slnet.protocol.messages.TeleportStart;
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
    /** {@code LocationID} of a teleport to a position (as opposed to a telehub or landmark slot). */
    private static final int LOCATION_ID = 4;
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

    AgentMovementComplete movementComplete(AgentSession session, Vector3 position, Vector3 lookAt) {
        int now = (int) (System.currentTimeMillis() / 1000);
        return new AgentMovementComplete(new AgentMovementComplete.AgentData(session.agentId(), session.sessionId()),
                new AgentMovementComplete.Data(position, lookAt, region.handle(), now),
                new AgentMovementComplete.SimData(Bytes.ofString(CHANNEL_VERSION)));
    }

    ObjectUpdate avatarUpdate(AgentSession session, int localId, Vector3 position) {
        return avatarUpdate(session, localId, position, 0);
    }

    /** An avatar's full update; sitting on {@code parentLocalId} (0 for none), {@code position} is in the seat's frame. */
    ObjectUpdate avatarUpdate(AgentSession session, int localId, Vector3 position, int parentLocalId) {
        String nameValue = "FirstName STRING RW SV " + session.firstName() + "\nLastName STRING RW SV "
                + session.lastName() + "\nTitle STRING RW SV \n";
        var data = new ObjectUpdate.ObjectData(localId, 0, session.agentId(), 0, PCODE_AVATAR, 4, 0, AVATAR_SCALE,
                AvatarBlobs.objectData(position), parentLocalId, 0, 16, 1, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Bytes.EMPTY, Bytes.EMPTY, Bytes.ofString(nameValue), Bytes.EMPTY, Bytes.EMPTY, Bytes.copyOf(new byte[4]),
                Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, NONE, NONE, 0f, 0, 0f, 0, Vector3.ZERO, Vector3.ZERO);
        return new ObjectUpdate(new ObjectUpdate.RegionData(region.handle(), FULL_SPEED), List.of(data));
    }

    /** An avatar's looks: a default texture entry and every visual parameter at its middle, no attachments. */
    static slnet.protocol.messages.AvatarAppearance appearance(UUID agentId) {
        List<slnet.protocol.messages.AvatarAppearance.VisualParam> params = new java.util.ArrayList<>(218);
        for (int i = 0; i < 218; i++) {
            params.add(new slnet.protocol.messages.AvatarAppearance.VisualParam(127));
        }
        return new slnet.protocol.messages.AvatarAppearance(
                new slnet.protocol.messages.AvatarAppearance.Sender(agentId, false),
                new slnet.protocol.messages.AvatarAppearance.ObjectData(Bytes.copyOf(new byte[17])), params,
                List.of(new slnet.protocol.messages.AvatarAppearance.AppearanceData(1, 1, 0)), List.of(), List.of());
    }

    /** The region's settings, as {@code RequestRegionInfo} is answered (estate tools ask for it). */
    slnet.protocol.messages.RegionInfo regionInfo(AgentSession session) {
        var info = new slnet.protocol.messages.RegionInfo.RegionInfoBlock(Bytes.ofString(region.name()), 1, 1, 0,
                SIM_ACCESS_PG, 100, 1f, 1f, region.waterHeight(), 100f, -100f, 1, 0, 0, true, 0f);
        var info2 = new slnet.protocol.messages.RegionInfo.RegionInfo2(Bytes.ofString("slnet"),
                Bytes.ofString("slnet test region"), 100, 100, 15000);
        return new slnet.protocol.messages.RegionInfo(
                new slnet.protocol.messages.RegionInfo.AgentData(session.agentId(), session.sessionId()), info, info2,
                List.of(), List.of(), List.of());
    }

    /** A message for everyone in the region, as a simulator's restart warning or an estate notice is. */
    static slnet.protocol.messages.AlertMessage alert(String text) {
        return new slnet.protocol.messages.AlertMessage(
                new slnet.protocol.messages.AlertMessage.AlertData(Bytes.ofString(text)), List.of(), List.of());
    }

    /** A restart warning as OpenSimulator sends it: the viewer's RegionRestartSeconds notification. */
    static slnet.protocol.messages.AlertMessage restartAlert(String regionName, long seconds) {
        byte[] parameters = slnet.protocol.llsd.LlsdXml.formatBytes(slnet.protocol.llsd.Llsd.mapOf(
                "SECONDS", slnet.protocol.llsd.Llsd.of(seconds), "NAME", slnet.protocol.llsd.Llsd.of(regionName)));
        return new slnet.protocol.messages.AlertMessage(new slnet.protocol.messages.AlertMessage.AlertData(
                Bytes.ofString("")), List.of(new slnet.protocol.messages.AlertMessage.AlertInfo(
                Bytes.ofString("RegionRestartSeconds"), Bytes.copyOf(parameters))), List.of());
    }

    ImprovedTerseObjectUpdate terseUpdate(int localId, Vector3 position) {
        return terseUpdate(localId, position, Vector3.ZERO);
    }

    ImprovedTerseObjectUpdate terseUpdate(int localId, Vector3 position, Vector3 velocity) {
        return new ImprovedTerseObjectUpdate(new ImprovedTerseObjectUpdate.RegionData(region.handle(), FULL_SPEED),
                List.of(new ImprovedTerseObjectUpdate.ObjectData(AvatarBlobs.terse(localId, position, velocity),
                        Bytes.EMPTY)));
    }

    static TeleportStart teleportStart(int flags) {
        return new TeleportStart(new TeleportStart.Info(flags));
    }

    static TeleportProgress teleportProgress(UUID agentId, int flags, String message) {
        return new TeleportProgress(new TeleportProgress.AgentData(agentId),
                new TeleportProgress.Info(flags, Bytes.ofString(message)));
    }

    static TeleportFinish teleportFinish(UUID agentId, InetSocketAddress sim, long handle, String seed, int flags) {
        return new TeleportFinish(new TeleportFinish.Info(agentId, LOCATION_ID, ipv4(sim), sim.getPort(), handle,
                Bytes.ofString(seed), SIM_ACCESS_PG, flags));
    }

    static TeleportFailed teleportFailed(UUID agentId, String reason) {
        return new TeleportFailed(new TeleportFailed.Info(agentId, Bytes.ofString(reason)), List.of());
    }

    TeleportLocal teleportLocal(UUID agentId, Vector3 position, Vector3 lookAt, int flags) {
        return new TeleportLocal(new TeleportLocal.Info(agentId, LOCATION_ID, position, lookAt, flags));
    }

    static CrossedRegion crossedRegion(AgentSession session, InetSocketAddress sim, long handle, String seed,
            Vector3 position, Vector3 lookAt) {
        return new CrossedRegion(new CrossedRegion.AgentData(session.agentId(), session.sessionId()),
                new CrossedRegion.RegionData(ipv4(sim), sim.getPort(), handle, Bytes.ofString(seed)),
                new CrossedRegion.Info(position, lookAt));
    }

    private static Inet4Address ipv4(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address v4 ? v4 : ANY;
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

    /** An IM the simulator sends on an agent's behalf (an answer to an offer, say). */
    ImprovedInstantMessage systemIm(AgentSession from, UUID to, int dialog, UUID id, String text) {
        int now = (int) (System.currentTimeMillis() / 1000);
        var block = new ImprovedInstantMessage.MessageBlock(false, to, 0, region.regionId(), Vector3.ZERO, 0, dialog,
                id, now, Bytes.ofString(from.fullName()), Bytes.ofString(text), Bytes.copyOf(new byte[1]));
        return new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(from.agentId(), NONE), block,
                new ImprovedInstantMessage.EstateBlock(0), List.of());
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

    // ---- the world around an agent: names, parcel, region details, time -------------------------

    /** The one parcel covering the whole region. */
    static final int PARCEL_LOCAL_ID = 1;
    /** Whoever owns the estate and its land here. */
    static final UUID ESTATE_OWNER = UUID.fromString("5ca1ab1e-0000-4000-8000-00000000e57a");
    /** The group every agent here wears. */
    static final UUID TEST_GROUP = UUID.fromString("6e0c0de5-0000-4000-8000-000000000001");
    static final String PARCEL_MUSIC_URL = "http://music.invalid/stream";
    static final String PARCEL_MEDIA_URL = "http://media.invalid/welcome.html";
    /** A region day on Second Life: four hours. */
    static final int SECONDS_PER_DAY = 4 * 3600;
    private static final int PARCEL_FLAGS = 0x1 | 0x2 | 0x40 | 0x8000_0000; // fly, scripts, create objects, sound local off

    /** The parcel covering the region: named after it, owned by the estate, streaming music. */
    ParcelProperties parcelProperties(int sequenceId) {
        byte[] bitmap = new byte[512]; // 64 x 64 cells of 4 m, all of them this parcel's
        java.util.Arrays.fill(bitmap, (byte) 0xFF);
        var data = new ParcelProperties.ParcelData(0, sequenceId, false, 0, 0, 0, PARCEL_LOCAL_ID, ESTATE_OWNER, false,
                0, 0, 0, 0, Vector3.ZERO, new Vector3(256, 256, 0), Bytes.unsafeWrap(bitmap), 65536, 0, 15000, 7,
                15000, 7, 7, 0, 0, 0, 1f, 0, PARCEL_FLAGS, 0, Bytes.ofString(parcelName()),
                Bytes.ofString("The whole of " + region.name()), Bytes.ofString(PARCEL_MUSIC_URL),
                Bytes.ofString(PARCEL_MEDIA_URL), NONE, 0, NONE, 0, 0f, 0, NONE, NONE, Vector3.ZERO, Vector3.ZERO, 0,
                false, false, false, false);
        return new ParcelProperties(data, new ParcelProperties.AgeVerificationBlock(false),
                new ParcelProperties.RegionAllowAccessBlock(true), new ParcelProperties.ParcelEnvironmentBlock(-1, true));
    }

    /** @return the name of the parcel covering the region */
    String parcelName() {
        return region.name() + " Commons";
    }

    /** The region's clock and sun now: a day of {@value #SECONDS_PER_DAY} s, the sun on a circle over the region. */
    static SimulatorViewerTimeMessage viewerTime(long nowMillis) {
        long usec = nowMillis * 1000L;
        double fraction = (double) Long.remainderUnsigned(usec, SECONDS_PER_DAY * 1_000_000L) / (SECONDS_PER_DAY * 1e6);
        double phase = fraction * 2 * Math.PI;
        Vector3 sun = new Vector3((float) Math.cos(phase), 0f, (float) Math.sin(phase));
        float angular = (float) (2 * Math.PI / SECONDS_PER_DAY);
        return new SimulatorViewerTimeMessage(new SimulatorViewerTimeMessage.TimeInfo(usec, SECONDS_PER_DAY,
                SECONDS_PER_DAY * 365, sun, (float) phase, new Vector3(0f, angular, 0f)));
    }

    /** Who the agent appears as: the grid's one group, with a title. */
    static AgentDataUpdate agentData(AgentSession session) {
        return new AgentDataUpdate(new AgentDataUpdate.AgentData(session.agentId(), Bytes.ofString(session.firstName()),
                Bytes.ofString(session.lastName()), Bytes.ofString("Tester"), TEST_GROUP, 0L,
                Bytes.ofString("Test Group")));
    }

    /** One reply naming the known people among those asked for; unknown ids are left out, as simulators do. */
    static UUIDNameReply names(List<GridMap.Person> people) {
        List<UUIDNameReply.UUIDNameBlock> blocks = new java.util.ArrayList<>(people.size());
        for (GridMap.Person p : people) {
            blocks.add(new UUIDNameReply.UUIDNameBlock(p.id(), Bytes.ofString(p.firstName()),
                    Bytes.ofString(p.lastName())));
        }
        return new UUIDNameReply(blocks);
    }
}

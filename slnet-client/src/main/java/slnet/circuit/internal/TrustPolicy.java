package slnet.circuit.internal;

import java.util.Set;
import slnet.circuit.CircuitRole;
import slnet.protocol.MessageDescriptor;

/**
 * Which messages a circuit accepts from its peer, by role.
 *
 * <ul>
 *   <li>{@link CircuitRole#SIMULATOR} (the peer is a viewer): anything the template marks
 *       {@code Trusted} or message.xml marks {@code trustedSender} is dropped. Viewers never hold a
 *       trusted circuit.</li>
 *   <li>{@link CircuitRole#CLIENT} (the peer is a simulator): the {@code Trusted} flag cannot be the
 *       rule, because simulators legitimately send viewers many trusted messages
 *       ({@code ChatFromSimulator}, {@code RegionHandshake}, {@code ObjectUpdate}, ...). Instead a
 *       curated set of backbone messages is dropped: trusted messages that travel only between
 *       simulators and grid services (child agents, the dataserver, money and search back ends,
 *       region presence, script RPC, parcel sales and auctions) and that no viewer handles. A
 *       simulator sending one of these to a viewer is either broken or an attempt to confuse a client
 *       that shares code with a simulator.</li>
 * </ul>
 * Stateless.
 */
public final class TrustPolicy {
    /** Messages a viewer never accepts from a simulator: the trusted sim-to-sim and backend traffic. */
    public static final Set<String> BACKBONE_MESSAGES = Set.of(
            "AddCircuitCode", "AtomicPassObject", "AvatarPickerRequestBackend", "AvatarPropertiesRequestBackend",
            "CancelAuction", "ChatPass", "CheckParcelAuctions", "CheckParcelSales", "ChildAgentAlive",
            "ChildAgentDying", "ChildAgentPositionUpdate", "ChildAgentUnknown", "ChildAgentUpdate",
            "CompleteAuction", "ConfirmAuctionStart", "CreateGroupRequestExtended", "DataHomeLocationReply",
            "DataHomeLocationRequest", "DataServerLogout", "DirClassifiedQueryBackend", "DirFindQueryBackend",
            "DirLandQueryBackend", "DirPlacesQueryBackend", "DirPopularQueryBackend", "EdgeDataPacket",
            "EmailMessageReply", "EmailMessageRequest", "EventLocationReply", "EventLocationRequest",
            "FormFriendship", "GroupNoticeAdd", "InternalScriptMail", "InventoryAssetResponse",
            "JoinGroupRequestExtended", "KickUserAck", "KillChildAgents", "LiveHelpGroupReply",
            "LiveHelpGroupRequest", "LogDwellTime", "LogFailedMoneyTransaction", "LogParcelChanges",
            "LogTextMessage", "MergeParcel", "MoneyTransferBackend", "NearestLandingRegionReply",
            "NearestLandingRegionRequest", "NearestLandingRegionUpdated", "ParcelAuctions", "ParcelRename",
            "ParcelSales", "RegionPresenceRequestByHandle", "RegionPresenceRequestByRegionID",
            "RegionPresenceResponse", "RemoveParcel", "RequestInventoryAsset", "RequestParcelTransfer",
            "RequestTrustedCircuit", "RetrieveIMsExtended", "RoutedMoneyBalanceReply", "RpcChannelReply",
            "RpcChannelRequest", "RpcScriptRequestInboundForward", "ScriptDataReply", "ScriptDataRequest",
            "ScriptMailRegistration", "ScriptSensorReply", "ScriptSensorRequest", "SetSimPresenceInDatabase",
            "SetSimStatusInDatabase", "SimulatorLoad", "SimulatorMapUpdate", "SimulatorPresentAtLocation",
            "SimulatorReady", "SimulatorSetMap", "SimulatorShutdownRequest", "StartAuction", "SubscribeLoad",
            "TallyVotes", "TransferInventoryAck", "UnsubscribeLoad", "UpdateParcel", "UpdateSimulator",
            "UserReportInternal");

    private TrustPolicy() {
    }

    /**
     * Tells whether a circuit in a role accepts a message from its peer.
     *
     * @param role our role
     * @param descriptor the message
     * @return true to accept it
     */
    public static boolean accepts(CircuitRole role, MessageDescriptor descriptor) {
        return switch (role) {
            case SIMULATOR -> !descriptor.trusted() && !descriptor.trustedSender();
            case CLIENT -> !BACKBONE_MESSAGES.contains(descriptor.name());
        };
    }
}

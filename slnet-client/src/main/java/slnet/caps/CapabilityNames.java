package slnet.caps;

import java.util.List;

/** Capability names a client asks a region's seed capability for. */
public final class CapabilityNames {
    private CapabilityNames() {
    }

    /** The event queue capability. */
    public static final String EVENT_QUEUE_GET = "EventQueueGet";

    /** The seed capability, which is given at login or in TeleportFinish and never requested. */
    public static final String SEED = "Seed";

    /**
     * The names the official Second Life viewer asks for by default, in its order (taken as a
     * fact from its region code; the inventory API names are the two its AIS code adds).
     * Servers answer only those they support.
     */
    public static final List<String> VIEWER_DEFAULTS = List.of(
            "AbuseCategories", "AcceptFriendship", "AcceptGroupInvite", "AgentPreferences", "AgentProfile",
            "AgentState", "AttachmentResources", "AvatarPickerSearch", "AvatarRenderInfo",
            "CharacterProperties", "ChatSessionRequest", "CopyInventoryFromNotecard",
            "CreateInventoryCategory", "DeclineFriendship", "DeclineGroupInvite", "DispatchRegionInfo",
            "DirectDelivery", "EnvironmentSettings", "EstateAccess", "EstateChangeInfo", EVENT_QUEUE_GET,
            "ExtEnvironment", "FetchLib2", "FetchLibDescendents2", "FetchInventory2",
            "FetchInventoryDescendents2", "IncrementCOFVersion", "RequestTaskInventory", "InventoryAPIv3",
            "LibraryAPIv3", "InterestList", "InventoryThumbnailUpload", "GetDisplayNames", "GetExperiences",
            "AgentExperiences", "FindExperienceByName", "GetExperienceInfo", "GetAdminExperiences",
            "GetCreatorExperiences", "ExperiencePreferences", "GroupExperiences", "UpdateExperience",
            "IsExperienceAdmin", "IsExperienceContributor", "RegionExperiences", "ExperienceQuery",
            "GetMetadata", "GetObjectCost", "GetObjectPhysicsData", "GroupAPIv1", "GroupMemberData",
            "GroupProposalBallot", "HomeLocation", "LandResources", "LSLSyntax", "MapLayer", "MapLayerGod",
            "MeshUploadFlag", "ModifyMaterialParams", "ModifyRegion", "NavMeshGenerationStatus",
            "NewFileAgentInventory", "ObjectAnimation", "ObjectMedia", "ObjectMediaNavigate",
            "ObjectNavMeshProperties", "ParcelPropertiesUpdate", "ParcelVoiceInfoRequest",
            "ProductInfoRequest", "ProvisionVoiceAccountRequest", "VoiceSignalingRequest", "ReadOfflineMsgs",
            "RegionObjects", "RegionSchedule", "RemoteParcelRequest", "RenderMaterials",
            "RequestTextureDownload", "ResourceCostSelected", "RetrieveNavMeshSrc", "SearchStatRequest",
            "SearchStatTracking", "SendPostcard", "SendUserReport", "SendUserReportWithScreenshot",
            "ServerReleaseNotes", "SetDisplayName", "SimConsoleAsync", "SimulatorFeatures",
            "SpatialVoiceModerationRequest", "StartGroupProposal", "TerrainNavMeshProperties", "TextureStats",
            "UntrustedSimulatorMessage", "UpdateAgentInformation", "UpdateAgentLanguage",
            "UpdateAvatarAppearance", "UpdateGestureAgentInventory", "UpdateGestureTaskInventory",
            "UpdateNotecardAgentInventory", "UpdateNotecardTaskInventory", "UpdateScriptAgent",
            "UpdateScriptTask", "UpdateSettingsAgentInventory", "UpdateSettingsTaskInventory",
            "UploadAgentProfileImage", "UpdateMaterialAgentInventory", "UpdateMaterialTaskInventory",
            "UploadBakedTexture", "UserInfo", "ViewerAsset", "ViewerBenefits", "ViewerMetrics",
            "ViewerStartAuction", "ViewerStats");
}

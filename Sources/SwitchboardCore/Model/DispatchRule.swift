/// `SIPDispatchRuleInfo` at LiveKit HEAD, plus the proposed dynamic rule variant.
public struct DispatchRule: ProtoMessage, Identifiable {
    public var id = ""
    public var rule: RuleVariant?
    /// Trunks this rule serves; empty makes it a wildcard rule (every trunk, and no trunk).
    public var hidePhoneNumber = false
    public var trunkIds: [String] = []
    /// Caller filter, compared to the From user as an exact string.
    public var inboundNumbers: [String] = []
    /// Called-number filter (HEAD only), compared to the To user as an exact string.
    public var numbers: [String] = []
    public var name = ""
    public var metadata = ""
    public var attributes = StringMap()
    public var roomPreset = ""
    public var roomConfig: JSONValue?
    public var krispEnabled = false
    public var media: MediaConfig? {
        get { storedMedia.value }
        set { storedMedia = Boxed(newValue) }
    }
    /// Boxed: rarely set, and 64 bytes in every rule when stored inline.
    var storedMedia = Boxed<MediaConfig>(nil)
    public var mediaEncryption = MediaEncryption.disable
    /// Stored packed (see `CompactTimestamp`): read and set as strings.
    public var createdAt: String {
        get { storedCreatedAt.text }
        set { storedCreatedAt = CompactTimestamp(newValue) }
    }
    public var updatedAt: String {
        get { storedUpdatedAt.text }
        set { storedUpdatedAt = CompactTimestamp(newValue) }
    }
    var storedCreatedAt = CompactTimestamp()
    var storedUpdatedAt = CompactTimestamp()
    public var source = MessageSource()

    public init() {}

    /// The rule's variant, or nil when the `rule` oneof is missing or empty.
    public var kind: RuleKind? {
        get { rule?.kind }
        set {
            var variant = rule ?? RuleVariant()
            variant.kind = newValue
            rule = variant
        }
    }

    public var isWildcard: Bool { trunkIds.isEmpty }

    public static let table = FieldTable<DispatchRule>([
        FieldSpec("sip_dispatch_rule_id", "sipDispatchRuleId", \.id, .string),
        FieldSpec("rule", "rule", \.rule, .message(RuleVariant.self)),
        FieldSpec("trunk_ids", "trunkIds", \.trunkIds, .stringList),
        FieldSpec("hide_phone_number", "hidePhoneNumber", \.hidePhoneNumber, .bool),
        FieldSpec("inbound_numbers", "inboundNumbers", \.inboundNumbers, .stringList),
        FieldSpec("numbers", "numbers", \.numbers, .stringList),
        FieldSpec("name", "name", \.name, .string),
        FieldSpec("metadata", "metadata", \.metadata, .string),
        FieldSpec("attributes", "attributes", \.attributes, .stringMap),
        FieldSpec("room_preset", "roomPreset", \.roomPreset, .string),
        FieldSpec("room_config", "roomConfig", \.roomConfig, .passthrough(renaming: .roomConfiguration)),
        FieldSpec("media", "media", \.storedMedia, FieldCodec<MediaConfig?>.message(MediaConfig.self).boxed()),
        FieldSpec("krisp_enabled", "krispEnabled", \.krispEnabled, .bool),
        FieldSpec("media_encryption", "mediaEncryption", \.mediaEncryption, .protoEnum),
        FieldSpec("created_at", "createdAt", \.storedCreatedAt, .timestamp),
        FieldSpec("updated_at", "updatedAt", \.storedUpdatedAt, .timestamp),
    ])

    /// The ID's two spellings: an ID Switchboard generated is never written (LiveKit assigns
    /// the real one on create).
    public static let idKeys: Set<String> = ["sip_dispatch_rule_id", "sipDispatchRuleId"]

    /// Keys LiveKit sets itself; `lk … create` refuses them.
    public static let serverAssignedKeys: Set<String> = [
        "sip_dispatch_rule_id", "sipDispatchRuleId", "created_at", "createdAt", "updated_at", "updatedAt",
    ]
}

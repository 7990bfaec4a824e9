/// `SIPInboundTrunkInfo` at LiveKit HEAD: which calls a trunk accepts and how it answers them.
public struct Trunk: ProtoMessage, Identifiable {
    public var id = ""
    public var name = ""
    public var metadata = ""
    /// Called numbers this trunk serves; empty makes it a default (catch-all) trunk.
    public var numbers: [String] = []
    public var allowedAddresses: [String] = []
    public var allowedNumbers: [String] = []
    public var authUsername = ""
    public var authPassword = ""
    public var authRealm = ""
    public var headers = StringMap()
    public var headersToAttributes = StringMap()
    public var attributesToHeaders = StringMap()
    public var includeHeaders = HeaderOptions.none
    public var ringingTimeout: ProtoDuration?
    public var maxCallDuration: ProtoDuration?
    public var krispEnabled = false
    public var mediaEncryption = MediaEncryption.disable
    public var media: MediaConfig?
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

    public var isDefault: Bool { numbers.isEmpty }
    /// LiveKit challenges a caller only when both halves of the credentials are set.
    public var requiresAuth: Bool { !authUsername.isEmpty && !authPassword.isEmpty }

    public static let table = FieldTable<Trunk>([
        FieldSpec("sip_trunk_id", "sipTrunkId", \.id, .string),
        FieldSpec("name", "name", \.name, .string),
        FieldSpec("metadata", "metadata", \.metadata, .string),
        FieldSpec("numbers", "numbers", \.numbers, .stringList),
        FieldSpec("allowed_addresses", "allowedAddresses", \.allowedAddresses, .stringList),
        FieldSpec("allowed_numbers", "allowedNumbers", \.allowedNumbers, .stringList),
        FieldSpec("auth_username", "authUsername", \.authUsername, .string),
        FieldSpec("auth_password", "authPassword", \.authPassword, .string),
        FieldSpec("auth_realm", "authRealm", \.authRealm, .string),
        FieldSpec("headers", "headers", \.headers, .stringMap),
        FieldSpec("headers_to_attributes", "headersToAttributes", \.headersToAttributes, .stringMap),
        FieldSpec("attributes_to_headers", "attributesToHeaders", \.attributesToHeaders, .stringMap),
        FieldSpec("include_headers", "includeHeaders", \.includeHeaders, .protoEnum),
        FieldSpec("ringing_timeout", "ringingTimeout", \.ringingTimeout, .duration),
        FieldSpec("max_call_duration", "maxCallDuration", \.maxCallDuration, .duration),
        FieldSpec("krisp_enabled", "krispEnabled", \.krispEnabled, .bool),
        FieldSpec("media_encryption", "mediaEncryption", \.mediaEncryption, .protoEnum),
        FieldSpec("media", "media", \.media, .message(MediaConfig.self)),
        FieldSpec("created_at", "createdAt", \.storedCreatedAt, .timestamp),
        FieldSpec("updated_at", "updatedAt", \.storedUpdatedAt, .timestamp),
    ])

    /// The ID's two spellings: an ID Switchboard generated is never written (LiveKit assigns
    /// the real one on create).
    public static let idKeys: Set<String> = ["sip_trunk_id", "sipTrunkId"]

    /// Keys LiveKit sets itself; `lk … create` refuses them.
    public static let serverAssignedKeys: Set<String> = [
        "sip_trunk_id", "sipTrunkId", "created_at", "createdAt", "updated_at", "updatedAt",
    ]
}

import SwitchboardCore

/// Every field the edit form shows, for trunks and rules alike. The raw value is the field's
/// JSON name as ``Diagnostic/field`` uses it, so a finding lands under the field it is about.
public enum FormField: String, Sendable, Hashable, CaseIterable {
    // Dispatch rules.
    case ruleType = "rule"
    case url
    case method
    case roomName
    case roomPrefix
    case pin
    case noRandomness
    case randomize
    case trunkIds
    case inboundNumbers
    case ruleNumbers = "numbers.rule"
    case hidePhoneNumber
    case attributes
    case roomPreset
    case roomConfig
    // Trunks.
    case numbers
    case allowedAddresses
    case allowedNumbers
    case authUsername
    case authPassword
    case authRealm
    case headers
    case headersToAttributes
    case attributesToHeaders
    case includeHeaders
    case ringingTimeout
    case maxCallDuration
    // Both.
    case name
    case metadata
    case krispEnabled
    case mediaEncryption
    case mediaOnlyListedCodecs = "media.onlyListedCodecs"
    case mediaCodecs = "media.codecs"
    case mediaEncryptionOverride = "media.encryption"
    case mediaTimeout = "media.mediaTimeout"

    /// How the field is edited.
    public enum Input: Sendable, Equatable {
        /// A line of text, written to the model on every keystroke.
        case text
        /// Text that must parse (a duration, JSON); kept as typed until it does.
        case parsed
        /// A password: masked unless revealed.
        case secret
        /// One entry per row.
        case list
        /// `key=value`, one entry per row.
        case map
        case toggle
        /// One of a few values: ←/→ cycle, Enter opens a picker.
        case choice
    }

    public var input: Input {
        switch self {
        case .url, .roomName, .roomPrefix, .pin, .name, .metadata, .roomPreset, .authUsername, .authRealm: return .text
        case .roomConfig, .ringingTimeout, .maxCallDuration, .mediaTimeout: return .parsed
        case .authPassword: return .secret
        case .trunkIds, .inboundNumbers, .ruleNumbers, .numbers, .allowedAddresses, .allowedNumbers, .mediaCodecs: return .list
        case .attributes, .headers, .headersToAttributes, .attributesToHeaders: return .map
        case .noRandomness, .randomize, .hidePhoneNumber, .krispEnabled, .mediaOnlyListedCodecs: return .toggle
        case .ruleType, .method, .includeHeaders, .mediaEncryption, .mediaEncryptionOverride: return .choice
        }
    }

    /// Whether a row edits text with a cursor.
    public var isTextual: Bool {
        switch input {
        case .text, .parsed, .secret, .list, .map: return true
        case .toggle, .choice: return false
        }
    }

    public var label: String {
        switch self {
        case .ruleType: return "Type"
        case .url: return "URL"
        case .method: return "Method"
        case .roomName: return "Room name"
        case .roomPrefix: return "Room prefix"
        case .pin: return "PIN"
        case .noRandomness: return "No random suffix"
        case .randomize: return "Random suffix"
        case .trunkIds: return "Trunk IDs"
        case .inboundNumbers: return "Callers"
        case .ruleNumbers: return "Called numbers"
        case .hidePhoneNumber: return "Hide phone number"
        case .attributes: return "Attributes"
        case .roomPreset: return "Room preset"
        case .roomConfig: return "Room config"
        case .numbers: return "Numbers"
        case .allowedAddresses: return "Allowed addresses"
        case .allowedNumbers: return "Allowed callers"
        case .authUsername: return "Username"
        case .authPassword: return "Password"
        case .authRealm: return "Realm"
        case .headers: return "Headers"
        case .headersToAttributes: return "Headers→attributes"
        case .attributesToHeaders: return "Attributes→headers"
        case .includeHeaders: return "Include headers"
        case .ringingTimeout: return "Ringing timeout"
        case .maxCallDuration: return "Max call duration"
        case .name: return "Name"
        case .metadata: return "Metadata"
        case .krispEnabled: return "Noise cancellation"
        case .mediaEncryption: return "Media encryption"
        case .mediaOnlyListedCodecs: return "Only listed codecs"
        case .mediaCodecs: return "Codecs"
        case .mediaEncryptionOverride: return "Encryption (media)"
        case .mediaTimeout: return "Media timeout"
        }
    }

    /// What the empty field means, shown muted in its place.
    public var placeholder: String {
        switch self {
        case .url: return "https://… (required)"
        case .name: return "no name"
        case .pin: return "none: callers join without one"
        case .roomName: return "empty: calls join a room with no name"
        case .roomPrefix: return "none"
        case .trunkIds: return "every trunk (wildcard)"
        case .inboundNumbers: return "any caller"
        case .ruleNumbers: return "any called number"
        case .numbers: return "none: a default trunk for any number"
        case .allowedAddresses: return "any address"
        case .allowedNumbers: return "any caller"
        case .mediaCodecs: return "LiveKit's defaults"
        case .ringingTimeout, .maxCallDuration, .mediaTimeout: return "LiveKit's default"
        case .roomConfig: return "none (JSON object)"
        default: return "not set"
        }
    }

    /// What to type in a new entry of a list or map (the add row).
    public var addHint: String {
        switch self {
        case .trunkIds: return "add a trunk ID (enter: pick a trunk)"
        case .inboundNumbers, .allowedNumbers: return "add a caller number"
        case .ruleNumbers, .numbers: return "add a number"
        case .allowedAddresses: return "add an IP, CIDR or hostname"
        case .mediaCodecs: return "add a codec: name or name/rate"
        case .headers: return "add Header-Name=value"
        case .headersToAttributes: return "add Header-Name=attribute"
        case .attributesToHeaders: return "add attribute=Header-Name"
        case .attributes: return "add key=value"
        default: return "add"
        }
    }

    /// What LiveKit does with the field: the side panel's help.
    public var help: String {
        switch self {
        case .ruleType:
            return
                "What the rule does with a call. direct: every call joins one room. individual: a new room per caller. callee: a room per called number. dynamic (proposed): a webhook decides each call. Switching keeps the common fields, and the other types' values while the form is open."
        case .url:
            return
                "The webhook LiveKit asks on every call (dynamic-dispatch.md §1). It must start with https:// (http:// is accepted here for local mocks but LiveKit's proposed validation requires https), name a host and contain no spaces."
        case .method:
            return "How the webhook is called: POST sends the call as a JSON body; GET sends it as query parameters. Empty means POST."
        case .roomName: return "The room every call of this rule joins."
        case .roomPrefix: return "Rooms are named from this prefix plus the caller (individual) or called number (callee)."
        case .pin:
            return
                "Callers must type this PIN on the keypad before joining. LiveKit treats rules with different PINs as different rules; at most 16 digits."
        case .noRandomness: return "Individual rules add random characters to each room name unless this is on."
        case .randomize: return "Callee rules name the room after the called number; on adds random characters, one room per call."
        case .trunkIds:
            return
                "The trunks whose calls this rule takes. Empty makes it a wildcard rule: every trunk, and calls that matched no trunk. Trunk-specific rules win over wildcard ones."
        case .inboundNumbers: return "Only calls from these callers match (compared exactly with the From user). Empty: any caller."
        case .ruleNumbers: return "Only calls to these numbers match (compared exactly with the To user). Empty: any called number."
        case .hidePhoneNumber: return "Hides the caller's number from the participant identity and name."
        case .attributes: return "Participant attributes set on every call of this rule (key=value)."
        case .roomPreset: return "A room preset name LiveKit applies to new rooms."
        case .roomConfig: return "Room configuration (agents, timeouts) as a JSON object, applied when the room is created."
        case .numbers:
            return
                "The called numbers this trunk serves, matched after normalization. Empty makes it a default trunk for calls no other trunk claims."
        case .allowedAddresses: return "Source IPs, CIDR ranges or hostnames allowed to call. Empty: any address."
        case .allowedNumbers: return "Caller numbers allowed on this trunk. Empty: any caller."
        case .authUsername:
            return "Digest authentication user name; LiveKit challenges callers only when username and password are both set."
        case .authPassword: return "Digest authentication password; masked unless revealed with ctrl+r."
        case .authRealm: return "The realm offered in the authentication challenge."
        case .headers: return "SIP headers LiveKit adds to requests on this trunk (Header-Name=value)."
        case .headersToAttributes: return "INVITE headers copied to participant attributes (Header-Name=attribute)."
        case .attributesToHeaders: return "Participant attributes sent as SIP headers (attribute=Header-Name)."
        case .includeHeaders: return "Which INVITE headers become sip.h.* attributes: none, X- headers, or all."
        case .ringingTimeout: return "How long LiveKit lets the call ring, as a duration like 30s or 1.5s."
        case .maxCallDuration: return "Calls are cut after this long (a duration like 3600s); LiveKit's bridge never exceeds 24h."
        case .name: return "A name for people; LiveKit quotes it in conflict errors."
        case .metadata: return "Free text (often JSON) passed to the participant's metadata."
        case .krispEnabled: return "Krisp noise cancellation on the caller's audio."
        case .mediaEncryption: return "SRTP: disable, allow (offer and accept) or require (reject calls without it)."
        case .mediaOnlyListedCodecs: return "Offer only the codecs listed below instead of adding them to LiveKit's defaults."
        case .mediaCodecs: return "Codecs to offer, as name or name/rate (opus/48000)."
        case .mediaEncryptionOverride: return "The media block's encryption; unset lets the other setting apply."
        case .mediaTimeout: return "Hang up after this long without media (0s to 600s)."
        }
    }
}

/// What a dispatch rule does with a call: the member of the `rule` oneof.
public enum RuleKind: Sendable, Equatable {
    case direct(DirectRule)
    case individual(IndividualRule)
    case callee(CalleeRule)
    case dynamic(DynamicRule)

    /// The word used in `simulate --json` (`rule.type`) and on screen.
    public var typeName: String {
        switch self {
        case .direct: return "direct"
        case .individual: return "individual"
        case .callee: return "callee"
        case .dynamic: return "dynamic"
        }
    }

    /// The static pin; dynamic rules have none (their webhook decides).
    public var pin: String {
        switch self {
        case .direct(let r): return r.pin
        case .individual(let r): return r.pin
        case .callee(let r): return r.pin
        case .dynamic: return ""
        }
    }

    /// The room name or prefix LiveKit breaks priority ties with (`""` for dynamic).
    public var roomNameOrPrefix: String {
        switch self {
        case .direct(let r): return r.roomName
        case .individual(let r): return r.roomPrefix
        case .callee(let r): return r.roomPrefix
        case .dynamic: return ""
        }
    }
}

/// `SIPDispatchRuleDirect`: every call into one room.
public struct DirectRule: ProtoMessage {
    public var roomName = ""
    public var pin = ""
    public var source = MessageSource()
    public init() {}
    public init(roomName: String, pin: String = "") {
        self.roomName = roomName
        self.pin = pin
    }
    public static let table = FieldTable<DirectRule>([
        FieldSpec("room_name", "roomName", \.roomName, .string),
        FieldSpec("pin", "pin", \.pin, .string),
    ])
}

/// `SIPDispatchRuleIndividual`: a room per caller. Randomised unless `noRandomness`.
public struct IndividualRule: ProtoMessage {
    public var roomPrefix = ""
    public var pin = ""
    public var noRandomness = false
    public var source = MessageSource()
    public init() {}
    public init(roomPrefix: String, pin: String = "", noRandomness: Bool = false) {
        self.roomPrefix = roomPrefix
        self.pin = pin
        self.noRandomness = noRandomness
    }
    public static let table = FieldTable<IndividualRule>([
        FieldSpec("room_prefix", "roomPrefix", \.roomPrefix, .string),
        FieldSpec("pin", "pin", \.pin, .string),
        FieldSpec("no_randomness", "noRandomness", \.noRandomness, .bool),
    ])
}

/// `SIPDispatchRuleCallee`: a room per called number. Not randomised unless `randomize`.
public struct CalleeRule: ProtoMessage {
    public var roomPrefix = ""
    public var pin = ""
    public var randomize = false
    public var source = MessageSource()
    public init() {}
    public init(roomPrefix: String, pin: String = "", randomize: Bool = false) {
        self.roomPrefix = roomPrefix
        self.pin = pin
        self.randomize = randomize
    }
    public static let table = FieldTable<CalleeRule>([
        FieldSpec("room_prefix", "roomPrefix", \.roomPrefix, .string),
        FieldSpec("pin", "pin", \.pin, .string),
        FieldSpec("randomize", "randomize", \.randomize, .bool),
    ])
}

/// The proposed `SIPDispatchRuleDynamic`: ask a webhook what to do with each call.
public struct DynamicRule: ProtoMessage {
    public var url = ""
    /// `POST` when empty; see dynamic-dispatch.md section 1.
    public var method = ""
    public var source = MessageSource()
    public init() {}
    public init(url: String, method: String = "POST") {
        self.url = url
        self.method = method
    }
    public static let table = FieldTable<DynamicRule>([
        FieldSpec("url", "url", \.url, .string),
        FieldSpec("method", "method", \.method, .string),
    ])

    /// The method actually used: upper-cased, `POST` when empty.
    public var effectiveMethod: String { method.isEmpty ? "POST" : method.uppercased() }
}

/// The `settings` object of a Switchboard project file (cli.md section 1).
public struct ProjectSettings: ProtoMessage {
    public enum Mode: String, Sendable, CaseIterable {
        /// Open-source livekit-server: a call with no trunk can still reach wildcard rules.
        case oss
        /// LiveKit Cloud: a call with no trunk is refused with 404 `No trunk found`.
        case cloud
    }

    public enum Payload: String, Sendable, CaseIterable {
        /// The seven fields of the LiveKit proposal.
        case livekit
        /// The seven fields plus rule ID, SIP Call-ID, source IP and X- headers.
        case extended
    }

    public var projectId = ""
    public var mode = Mode.oss
    public var payload = Payload.livekit
    public var apiKey = ""
    public var apiSecret = ""
    public var connectTimeoutMs = 2000
    public var timeoutMs = 5000
    public var maxResponseBytes = 1_048_576
    /// A mock-webhook script (path relative to the project file) that Switchboard serves itself
    /// while this project is open, so dynamic rules answer without a real webhook.
    public var mockWebhook = ""
    public var source = MessageSource()

    public init() {}

    public static let table = FieldTable<ProjectSettings>([
        FieldSpec("project_id", "projectId", \.projectId, .string),
        FieldSpec("mode", "mode", \.mode, .word(default: .oss)),
        FieldSpec("payload", "payload", \.payload, .word(default: .livekit)),
        FieldSpec("api_key", "apiKey", \.apiKey, .string),
        FieldSpec("api_secret", "apiSecret", \.apiSecret, .string),
        FieldSpec("connect_timeout_ms", "connectTimeoutMs", \.connectTimeoutMs, .positiveInt(default: 2000)),
        FieldSpec("timeout_ms", "timeoutMs", \.timeoutMs, .positiveInt(default: 5000)),
        FieldSpec("max_response_bytes", "maxResponseBytes", \.maxResponseBytes, .positiveInt(default: 1_048_576)),
        FieldSpec("mock_webhook", "mockWebhook", \.mockWebhook, .string),
    ])
}

extension FieldCodec where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// A lower-case word from a fixed set (`"oss"`), written only when it differs from the default.
    static func word(default: Value) -> FieldCodec<Value> {
        typealias E = Value
        return FieldCodec<E>(
            decode: { (value, path) throws(ModelError) in
                guard case .string(let s) = value else {
                    throw .typeMismatch(path, expected: "a string", found: value)
                }
                guard let e = E(rawValue: s) else {
                    let options = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                    throw ModelError(path, "expected \(options) for \"\(path.lastKey ?? "")\", found \"\(s)\"")
                }
                return e
            },
            encode: { value, _ in value == `default` ? nil : .string(value.rawValue) },
            zero: .string(`default`.rawValue)
        )
    }
}

extension FieldCodec where Value == Int {
    static func positiveInt(default defaultValue: Int) -> FieldCodec<Int> {
        FieldCodec<Int>(
            decode: { (value, path) throws(ModelError) in
                guard case .number(let n) = value, let v = n.int64Value, v > 0, v <= Int64(Int32.max) else {
                    throw ModelError(
                        path,
                        "expected a positive whole number for \"\(path.lastKey ?? "")\", found \(value.kindDescription == "a number" ? value.numberValue!.text : value.kindDescription)"
                    )
                }
                return Int(v)
            },
            encode: { value, _ in value == defaultValue ? nil : .number(JSONNumber(value)) },
            zero: .number(JSONNumber(defaultValue))
        )
    }
}

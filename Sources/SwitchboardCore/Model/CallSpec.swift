/// An inbound call to simulate, as written in a project's `calls` or a scenario's `call`.
/// Empty fields take the defaults of `simulate` (cli.md section 2) when the call is run.
public struct CallSpec: ProtoMessage {
    /// A label for saved calls ("VIP caller").
    public var name = ""
    public var from = ""
    public var to = ""
    public var fromHost = ""
    public var toHost = ""
    public var sourceIp = ""
    public var pin = ""
    public var noPin = false
    public var headers = StringMap()
    public var callId = ""
    public var sipCallId = ""
    public var source = MessageSource()

    public init() {}

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    public static let defaultFromHost = "sip.example.net"
    public static let defaultToHost = "sip.livekit.local"
    public static let defaultSourceIP = "198.51.100.10"

    public static let table = FieldTable<CallSpec>([
        FieldSpec("name", "name", \.name, .string),
        FieldSpec("from", "from", \.from, .string),
        FieldSpec("to", "to", \.to, .string),
        FieldSpec("from_host", "fromHost", \.fromHost, .string),
        FieldSpec("to_host", "toHost", \.toHost, .string),
        FieldSpec("source_ip", "sourceIp", \.sourceIp, .string),
        FieldSpec("pin", "pin", \.pin, .string),
        FieldSpec("no_pin", "noPin", \.noPin, .bool),
        FieldSpec("headers", "headers", \.headers, .stringMap),
        FieldSpec("call_id", "callId", \.callId, .string),
        FieldSpec("sip_call_id", "sipCallId", \.sipCallId, .string),
    ])
}

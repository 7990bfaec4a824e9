/// The JSON object a dynamic rule sends its webhook (dynamic-dispatch.md section 2): the seven
/// string fields of the LiveKit proposal, always present and always in this order, so a
/// webhook written against the proposal reads Switchboard's requests unchanged.
public enum WebhookPayload {
    /// The seven keys of the proposal, in the order they are sent.
    public static let standardKeys = ["project_id", "trunk_id", "call_id", "from_user", "from_host", "to_user", "to_host"]

    /// What the payload is built from; every field is a plain string so the core stays pure.
    public struct Inputs: Sendable, Equatable {
        public var projectID: String
        /// Empty when no trunk matched (a wildcard rule on the open-source stack).
        public var trunkID: String
        public var ruleID: String
        public var call: SimulatedCall

        public init(projectID: String, trunkID: String, ruleID: String, call: SimulatedCall) {
            self.projectID = projectID
            self.trunkID = trunkID
            self.ruleID = ruleID
            self.call = call
        }
    }

    public static func object(_ inputs: Inputs, style: ProjectSettings.Payload) -> JSONObject {
        let call = inputs.call
        var object = JSONObject([
            JSONMember("project_id", .string(inputs.projectID)),
            JSONMember("trunk_id", .string(inputs.trunkID)),
            JSONMember("call_id", .string(call.callID)),
            JSONMember("from_user", .string(call.from)),
            JSONMember("from_host", .string(call.fromHost)),
            JSONMember("to_user", .string(call.to)),
            JSONMember("to_host", .string(call.toHost)),
        ])
        guard style == .extended else { return object }
        object.members.append(JSONMember("rule_id", .string(inputs.ruleID)))
        object.members.append(JSONMember("sip_call_id", .string(call.sipCallID)))
        object.members.append(JSONMember("source_ip", .string(call.sourceIP)))
        let headers = xHeaders(of: call).map { JSONMember($0.key, .string($0.value)) }
        object.members.append(JSONMember("headers", .object(JSONObject(headers))))
        return object
    }

    /// The payload as `GET` query parameters, in the same order; the extended payload's
    /// `headers` object becomes one `headers.<name>` parameter per header.
    public static func queryParameters(_ object: JSONObject) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for member in object.members {
            switch member.value {
            case .string(let s): out.append((member.key, s))
            case .object(let nested):
                for inner in nested.members { out.append((member.key + "." + inner.key, inner.value.stringValue ?? "")) }
            default: out.append((member.key, JSONWriter.string(member.value, style: .compact)))
            }
        }
        return out
    }

    /// Only `X-*` headers are sent: the rest (Via, Contact…) describe the SIP hop, not the call,
    /// and may carry addresses a webhook has no business seeing.
    static func xHeaders(of call: SimulatedCall) -> [(key: String, value: String)] {
        call.headers.pairs.filter { $0.key.lowercased().hasPrefix("x-") }
    }
}

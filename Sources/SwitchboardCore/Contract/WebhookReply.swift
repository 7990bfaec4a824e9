/// A webhook response that satisfied the contract (dynamic-dispatch.md section 3), with every
/// default applied and every spelling resolved: resolution never looks at raw JSON again.
public struct WebhookReply: Sendable, Equatable {
    public enum Decision: Sendable, Equatable {
        case answer(Answer)
        case reject(Reject)
        case transfer(Transfer)

        public var action: DispatchAction {
            switch self {
            case .answer: return .answer
            case .reject: return .reject
            case .transfer: return .transfer
            }
        }
    }

    public struct Answer: Sendable, Equatable {
        /// Non-empty; used verbatim (no prefix, no random suffix).
        public var roomName: String
        /// Empty when the webhook asked for no pin.
        public var pin = ""
        /// Replaces the rule's metadata when non-empty.
        public var metadata = ""
        /// Merged over the rule's attributes; routing's `sip.*` keys still win.
        public var attributes = StringMap()
        public var mediaEncryption: MediaEncryption?
        public var roomPreset = ""
        public var roomConfig: JSONValue?
        public var krispEnabled: Bool?

        public init(roomName: String) { self.roomName = roomName }
    }

    public struct Reject: Sendable, Equatable {
        /// 400–699; 486 when the webhook gave none.
        public var statusCode: Int
        /// The webhook's reason, or the standard phrase of `statusCode`.
        public var reason: String
        /// The webhook named a status itself (the proposal would ignore it: a compat note).
        public var statusCodeGiven: Bool

        public init(statusCode: Int, reason: String, statusCodeGiven: Bool) {
            self.statusCode = statusCode
            self.reason = reason
            self.statusCodeGiven = statusCodeGiven
        }
    }

    /// The transfer the webhook asked for is exactly what the outcome reports (`to` is a
    /// `sip:`, `sips:` or `tel:` URI by then), so the two share one type.
    public typealias Transfer = CallOutcome.Transfer

    public var decision: Decision
    /// Things worth telling the user that did not stop the call: ignored keys, a rewritten
    /// transfer target.
    public var notes: [String]

    public init(decision: Decision, notes: [String] = []) {
        self.decision = decision
        self.notes = notes
    }
}

/// A webhook response the contract cannot use. `message` is the one line shown as the call's
/// error; `kind` lets compatibility notes tell what the proposal's code would have done.
public struct WebhookReplyError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case status
        case notJSON
        case notObject
        case duplicateKey
        case wrongType
        case badValue
        case missingAction
        case unknownAction
        case missingRoomName
        case missingTransferTarget
        case invalidTransferTarget
        case rejectCodeOutOfRange
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

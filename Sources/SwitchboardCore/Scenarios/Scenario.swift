/// A saved call and what it should produce (cli.md section 5). `switchboard test` runs each
/// and compares; the TUI saves a simulated call as one, with its outcome as the expectation.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var call: CallSpec
    public var expect: Expectation
    /// Labels for `switchboard test --tag`; kept in order as written.
    public var tags: [String]

    public init(name: String, call: CallSpec, expect: Expectation, tags: [String] = []) {
        self.name = name
        self.call = call
        self.expect = expect
        self.tags = tags
    }
}

/// The parts of an outcome a scenario pins down. Only keys given are compared; a key given as
/// `null` expects the outcome to have no value there (`"trunkId": null`: no trunk matched).
public struct Expectation: Sendable, Equatable {
    /// Present and nil means "expected null".
    public enum Expected<Value: Sendable & Equatable>: Sendable, Equatable {
        case value(Value)
        case null
    }

    public var result: CallOutcome.Result?
    public var trunkId: Expected<String>?
    public var ruleId: Expected<String>?
    /// Exact, or a pattern where each `*` stands for any run of characters.
    public var room: Expected<String>?
    public var sipStatus: Expected<Int>?
    public var transferTo: Expected<String>?
    public var rejectStatusCode: Expected<Int>?
    // The keys below are patterns like `room` where they hold free text (names, reasons).
    public var trunkName: Expected<String>?
    public var ruleName: Expected<String>?
    public var participant: ParticipantExpectation?
    public var sipReason: Expected<String>?
    public var webhook: WebhookExpectation?
    public var rejectReason: Expected<String>?
    public var transferDestinationName: Expected<String>?
    public var transferRingingTimeoutSeconds: Expected<Double>?
    /// A pattern on the outcome's error line (`"*timed out*"`); null expects no error.
    public var error: Expected<String>?

    public init() {}

    /// The keys of cli.md section 5, in the order mismatches are reported.
    public static let keys = [
        "result", "trunkId", "ruleId", "room", "sipStatus", "transferTo", "rejectStatusCode", "trunkName", "ruleName",
        "participant", "sipReason", "webhook", "rejectReason", "transferDestinationName", "transferRingingTimeoutSeconds", "error",
    ]

    /// `participant: {identity, name, metadata, attributes}`; null expects no participant.
    public struct ParticipantExpectation: Sendable, Equatable {
        public static let keys = ["identity", "name", "metadata", "attributes"]
        /// Set when the scenario wrote `"participant": null`; the other fields are then empty.
        public var expectNone = false
        public var identity: Expected<String>?
        public var name: Expected<String>?
        public var metadata: Expected<String>?
        /// Only the keys listed are compared, in the order written; null expects the key absent.
        public var attributes: [(key: String, value: Expected<String>)] = []

        public init() {}

        public static func == (a: Self, b: Self) -> Bool {
            a.expectNone == b.expectNone && a.identity == b.identity && a.name == b.name && a.metadata == b.metadata
                && a.attributes.count == b.attributes.count
                && zip(a.attributes, b.attributes).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    /// `webhook: {action, status}`: the action the webhook answered and its HTTP status;
    /// null expects no webhook call at all.
    public struct WebhookExpectation: Sendable, Equatable {
        public static let keys = ["action", "status"]
        public var expectNone = false
        public var action: Expected<String>?
        public var status: Expected<Int>?
        public init() {}
    }

    /// The expectation an outcome satisfies exactly, as the TUI saves it.
    public init(outcome: CallOutcome) {
        result = outcome.result
        trunkId = Self.expected(outcome.trunk?.id)
        ruleId = Self.expected(outcome.rule?.id)
        room = Self.expected(outcome.room)
        sipStatus = Self.expected(outcome.sip.status)
        if let transfer = outcome.transfer { transferTo = .value(transfer.to) }
        if let reject = outcome.reject { rejectStatusCode = Self.expected(reject.statusCode) }
    }

    static func expected<T>(_ value: T?) -> Expected<T>? {
        value.map { .value($0) } ?? .null
    }
}

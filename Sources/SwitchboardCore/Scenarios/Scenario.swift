/// A saved call and what it should produce (cli.md section 5). `switchboard test` runs each
/// and compares; the TUI saves a simulated call as one, with its outcome as the expectation.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var call: CallSpec
    public var expect: Expectation

    public init(name: String, call: CallSpec, expect: Expectation) {
        self.name = name
        self.call = call
        self.expect = expect
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

    public init() {}

    /// The keys of cli.md section 5, in the order mismatches are reported.
    public static let keys = ["result", "trunkId", "ruleId", "room", "sipStatus", "transferTo", "rejectStatusCode"]

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

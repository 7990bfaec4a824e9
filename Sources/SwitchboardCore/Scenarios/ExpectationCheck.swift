/// Compares an outcome with a scenario's expectation, one `Mismatch` per key that differs,
/// worded so a CI log line alone says what to fix.
public enum ExpectationCheck {
    public struct Mismatch: Sendable, Equatable, CustomStringConvertible {
        public var key: String
        public var expected: String
        public var actual: String

        public init(key: String, expected: String, actual: String) {
            self.key = key
            self.expected = expected
            self.actual = actual
        }

        public var description: String { "\(key): expected \(expected), got \(actual)" }
    }

    public static func mismatches(_ expect: Expectation, _ outcome: CallOutcome) -> [Mismatch] {
        var out: [Mismatch] = []
        if let result = expect.result, result != outcome.result {
            out.append(Mismatch(key: "result", expected: result.rawValue, actual: outcome.result.rawValue))
        }
        compare("trunkId", expect.trunkId, outcome.trunk?.id, into: &out)
        compare("ruleId", expect.ruleId, outcome.rule?.id, into: &out)
        if let room = expect.room {
            let fits: Bool
            switch room {
            case .value(let pattern): fits = outcome.room.map { matches($0, pattern: pattern) } ?? false
            case .null: fits = outcome.room == nil
            }
            if !fits { out.append(Mismatch(key: "room", expected: show(room), actual: show(outcome.room))) }
        }
        compare("sipStatus", expect.sipStatus, outcome.sip.status, into: &out)
        compare("transferTo", expect.transferTo, outcome.transfer?.to, into: &out)
        compare("rejectStatusCode", expect.rejectStatusCode, outcome.reject?.statusCode, into: &out)
        detailMismatches(expect, outcome, into: &out)
        return out
    }

    static func compare<T: Equatable>(_ key: String, _ expected: Expectation.Expected<T>?, _ actual: T?, into out: inout [Mismatch]) {
        guard let expected else { return }
        let fits: Bool
        switch expected {
        case .value(let v): fits = actual == v
        case .null: fits = actual == nil
        }
        if !fits { out.append(Mismatch(key: key, expected: show(expected), actual: show(actual))) }
    }

    /// `*` matches any run of characters (including none); everything else literally.
    public static func matches(_ text: String, pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return text == pattern }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard !part.isEmpty else { continue }
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = parts[parts.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }

    static func show<T>(_ expected: Expectation.Expected<T>) -> String {
        switch expected {
        case .value(let v): return show(v)
        case .null: return "null"
        }
    }

    static func show<T>(_ value: T?) -> String {
        guard let value else { return "null" }
        if let s = value as? String { return "\"\(s)\"" }
        return "\(value)"
    }
}

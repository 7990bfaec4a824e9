import SwitchboardCore
import TerminalKit

/// Two runs side by side, computed once when the comparison opens (a line diff of long bodies
/// on every frame would be wasted work): a summary of what changed in words, then the outcome
/// JSON, the request and the response as aligned rows with the changed ones marked.
public struct RunComparison: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var rows: [LineDiff.Row]
        /// Rows that differ.
        public var changes: Int
    }

    /// The older run (left) and the newer one (right).
    public var left: Int
    public var right: Int
    /// `outcome: ACCEPT → REJECT; room: a → b`, or that nothing differs.
    public var summary: String
    public var sections: [Section]

    public init(_ a: RunEntry, _ b: RunEntry) {
        let (old, new) = a.runID <= b.runID ? (a, b) : (b, a)
        left = old.runID
        right = new.runID
        summary = Self.summary(old, new)
        let oldContent = SimulatorContent.build(old.result)
        let newContent = SimulatorContent.build(new.result)
        sections = [
            Self.section("Outcome JSON", Self.outcomeLines(old), Self.outcomeLines(new)),
            Self.section("Request", oldContent.request.map(\.plainText), newContent.request.map(\.plainText)),
            Self.section("Response", oldContent.response.map(\.plainText), newContent.response.map(\.plainText)),
        ]
    }

    /// Rows that differ in all sections.
    public var changes: Int { sections.reduce(0) { $0 + $1.changes } }

    static func section(_ title: String, _ old: [String], _ new: [String]) -> Section {
        let rows = LineDiff.rows(old, new)
        return Section(title: title, rows: rows, changes: rows.filter { $0.change != .same }.count)
    }

    /// The outcome as `simulate --json` prints it, sanitized line by line for display.
    static func outcomeLines(_ entry: RunEntry) -> [String] {
        guard let outcome = entry.outcome else { return ["(cancelled: no outcome)"] }
        return JSONWriter.string(outcome.json).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            sanitizeForDisplay(String($0))
        }
    }

    /// What changed, in the words of the list: result, trunk, rule, room, SIP status, webhook
    /// status, reject code, transfer target, error.
    static func summary(_ old: RunEntry, _ new: RunEntry) -> String {
        var parts: [String] = []
        func compare(_ label: String, _ a: String?, _ b: String?) {
            guard a != b else { return }
            parts.append("\(label): \(a ?? "none") → \(b ?? "none")")
        }
        compare("outcome", old.word, new.word)
        let a = old.outcome
        let b = new.outcome
        compare("trunk", a?.trunk?.id, b?.trunk?.id)
        compare("rule", a?.rule?.id, b?.rule?.id)
        compare("room", a?.room, b?.room)
        compare("identity", a?.participant?.identity, b?.participant?.identity)
        compare("SIP", a?.sip.status.map(String.init), b?.sip.status.map(String.init))
        compare("reject", a?.reject?.statusCode.map(String.init), b?.reject?.statusCode.map(String.init))
        compare("transfer", a?.transfer?.to, b?.transfer?.to)
        compare("webhook", a?.webhook?.request.url, b?.webhook?.request.url)
        compare("HTTP", a?.webhook?.response.map { String($0.status) }, b?.webhook?.response.map { String($0.status) })
        compare("error", a?.error, b?.error)
        guard !parts.isEmpty else { return "same outcome" }
        return sanitizeForDisplay(parts.joined(separator: "; "))
    }
}

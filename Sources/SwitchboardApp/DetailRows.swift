import SwitchboardCore
import TerminalKit

/// Builds the detail pane's labelled rows, with the conventions every item shares: every
/// field is shown (an unset one says so in muted text, with LiveKit's default when it has
/// one), lists and maps get one row per entry, secrets are masked unless revealed, and
/// everything from a file is made safe to draw.
struct DetailRows {
    private(set) var rows: [KeyValueTable.Row] = []
    let unicode: Bool
    let revealSecrets: Bool

    /// How many related items (rules of a trunk, trunks of a wildcard rule) are listed before
    /// "… and N more": the pane shows the first ones, the lists have the rest.
    static let relatedLimit = 25

    init(unicode: Bool, revealSecrets: Bool) {
        self.unicode = unicode
        self.revealSecrets = revealSecrets
    }

    var mask: String { unicode ? "••••••" : "******" }

    mutating func section(_ title: String) {
        if !rows.isEmpty { rows.append(.blank) }
        rows.append(.section(title))
    }

    /// A labelled value; an empty value shows `unset` in the muted colour.
    mutating func field(_ label: String, _ value: String, role: ThemeRole? = nil, unset: String = "not set") {
        if value.isEmpty {
            rows.append(.pair(safe(label), unset, valueRole: .muted))
        } else {
            rows.append(.pair(safe(label), value, valueRole: role))
        }
    }

    mutating func flag(_ label: String, _ isOn: Bool, on: String = "yes", off: String = "no") {
        rows.append(.pair(label, isOn ? on : off, valueRole: isOn ? nil : .muted))
    }

    /// One row per entry, the label on the first; `empty` (muted) when there is none.
    mutating func list(_ label: String, _ values: [String], empty: String, role: ThemeRole? = nil) {
        guard !values.isEmpty else {
            rows.append(.pair(label, empty, valueRole: .muted))
            return
        }
        for (index, value) in values.enumerated() {
            rows.append(.pair(index == 0 ? label : "", value.isEmpty ? "\"\"" : value, valueRole: role))
        }
    }

    /// A map as `key → value` rows, in the file's order.
    mutating func map(_ label: String, _ map: StringMap, empty: String = "none") {
        list(label, map.pairs.map { "\($0.key) \(arrow) \($0.value)" }, empty: empty)
    }

    /// A password or API secret: masked unless the user revealed secrets on purpose (`r`).
    mutating func secret(_ label: String, _ value: String) {
        if value.isEmpty {
            rows.append(.pair(label, "not set", valueRole: .muted))
        } else if revealSecrets {
            rows.append(.pair(label, value, valueRole: .warning))
        } else {
            rows.append(.pair(label, mask + "  (r reveals)", valueRole: nil))
        }
    }

    /// A line of explanation under the current section.
    mutating func note(_ text: String, role: ThemeRole? = .muted) {
        rows.append(.pair("", text, valueRole: role))
    }

    var arrow: String { unicode ? "→" : "->" }
    var ellipsis: String { unicode ? "…" : "..." }

    /// Keys the model does not know, kept exactly as read; shown as compact JSON.
    mutating func unknownKeys(_ groups: [(prefix: String, members: [JSONMember])]) {
        let all = groups.flatMap { group in group.members.map { (group.prefix + $0.key, $0.value) } }
        guard !all.isEmpty else { return }
        section("Other keys (kept as read; not editable here)")
        for (key, value) in all {
            rows.append(.pair(safe(key), Self.compactJSON(value), valueRole: nil))
        }
    }

    /// Findings and conflicts, worst first, or nothing when the item is clean (its header row
    /// already says "no problems found").
    mutating func findings(_ item: ItemKey, catalog: WorkspaceCatalog) {
        let problems = catalog.problems(of: item).sorted { $0.severity < $1.severity }
        if !problems.isEmpty {
            section("Problems")
            for problem in problems {
                let field = problem.field.map { "\($0): " } ?? ""
                rows.append(
                    .pair(
                        problem.severity == .error ? "Error" : "Warning", field + problem.message,
                        valueRole: problem.severity == .error ? .error : .warning))
            }
        }
        let conflicts = catalog.conflicts(of: item)
        if !conflicts.isEmpty {
            section("Conflicts with other \(item.kind == .trunk ? "trunks" : "rules")")
            for (other, diagnostic) in conflicts {
                rows.append(.pair("With", describe(other, catalog: catalog), valueRole: .error))
                note(diagnostic.message, role: nil)
            }
        }
    }

    /// `ST_… "Front desk"`: an item as a reference, by ID and name.
    func describe(_ item: ItemKey, catalog: WorkspaceCatalog) -> String {
        let name = item.kind == .trunk ? catalog.trunk(id: item.id)?.name : catalog.rule(id: item.id)?.name
        switch name {
        case nil: return "\(item.id) (not loaded)"
        case .some(""): return item.id
        case .some(let name): return "\(item.id) \"\(name)\""
        }
    }

    /// Shown instead of findings while the start-up check runs in the background.
    static let checking = "checking…"

    /// "2 errors, 1 warning (below)" or "no problems found", for the header section.
    static func checksSummary(_ item: ItemKey, catalog: WorkspaceCatalog) -> (String, ThemeRole) {
        if catalog.isChecking { return (checking, .muted) }
        let problems = catalog.problems(of: item)
        let errors = problems.count(where: { $0.severity == .error }) + catalog.conflicts(of: item).count
        let warnings = problems.count - problems.count(where: { $0.severity == .error })
        if errors == 0 && warnings == 0 { return ("no problems found", .success) }
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        return (parts.joined(separator: ", ") + " (below)", errors > 0 ? .error : .warning)
    }

    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }

    static func compactJSON(_ value: JSONValue, limit: Int = 2000) -> String {
        let text = JSONWriter.string(value, style: .compact)
        return text.count > limit ? String(text.prefix(limit)) + "..." : text
    }

    static func duration(_ value: ProtoDuration?) -> String {
        value?.text ?? ""
    }

    /// Labels may come from files (map keys, unknown keys): escape anything unsafe.
    private func safe(_ text: String) -> String {
        sanitizeForDisplay(text)
    }
}

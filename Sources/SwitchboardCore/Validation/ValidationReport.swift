/// `validate`'s output, for people (`text`) and for scripts (`json`).
public struct ValidationReport: Sendable {
    public var workspace: Workspace
    public let diagnostics: [Diagnostic]

    /// Names of the items the report mentions, built once: looking each one up in the lists
    /// would make a report over 100,000 rules quadratic, and a table of every item's name
    /// would cost more than the report when few items have findings.
    let names: [ItemKey: String]

    public init(workspace: Workspace, diagnostics: [Diagnostic]) {
        self.workspace = workspace
        // By kind, as bare IDs: hashing the item's own `id` in place retains nothing, where
        // building an `ItemKey` per item retained every one of 100,000 IDs.
        var mentionedTrunks = Set<String>()
        var mentionedRules = Set<String>()
        var errors = 0
        for d in diagnostics {
            if d.severity == .error { errors += 1 }
            guard let item = d.item else { continue }
            if item.kind == .trunk { mentionedTrunks.insert(item.id) } else { mentionedRules.insert(item.id) }
        }
        errorCount = errors
        warningCount = diagnostics.count - errors
        var names: [ItemKey: String] = [:]
        names.reserveCapacity(mentionedTrunks.count + mentionedRules.count)
        if !mentionedTrunks.isEmpty {
            // Through the buffers: reading items from the arrays copied (retained) every field.
            workspace.trunks.withUnsafeBufferPointer { trunks in
                for i in trunks.indices where mentionedTrunks.contains(trunks[i].id) {
                    names[ItemKey(.trunk, trunks[i].id)] = trunks[i].name
                }
            }
        }
        if !mentionedRules.isEmpty {
            workspace.rules.withUnsafeBufferPointer { rules in
                for i in rules.indices where mentionedRules.contains(rules[i].id) {
                    names[ItemKey(.rule, rules[i].id)] = rules[i].name
                }
            }
        }
        self.names = names
        // Errors first, each severity in its found order. Usually they already are (a stable
        // sort would copy thousands of findings to change nothing).
        let inOrder = zip(diagnostics, diagnostics.dropFirst()).allSatisfy { !($1.severity < $0.severity) }
        self.diagnostics =
            inOrder
            ? diagnostics
            : diagnostics.sorted { a, b in
                if a.severity != b.severity { return a.severity < b.severity }
                return false
            }
    }

    /// Counted once: `text` and `json` each read both, and filtering copied every finding.
    public let errorCount: Int
    public let warningCount: Int

    func label(_ key: ItemKey) -> String {
        let name = names[key]
        let kind = key.kind == .trunk ? "trunk" : "rule"
        if let name, !name.isEmpty { return "\(kind) \(key.id) \"\(name)\"" }
        return "\(kind) \(key.id)"
    }

    func file(of key: ItemKey) -> String? {
        workspace.origins[key].map { workspace.files[$0].path }
    }

    public var text: String {
        var out = ""
        for d in diagnostics {
            var line = d.severity.rawValue + ": "
            if let item = d.item {
                if let file = file(of: item) { line += file + ": " }
                line += label(item)
                if let field = d.field { line += " (\(field))" }
                line += ": "
            }
            line += d.message
            out += line + "\n"
        }
        let trunks = workspace.trunks.count
        let rules = workspace.rules.count
        let summary =
            "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s") in \(trunks) trunk\(trunks == 1 ? "" : "s") and \(rules) dispatch rule\(rules == 1 ? "" : "s")"
        return out + summary + "\n"
    }

    public var json: JSONValue {
        .object([
            "errors": .number(JSONNumber(errorCount)),
            "warnings": .number(JSONNumber(warningCount)),
            "trunks": .number(JSONNumber(workspace.trunks.count)),
            "dispatchRules": .number(JSONNumber(workspace.rules.count)),
            "diagnostics": .array(
                diagnostics.map { d in
                    .object([
                        "severity": .string(d.severity.rawValue),
                        "kind": d.item.map { .string($0.kind == .trunk ? "trunk" : "rule") } ?? .null,
                        "id": d.item.map { .string($0.id) } ?? .null,
                        "file": d.item.flatMap(file(of:)).map { .string($0) } ?? .null,
                        "field": d.field.map { .string($0) } ?? .null,
                        "message": .string(d.message),
                        "related": .array(d.related.map { .string($0.id) }),
                    ])
                }),
        ])
    }
}

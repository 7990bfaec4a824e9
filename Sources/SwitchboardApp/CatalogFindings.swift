import SwitchboardCore

/// What the browser derives from the validator's findings: counts, each item's own findings
/// and the conflicts naming it, and the worst severity per item for the list markers.
///
/// Separate from the rest of ``WorkspaceCatalog`` because it arrives separately: at start-up
/// the lists are drawn first and the findings come from a background check
/// (``WorkspaceCatalog/checked(_:)``).
struct CatalogFindings: Sendable {
    /// The findings by source, when the catalog computed them itself: an edit then re-checks
    /// only what it touched (``WorkspaceCatalog/applying(_:)``). nil for findings handed in
    /// as a flat list, which an edit has to replace with a full check.
    private(set) var validation: ValidationFindings?
    let diagnostics: [Diagnostic]
    /// The "unreachable" warnings are from before the last edit (being recomputed).
    var reachabilityIsStale: Bool { validation.map { !$0.reachabilityIsCurrent } ?? false }
    let errorCount: Int
    let warningCount: Int
    /// Diagnostic indices about each item (its own findings, including the conflicts it is
    /// blamed for).
    let own: [ItemKey: [Int]]
    /// Diagnostic indices of other items that name this one as related (the other side of a
    /// conflict).
    let related: [ItemKey: [Int]]
    /// Worst severity per trunk and per rule (by position), for the list markers.
    let trunkSeverity: [Diagnostic.Severity?]
    let ruleSeverity: [Diagnostic.Severity?]

    init(_ validation: ValidationFindings, workspace: Workspace, trunkPositions: [String: Int], rulePositions: [String: Int]) {
        self.init(validation.all, workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
        self.validation = validation
    }

    init(_ diagnostics: [Diagnostic], workspace: Workspace, trunkPositions: [String: Int], rulePositions: [String: Int]) {
        validation = nil
        self.diagnostics = diagnostics
        errorCount = diagnostics.count(where: { $0.severity == .error })
        warningCount = diagnostics.count - errorCount
        var own: [ItemKey: [Int]] = [:]
        var related: [ItemKey: [Int]] = [:]
        var trunkSeverity = [Diagnostic.Severity?](repeating: nil, count: workspace.trunks.count)
        var ruleSeverity = [Diagnostic.Severity?](repeating: nil, count: workspace.rules.count)
        func mark(_ key: ItemKey, _ severity: Diagnostic.Severity) {
            switch key.kind {
            case .trunk:
                if let position = trunkPositions[key.id], trunkSeverity[position] != .error {
                    trunkSeverity[position] = severity
                }
            case .rule:
                if let position = rulePositions[key.id], ruleSeverity[position] != .error {
                    ruleSeverity[position] = severity
                }
            }
        }
        for (index, diagnostic) in diagnostics.enumerated() {
            if let item = diagnostic.item {
                own[item, default: []].append(index)
                mark(item, diagnostic.severity)
            }
            for other in diagnostic.related {
                related[other, default: []].append(index)
                // A conflict (an error) blames both sides; a warning names others only as
                // context (the rules that win the calls an unreachable rule could take), and
                // marking them would flag rules that are fine.
                if diagnostic.severity == .error { mark(other, diagnostic.severity) }
            }
        }
        self.own = own
        self.related = related
        self.trunkSeverity = trunkSeverity
        self.ruleSeverity = ruleSeverity
    }
}

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
    /// With findings by source (and no repeated IDs): where each trunk's and each rule's field
    /// checks start in `diagnostics`, by position, plus the end. Those findings are found by
    /// position and left out of `own`: indexing 15,000 warnings by ID again after every edit
    /// of a 100,000-rule list was most of the edit's time. Empty otherwise.
    private let trunkCheckStarts: [Int32]
    private let ruleCheckStarts: [Int32]
    /// Diagnostic indices about each item (its own findings, including the conflicts it is
    /// blamed for) that are not found by position.
    private let own: [ItemKey: [Int]]
    /// Diagnostic indices of other items that name this one as related (the other side of a
    /// conflict).
    let related: [ItemKey: [Int]]
    /// Worst severity per trunk and per rule (by position), for the list markers.
    let trunkSeverity: [Diagnostic.Severity?]
    let ruleSeverity: [Diagnostic.Severity?]

    init(_ validation: ValidationFindings, workspace: Workspace, trunkPositions: PositionIndex, rulePositions: PositionIndex) {
        guard trunkPositions.count == workspace.trunks.count, rulePositions.count == workspace.rules.count else {
            self.init(validation.all, workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
            self.validation = validation
            return
        }
        // `validation.all`, noting where each item's checks start.
        var flat: [Diagnostic] = []
        var trunkStarts: [Int32] = []
        trunkStarts.reserveCapacity(workspace.trunks.count + 1)
        for checks in validation.trunkChecks {
            trunkStarts.append(Int32(flat.count))
            flat += checks
        }
        trunkStarts.append(Int32(flat.count))
        let trunkConflicts = flat.count..<(flat.count + validation.trunkConflicts.count)
        flat += validation.trunkConflicts
        var ruleStarts: [Int32] = []
        ruleStarts.reserveCapacity(workspace.rules.count + 1)
        validation.ruleChecks.withUnsafeBufferPointer { checks in
            for index in checks.indices {
                ruleStarts.append(Int32(flat.count))
                if !checks[index].isEmpty { flat += checks[index] }
            }
        }
        ruleStarts.append(Int32(flat.count))
        let rest = flat.count..<(flat.count + validation.ruleConflicts.count + validation.reachability.count)
        flat += validation.ruleConflicts
        flat += validation.reachability
        self.init(
            flat, workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions,
            positioned: (trunkStarts, ruleStarts), unpositioned: [trunkConflicts, rest])
        self.validation = validation
    }

    init(_ diagnostics: [Diagnostic], workspace: Workspace, trunkPositions: PositionIndex, rulePositions: PositionIndex) {
        self.init(
            diagnostics, workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions, positioned: ([], []),
            unpositioned: [diagnostics.indices])
    }

    private init(
        _ diagnostics: [Diagnostic], workspace: Workspace, trunkPositions: PositionIndex, rulePositions: PositionIndex,
        positioned: (trunks: [Int32], rules: [Int32]), unpositioned: [Range<Int>]
    ) {
        validation = nil
        self.diagnostics = diagnostics
        errorCount = diagnostics.count(where: { $0.severity == .error })
        warningCount = diagnostics.count - errorCount
        trunkCheckStarts = positioned.trunks
        ruleCheckStarts = positioned.rules
        var own: [ItemKey: [Int]] = [:]
        var related: [ItemKey: [Int]] = [:]
        var trunkSeverity = [Diagnostic.Severity?](repeating: nil, count: workspace.trunks.count)
        var ruleSeverity = [Diagnostic.Severity?](repeating: nil, count: workspace.rules.count)
        // The worst of each positioned item's checks, read by position.
        func worst(_ starts: [Int32], into severity: inout [Diagnostic.Severity?]) {
            guard !starts.isEmpty else { return }
            diagnostics.withUnsafeBufferPointer { diagnostics in
                for position in 0..<(starts.count - 1) where starts[position] != starts[position + 1] {
                    let range = Int(starts[position])..<Int(starts[position + 1])
                    severity[position] = range.contains { diagnostics[$0].severity == .error } ? .error : .warning
                }
            }
        }
        worst(positioned.trunks, into: &trunkSeverity)
        worst(positioned.rules, into: &ruleSeverity)
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
        for range in unpositioned {
            for index in range {
                let diagnostic = diagnostics[index]
                guard let item = diagnostic.item else { continue }
                own[item, default: []].append(index)
                mark(item, diagnostic.severity)
            }
        }
        for (index, diagnostic) in diagnostics.enumerated() where !diagnostic.related.isEmpty {
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

    /// Indices of the findings about `item` (at `position` in its list), in order.
    func ownIndices(of item: ItemKey, at position: Int?) -> [Int] {
        let starts = item.kind == .trunk ? trunkCheckStarts : ruleCheckStarts
        var out: [Int] = []
        if let position, !starts.isEmpty { out += Int(starts[position])..<Int(starts[position + 1]) }
        return out + (own[item] ?? [])
    }
}

import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything the browser derives from a workspace, computed once when the workspace is loaded
/// (or reloaded) and then only read.
///
/// This is what keeps a keystroke cheap with 100,000 rules: validation, conflict detection,
/// the trunk→rules map and the filter's search text are all built here, so `update` and `view`
/// never re-validate or re-scan the workspace; they look things up by position.
public struct WorkspaceCatalog: Sendable {
    public internal(set) var workspace: Workspace
    /// The validator's findings and what the lists derive from them. Empty while
    /// ``isChecking``.
    var findings: CatalogFindings
    /// Whether the workspace's check is still running in the background (start-up draws the
    /// lists first); ``checked(_:)`` fills the findings in.
    public internal(set) var isChecking: Bool
    /// Every finding of `WorkspaceValidator`, in its order.
    public var diagnostics: [Diagnostic] { findings.diagnostics }
    public var errorCount: Int { findings.errorCount }
    public var warningCount: Int { findings.warningCount }
    public internal(set) var dynamicRuleCount: Int

    /// IDs by position, so hot loops (reselecting after a filter) compare strings without
    /// touching the large trunk and rule values.
    var trunkIDs: [String]
    var ruleIDs: [String]
    var trunkPositions: PositionIndex
    var rulePositions: PositionIndex
    /// Rules listing a trunk in `trunkIds`, by trunk ID, in workspace order.
    var rulesByTrunk: [String: [Int]]
    /// Rules with no `trunkIds`: they receive calls from every trunk.
    var wildcardRules: [Int]
    /// Trunks and rules per input file, by file index.
    var itemsPerFile: [Int: (trunks: Int, rules: Int)]
    var trunkSearch: SearchIndex
    var ruleSearch: SearchIndex
    /// Every sort order of both lists, computed once per catalog in the background after it
    /// is built (sorting 100,000 rules by name takes longer than a keystroke may).
    var orders: OrderCache
    /// Which calls reach each rule, asked for the selected rule only.
    var reachability: ReachabilityCache

    public init(workspace: Workspace) {
        self.init(workspace: workspace, findings: nil)
        findings = CatalogFindings(
            ValidationFindings(workspace), workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
        isChecking = false
    }

    /// With diagnostics computed elsewhere (tests, or a background reload).
    public init(workspace: Workspace, diagnostics: [Diagnostic]) {
        self.init(workspace: workspace, findings: diagnostics)
    }

    /// Everything but the check, which the caller runs in the background (``Effect/check``) and
    /// hands to ``checked(_:)``: the first frame of a large workspace does not wait for it.
    public static func checkingLater(_ workspace: Workspace) -> WorkspaceCatalog {
        WorkspaceCatalog(workspace: workspace, findings: nil)
    }

    /// This catalog with the check's findings (the lists and search stay as they are).
    public func checked(_ validation: ValidationFindings) -> WorkspaceCatalog {
        var result = self
        result.findings = CatalogFindings(
            validation, workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
        result.isChecking = false
        return result
    }

    /// The "unreachable" warnings predate the last edit and are being recomputed in the
    /// background (the routing index of a large workspace takes seconds to build).
    public var reachabilityIsStale: Bool { findings.reachabilityIsStale }

    /// This catalog with flat findings from elsewhere (tests).
    public func checked(_ diagnostics: [Diagnostic]) -> WorkspaceCatalog {
        var result = self
        result.findings = CatalogFindings(
            diagnostics, workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
        result.isChecking = false
        return result
    }

    private init(workspace: Workspace, findings diagnostics: [Diagnostic]?) {
        self.workspace = workspace
        dynamicRuleCount = workspace.rules.indices.count(where: {
            if case .dynamic = workspace.rules[$0].kind { return true }
            return false
        })

        trunkIDs = workspace.trunks.indices.map { workspace.trunks[$0].id }
        ruleIDs = workspace.rules.indices.map { workspace.rules[$0].id }
        let trunkPositions = PositionIndex(trunkIDs)
        let rulePositions = PositionIndex(ruleIDs)
        var rulesByTrunk: [String: [Int]] = [:]
        var wildcardRules: [Int] = []
        // By index, reading two fields: iterating the rules would copy each whole rule (a
        // retain per string), which was a fifth of building the catalog.
        for position in workspace.rules.indices {
            let trunkIds = workspace.rules[position].trunkIds
            if trunkIds.isEmpty { wildcardRules.append(position) }
            // One trunk ID is the common case: no set needed to drop repeats.
            if trunkIds.count == 1 {
                rulesByTrunk[trunkIds[0], default: []].append(position)
            } else {
                for trunkID in Set(trunkIds) { rulesByTrunk[trunkID, default: []].append(position) }
            }
        }
        self.trunkPositions = trunkPositions
        self.rulePositions = rulePositions
        self.rulesByTrunk = rulesByTrunk
        self.wildcardRules = wildcardRules
        findings = CatalogFindings(
            diagnostics ?? [], workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
        isChecking = diagnostics == nil

        var perFile: [Int: (trunks: Int, rules: Int)] = [:]
        for (key, file) in workspace.origins {
            var counts = perFile[file] ?? (0, 0)
            if key.kind == .trunk { counts.trunks += 1 } else { counts.rules += 1 }
            perFile[file] = counts
        }
        itemsPerFile = perFile

        trunkSearch = SearchIndex(workspace.trunks.indices.map { Self.searchFields(workspace.trunks[$0]) })
        ruleSearch = SearchIndex(workspace.rules.indices.map { Self.searchFields(workspace.rules[$0]) })
        orders = OrderCache(workspace: workspace)
        reachability = ReachabilityCache(ruleCount: workspace.rules.count)
    }

    /// Workspace positions of every item of `kind` in `order`: from the background sort when
    /// it is done, else sorted now (and kept).
    func order(_ order: SortOrder, of kind: ItemKind) -> [Int] {
        orders.positions(order, kind, in: workspace)
    }

    /// Whether any call reaches the rule, or who wins instead (``ReachabilityCache``).
    func verdict(_ ruleID: String) -> RuleReachability? {
        reachability.verdict(ruleID, in: workspace)
    }

    // MARK: Lookups

    public func count(of kind: ItemKind) -> Int {
        kind == .trunk ? workspace.trunks.count : workspace.rules.count
    }

    /// The ID of the item at `position` in the workspace's list of `kind`.
    public func id(of kind: ItemKind, at position: Int) -> String {
        kind == .trunk ? trunkIDs[position] : ruleIDs[position]
    }

    /// The workspace position of the (first) item with `id`.
    func position(of kind: ItemKind, id: String) -> Int? {
        kind == .trunk ? trunkPositions[id] : rulePositions[id]
    }

    /// Whether two items of `kind` share an ID (the file is invalid, but is still shown):
    /// only then can an ID stand for another position than `position(of:id:)`'s.
    func hasDuplicateIDs(_ kind: ItemKind) -> Bool {
        kind == .trunk ? trunkPositions.count != workspace.trunks.count : rulePositions.count != workspace.rules.count
    }

    public func trunk(id: String) -> Trunk? { trunkPositions[id].map { workspace.trunks[$0] } }
    public func rule(id: String) -> DispatchRule? { rulePositions[id].map { workspace.rules[$0] } }

    func search(_ kind: ItemKind) -> SearchIndex { kind == .trunk ? trunkSearch : ruleSearch }

    func severity(of kind: ItemKind, at position: Int) -> Diagnostic.Severity? {
        kind == .trunk ? findings.trunkSeverity[position] : findings.ruleSeverity[position]
    }

    /// The item's own findings that are not conflicts with another item.
    public func problems(of item: ItemKey) -> [Diagnostic] {
        findings.ownIndices(of: item, at: position(of: item.kind, id: item.id)).map { diagnostics[$0] }.filter { !Self.isConflict($0) }
    }

    /// Conflicts involving the item, each with the other item named.
    public func conflicts(of item: ItemKey) -> [(other: ItemKey, diagnostic: Diagnostic)] {
        var result: [(ItemKey, Diagnostic)] = []
        for index in findings.ownIndices(of: item, at: position(of: item.kind, id: item.id)) where Self.isConflict(diagnostics[index]) {
            let diagnostic = diagnostics[index]
            for other in diagnostic.related { result.append((other, diagnostic)) }
        }
        for index in findings.related[item] ?? [] where Self.isConflict(diagnostics[index]) {
            let diagnostic = diagnostics[index]
            if let other = diagnostic.item { result.append((other, diagnostic)) }
        }
        return result
    }

    /// An error naming other items is a conflict between them (both sides are to blame); a
    /// warning naming others only cites them (an unreachable rule names the rules that win its
    /// calls), so it stays the item's own problem.
    static func isConflict(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error && !diagnostic.related.isEmpty
    }

    /// Rules that can receive a trunk's calls: those listing it, then the wildcard rules.
    public func rulesReceiving(trunkID: String) -> (listing: [Int], wildcard: [Int]) {
        (rulesByTrunk[trunkID] ?? [], wildcardRules)
    }

    func itemCounts(ofFile index: Int) -> (trunks: Int, rules: Int) {
        itemsPerFile[index] ?? (0, 0)
    }

    // MARK: Search text

    /// What `/` finds a trunk by: name, ID, numbers, allowed callers and addresses, user name.
    /// Never the password.
    static func searchFields(_ trunk: Trunk) -> [String] {
        [trunk.name, trunk.id] + trunk.numbers + trunk.allowedNumbers + trunk.allowedAddresses + [trunk.authUsername]
    }

    /// What `/` finds a rule by: name, ID, type, room or prefix, webhook URL and method, number
    /// filters and the trunk IDs it is scoped to (so a trunk's ID lists its rules).
    static func searchFields(_ rule: DispatchRule) -> [String] {
        var fields = [rule.name, rule.id, rule.kind?.typeName ?? ""]
        switch rule.kind {
        case .dynamic(let dynamic): fields += [dynamic.url, dynamic.effectiveMethod]
        case .some(let kind): fields.append(kind.roomNameOrPrefix)
        case nil: break
        }
        return fields + rule.numbers + rule.inboundNumbers + rule.trunkIds + [rule.roomPreset]
    }
}

/// The sort orders of one workspace, filled by a background task started with the catalog;
/// a lookup before the task got there sorts on the spot. Shared by every copy of the catalog.
/// Only the task keeps the workspace, while it sorts: a lasting second reference to its rules
/// would make every edit copy all of them.
final class OrderCache: @unchecked Sendable {
    private var computed: [Key: [Int]] = [:]
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    struct Key: Hashable {
        var order: SortOrder
        var kind: ItemKind
    }

    /// `known`: orders already computed (an edit patches the previous catalog's); the rest
    /// are sorted in the background as for a new workspace.
    init(workspace: Workspace, known: [Key: [Int]] = [:]) {
        computed = known
        pthread_mutex_init(lock, nil)
        // Small lists sort in well under a millisecond: only large ones go to the background.
        guard workspace.rules.count + workspace.trunks.count > 2000 else { return }
        let missing = [ItemKind.rule, .trunk].flatMap { kind in
            SortOrder.allCases.filter { $0 != .file && known[Key(order: $0, kind: kind)] == nil }.map { Key(order: $0, kind: kind) }
        }
        guard !missing.isEmpty else { return }
        Task.detached(priority: .utility) { [weak self] in
            for key in missing {
                guard let self else { return }
                _ = self.positions(key.order, key.kind, in: workspace)
            }
        }
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// The orders computed so far.
    func snapshot() -> [Key: [Int]] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return computed
    }

    /// `workspace`: the one this cache is of.
    func positions(_ order: SortOrder, _ kind: ItemKind, in workspace: Workspace) -> [Int] {
        let key = Key(order: order, kind: kind)
        if order == .file { return Array(0..<(kind == .trunk ? workspace.trunks.count : workspace.rules.count)) }
        pthread_mutex_lock(lock)
        let known = computed[key]
        pthread_mutex_unlock(lock)
        if let known { return known }
        let positions = order.positions(of: kind, in: workspace)
        pthread_mutex_lock(lock)
        computed[key] = positions
        pthread_mutex_unlock(lock)
        return positions
    }
}

/// Everything routing looks up, computed once per workspace so that a call costs a few hash
/// lookups instead of a scan of every trunk and rule. Build it when the configuration
/// changes and reuse it for every call (it is an immutable value, safe to share).
///
/// LiveKit's own store filters linearly: it lists the trunks whose `numbers` is empty or
/// contains the called number, and the rules whose `trunk_ids` is empty or contains the
/// matched trunk. The index yields exactly those candidate lists, in the same ID order:
/// * trunks by normalized number, plus the list of default (number-less) trunks;
/// * rules by trunk ID (a *pool* per trunk), plus the pool of wildcard rules;
/// * inside a large pool, rules by normalized `inbound_numbers` and `numbers` entries, so a
///   call only looks at rules whose filters could match it (exactly or, for the
///   number-hygiene trace, after normalization) and at rules without filters;
/// * the stored rule conflicts (`RuleConflicts`), which fail a call before selection.
///
/// What the explain trace calls "considered" is what the index yields; the rest is counted
/// in one summary line ("9,988 other rules not scoped to this trunk were not considered").
/// A pool no bigger than `fullTraceLimit` is considered whole, so in ordinary configurations
/// every rule of the trunk gets its own line, including ones whose filters name other callers.
public struct RoutingIndex: Sendable {
    /// Trunks in ID order, as LiveKit's store lists them.
    public let trunks: [Trunk]
    /// Rules in ID order.
    public let rules: [DispatchRule]
    public let conflicts: RuleConflicts
    /// Pools at most this big are considered whole (every rule traced).
    public let fullTraceLimit: Int

    let trunksByNumber: [String: [Int]]
    let defaultTrunks: [Int]
    /// Default trunks by each normalized `allowed_numbers` entry, and those without the filter:
    /// with more default trunks than `fullTraceLimit`, a call looks only at those that could
    /// accept its caller (the rest would be skipped by the same filter).
    let defaultTrunksByCaller: [String: [Int]]
    let openDefaultTrunks: [Int]
    let wildcardPool: RulePool
    let poolsByTrunk: [String: RulePool]
    /// Rules with at least one trunk ID, in ID order (considered when no trunk matched).
    let scopedRules: [Int]
    let rulePositions: [String: Int]

    public static let defaultFullTraceLimit = 64

    public init(workspace: Workspace, fullTraceLimit: Int = RoutingIndex.defaultFullTraceLimit) {
        self.init(trunks: workspace.trunks, rules: workspace.rules, fullTraceLimit: fullTraceLimit)
    }

    public init(trunks: [Trunk], rules: [DispatchRule], fullTraceLimit: Int = RoutingIndex.defaultFullTraceLimit) {
        // Sort positions, then copy each item once: sorting the large values themselves
        // moves them O(n log n) times.
        let trunkIDs = trunks.map(\.id)
        let ruleIDs = rules.map(\.id)
        self.trunks = trunkIDs.indices.sorted { trunkIDs[$0] < trunkIDs[$1] }.map { trunks[$0] }
        self.rules = ruleIDs.indices.sorted { ruleIDs[$0] < ruleIDs[$1] }.map { rules[$0] }
        self.fullTraceLimit = fullTraceLimit
        conflicts = RuleConflicts(rules: self.rules)

        var byNumber: [String: [Int]] = [:]
        var defaults: [Int] = []
        var defaultsByCaller: [String: [Int]] = [:]
        var openDefaults: [Int] = []
        for (position, trunk) in self.trunks.enumerated() {
            if trunk.numbers.isEmpty {
                defaults.append(position)
                if trunk.allowedNumbers.isEmpty { openDefaults.append(position) }
                for caller in Set(trunk.allowedNumbers.map(PhoneNumber.normalize)) {
                    defaultsByCaller[caller, default: []].append(position)
                }
                continue
            }
            // HEAD: a trunk listing one number in two spellings is still one candidate.
            for number in Set(trunk.numbers.map(PhoneNumber.normalize)) {
                byNumber[number, default: []].append(position)
            }
        }
        trunksByNumber = byNumber
        defaultTrunks = defaults
        defaultTrunksByCaller = defaultsByCaller
        openDefaultTrunks = openDefaults

        var wildcard = RulePool.Builder()
        var scoped: [String: RulePool.Builder] = [:]
        var scopedList: [Int] = []
        var positions: [String: Int] = [:]
        for (position, rule) in self.rules.enumerated() {
            positions[rule.id] = position
            if rule.trunkIds.isEmpty {
                wildcard.add(position, rule)
                continue
            }
            scopedList.append(position)
            var seen: Set<String> = []
            for trunkID in rule.trunkIds where seen.insert(trunkID).inserted {
                scoped[trunkID, default: RulePool.Builder()].add(position, rule)
            }
        }
        wildcardPool = wildcard.build()
        poolsByTrunk = scoped.mapValues { $0.build() }
        scopedRules = scopedList
        rulePositions = positions
    }

    /// Candidate trunks for a called number, in ID order: those listing it (exactly or after
    /// normalization) and the default trunks.
    func candidateTrunks(calledNumber: String) -> [Int] {
        let listing = trunksByNumber[PhoneNumber.normalize(calledNumber)] ?? []
        return Self.mergeSorted(listing, defaultTrunks)
    }

    /// The candidate trunks for a call, in ID order, and how many default trunks were left out
    /// because their `allowed_numbers` refuse the caller (only when there are more default
    /// trunks than `fullTraceLimit`; otherwise every one is a candidate and traced).
    func candidateTrunks(calledNumber: String, caller: String) -> (positions: [Int], refusedDefaults: Int) {
        guard defaultTrunks.count > fullTraceLimit else { return (candidateTrunks(calledNumber: calledNumber), 0) }
        let listing = trunksByNumber[PhoneNumber.normalize(calledNumber)] ?? []
        let allowing = Self.mergeSorted(openDefaultTrunks, defaultTrunksByCaller[PhoneNumber.normalize(caller)] ?? [])
        return (Self.mergeSorted(listing, allowing), defaultTrunks.count - allowing.count)
    }

    func pool(forTrunk trunkID: String) -> RulePool { poolsByTrunk[trunkID] ?? RulePool.empty }

    /// Merges two ascending lists of positions, dropping duplicates.
    static func mergeSorted(_ a: [Int], _ b: [Int]) -> [Int] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let next: Int
            if j == b.count || (i < a.count && a[i] <= b[j]) {
                next = a[i]
                i += 1
            } else {
                next = b[j]
                j += 1
            }
            if out.last != next { out.append(next) }
        }
        return out
    }
}

/// The rules LiveKit would list for one trunk scope (one trunk ID, or the wildcard rules),
/// with lookups by filter for pools too big to consider whole.
struct RulePool: Sendable {
    /// Every rule of the pool, in ID order.
    let members: [Int]
    /// Rules without `inbound_numbers` and `numbers` filters.
    let unfiltered: [Int]
    /// By each normalized `inbound_numbers` entry.
    let byCaller: [String: [Int]]
    /// By each normalized `numbers` entry.
    let byCallee: [String: [Int]]
    /// The first rule without a variant; LiveKit's validator fails on it.
    let firstUnsupported: Int?

    static let empty = RulePool(members: [], unfiltered: [], byCaller: [:], byCallee: [:], firstUnsupported: nil)

    /// Rules whose filters could match the call exactly or after normalization, and rules
    /// without filters, in ID order. Every rule that passes the filters is among them.
    func filterCandidates(caller: String, callee: String) -> [Int] {
        let byFrom = byCaller[PhoneNumber.normalize(caller)] ?? []
        let byTo = byCallee[PhoneNumber.normalize(callee)] ?? []
        return RoutingIndex.mergeSorted(RoutingIndex.mergeSorted(unfiltered, byFrom), byTo)
    }

    struct Builder {
        var members: [Int] = []
        var unfiltered: [Int] = []
        var byCaller: [String: [Int]] = [:]
        var byCallee: [String: [Int]] = [:]
        var firstUnsupported: Int?

        mutating func add(_ position: Int, _ rule: DispatchRule) {
            members.append(position)
            if rule.kind == nil, firstUnsupported == nil { firstUnsupported = position }
            if rule.inboundNumbers.isEmpty, rule.numbers.isEmpty {
                unfiltered.append(position)
                return
            }
            // Positions arrive in ascending order, so each list stays sorted; a set removes
            // entries that normalize alike.
            for key in Set(rule.inboundNumbers.map(PhoneNumber.normalize)) { byCaller[key, default: []].append(position) }
            for key in Set(rule.numbers.map(PhoneNumber.normalize)) { byCallee[key, default: []].append(position) }
        }

        func build() -> RulePool {
            RulePool(
                members: members, unfiltered: unfiltered, byCaller: byCaller, byCallee: byCallee,
                firstUnsupported: firstUnsupported)
        }
    }
}

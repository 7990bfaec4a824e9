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
    /// `trunksByNumber` and `defaultTrunksByCaller` again, for the untraced path: one cache
    /// line per lookup instead of three.
    let trunkNumberTable: NumberTable
    let defaultCallerTable: NumberTable
    let wildcardPool: RulePool
    let poolsByTrunk: [String: RulePool]
    /// Rules with at least one trunk ID, in ID order (considered when no trunk matched).
    let scopedRules: [Int]
    let rulePositions: [String: Int]
    /// By trunk position: what matching a call reads, precomputed (normalized caller
    /// filters, parsed addresses), so a call parses and normalizes nothing of the trunk's.
    let trunkFilters: [TrunkFilter]
    /// By rule position: the few fields selection reads, so the hot loop never copies the
    /// large rule values.
    let ruleFacts: [RuleFacts]
    /// By trunk position: what the untraced path reads of a matched trunk, on one cache line
    /// (the trunk itself and its `TrunkFilter` are read only when needed). Every small pool's
    /// entries and filter strings live in two shared arrays, so an untraced call reads a few
    /// adjacent cache lines for its pool instead of chasing a pool object and its four arrays.
    let trunkRouting: [TrunkRouting]
    let trunkPoolRules: [RulePool.CompactRule]
    /// The filter strings `trunkPoolRules` point into.
    let trunkPoolStrings: [String]
    /// Whether any pool has a rule without a variant (the validator then has to run).
    let hasUnsupportedRules: Bool

    struct TrunkRouting: Sendable {
        /// The outcome's `trunk` (with the match kind).
        let id: String
        let name: String
        /// Where the trunk's pool starts in `trunkPoolRules`.
        let poolStart: Int32
        /// -1: the pool is too big for compact entries; selection narrows it by number instead.
        let poolCount: Int32
        /// Whether `allowed_numbers` or `allowed_addresses` is set (otherwise the trunk's
        /// `TrunkFilter` need not be read to match it).
        let hasFilters: Bool
        /// `TrunkFilter.hasSessionSettings`.
        let hasSessionSettings: Bool
    }

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
        trunkNumberTable = NumberTable(byNumber)
        defaultCallerTable = NumberTable(defaultsByCaller)
        trunkFilters = self.trunks.map(TrunkFilter.init)
        ruleFacts = self.rules.map(RuleFacts.init)
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
        // The trunk pools' compact entries move to the shared arrays (one copy, not two).
        var spans: [(start: Int32, count: Int32)] = []
        spans.reserveCapacity(self.trunks.count)
        var flatRules: [RulePool.CompactRule] = []
        var flatStrings: [String] = []
        for trunk in self.trunks {
            guard let builder = scoped[trunk.id] else {
                spans.append((0, 0))
                continue
            }
            guard builder.hasCompact, builder.compact.count == builder.members.count,
                flatRules.count + builder.compact.count <= Int(Int32.max),
                flatStrings.count + builder.filterStrings.count <= Int(Int32.max)
            else {
                spans.append((0, -1))
                continue
            }
            let offset = Int32(flatStrings.count)
            spans.append((Int32(flatRules.count), Int32(builder.compact.count)))
            for rule in builder.compact { flatRules.append(rule.rebased(by: offset)) }
            flatStrings += builder.filterStrings
        }
        trunkRouting = zip(spans, trunkFilters).map { span, filter in
            TrunkRouting(
                id: filter.id, name: filter.name, poolStart: span.start, poolCount: span.count,
                hasFilters: !filter.allowedNumbers.isEmpty || filter.hasAddressFilter, hasSessionSettings: filter.hasSessionSettings)
        }
        trunkPoolRules = flatRules
        trunkPoolStrings = flatStrings
        let pools = scoped.mapValues { $0.build(keepingCompact: false) }
        poolsByTrunk = pools
        hasUnsupportedRules = wildcardPool.firstUnsupported != nil || pools.values.contains { $0.firstUnsupported != nil }
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

/// A trunk's `allowed_numbers` and `allowed_addresses`, ready to apply to calls: the same
/// verdicts as `PhoneNumber.matches` and `AddressFilter.evaluate`, without re-reading the
/// entries per call. A class: reading a filter out of the index then retains one object
/// instead of copying five fields.
final class TrunkFilter: Sendable {
    let id: String
    /// The trunk's name, for the outcome: with `id` on the line matching already read.
    let name: String
    let isDefault: Bool
    /// False when every setting the accepted call takes from the trunk (media, Krisp, timings,
    /// header mappings) is unset: evaluation then never reads the trunk itself.
    let hasSessionSettings: Bool
    let allowedNumbers: [String]
    /// `allowedNumbers`, each normalized.
    let allowedNormalized: [String]
    /// Whether `allowed_addresses` has any entry (an empty list allows every source).
    let hasAddressFilter: Bool
    /// The well-formed entries (LiveKit drops the rest), parsed.
    let addresses: [AddressEntry]

    struct AddressEntry: Sendable {
        let text: String
        let ip: IPAddress?
        let prefix: IPPrefix?
    }

    init(_ trunk: Trunk) {
        id = trunk.id
        name = trunk.name
        isDefault = trunk.isDefault
        hasSessionSettings =
            trunk.media != nil || trunk.mediaEncryption != .disable || trunk.krispEnabled || trunk.ringingTimeout != nil
            || trunk.maxCallDuration != nil || !trunk.headers.isEmpty || !trunk.headersToAttributes.isEmpty
            || !trunk.attributesToHeaders.isEmpty || trunk.includeHeaders != .none
        allowedNumbers = trunk.allowedNumbers
        allowedNormalized = trunk.allowedNumbers.map(PhoneNumber.normalize)
        hasAddressFilter = !trunk.allowedAddresses.isEmpty
        addresses = trunk.allowedAddresses.filter(AddressFilter.isWellFormedEntry).map { entry in
            AddressEntry(text: entry, ip: IPAddress(entry), prefix: entry.contains("/") ? IPPrefix(entry) : nil)
        }
    }

    /// False when `allowed_numbers` refuses the caller (exactly or normalized, as LiveKit).
    func allowsCaller(_ caller: String, normalized: String) -> Bool {
        guard !allowedNumbers.isEmpty else { return true }
        for i in allowedNumbers.indices where allowedNumbers[i] == caller || allowedNormalized[i] == normalized {
            return true
        }
        return false
    }

    /// `AddressFilter.evaluate(…).passes`; `sourceIP` is the call's source parsed once
    /// (nil when it does not parse, which lets the call through).
    func allowsSource(_ sourceIP: IPAddress?, fromHost: String) -> Bool {
        guard hasAddressFilter, let sourceIP, !addresses.isEmpty else { return true }
        for entry in addresses {
            if entry.text == fromHost { return true }
            if let ip = entry.ip, ip == sourceIP { return true }
            if let prefix = entry.prefix, prefix.contains(sourceIP) { return true }
        }
        return false
    }
}

/// The fields of a rule that selection reads, kept apart from the rule so that filtering and
/// ranking candidates copies a few references instead of a whole `DispatchRule`.
struct RuleFacts: Sendable {
    let id: String
    let inboundNumbers: [String]
    let numbers: [String]
    let trunkIds: [String]
    /// The pin a static rule asks for; nil for a dynamic rule and a rule without a variant
    /// (neither is filtered by pin).
    let staticPin: String?
    let hasVariant: Bool
    let isDynamic: Bool
    /// `RulePriority.value(of:)`.
    let priority: Int
    /// The tie-break of `RulePriority.ranksBefore`.
    let roomNameOrPrefix: String

    init(_ rule: DispatchRule) {
        id = rule.id
        inboundNumbers = rule.inboundNumbers
        numbers = rule.numbers
        trunkIds = rule.trunkIds
        let kind = rule.kind
        hasVariant = kind != nil
        if case .dynamic = kind { isDynamic = true } else { isDynamic = false }
        staticPin = isDynamic ? nil : kind?.pin
        priority = RulePriority.value(of: rule)
        roomNameOrPrefix = kind?.roomNameOrPrefix ?? ""
    }

    var isWildcard: Bool { trunkIds.isEmpty }

    /// True when `a` ranks before `b` (`RulePriority.ranksBefore`, from the precomputed keys).
    static func ranksBefore(_ a: borrowing RuleFacts, _ aPosition: Int, _ b: borrowing RuleFacts, _ bPosition: Int) -> Bool {
        if a.priority != b.priority { return a.priority < b.priority }
        if a.roomNameOrPrefix != b.roomNameOrPrefix { return a.roomNameOrPrefix.utf8.lexicographicallyPrecedes(b.roomNameOrPrefix.utf8) }
        return aPosition < bPosition
    }
}

/// The rules LiveKit would list for one trunk scope (one trunk ID, or the wildcard rules),
/// with lookups by filter for pools too big to consider whole.
final class RulePool: Sendable {
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
    /// The members' filters and ranks side by side (ID order), with their filter strings in
    /// `filterStrings`: an untraced call reads one small pool in a few cache lines instead
    /// of chasing every rule's arrays across a 100,000-rule heap.
    let compact: [CompactRule]
    let filterStrings: [String]

    static let empty = RulePool(
        members: [], unfiltered: [], byCaller: [:], byCallee: [:], firstUnsupported: nil, compact: [], filterStrings: [])

    /// A class, so that looking a pool up retains one object instead of copying its arrays.
    init(
        members: [Int], unfiltered: [Int], byCaller: [String: [Int]], byCallee: [String: [Int]], firstUnsupported: Int?,
        compact: [CompactRule], filterStrings: [String]
    ) {
        self.members = members
        self.unfiltered = unfiltered
        self.byCaller = byCaller
        self.byCallee = byCallee
        self.firstUnsupported = firstUnsupported
        self.compact = compact
        self.filterStrings = filterStrings
    }

    /// One member as untraced selection reads it (`RuleSelector.skips` and the rank), in 28
    /// bytes: a ten-rule pool is five cache lines.
    struct CompactRule: Sendable {
        let position: Int32
        let priority: Int32
        /// `filterStrings` from here: its `inbound_numbers` (`inboundCount`), its `numbers`
        /// (`numbersCount`), then its pin when it is filtered by pin.
        let filterStart: Int32
        /// The low bits of `hashValue` of the only `inbound_numbers` entry and of the only
        /// `numbers` entry (unused for other counts): a rule whose one entry hashes unlike the
        /// call's number is skipped without reading `filterStrings`, so most calls never
        /// touch them.
        let inboundHash: UInt32
        let numbersHash: UInt32
        let inboundCount: UInt16
        let numbersCount: UInt16
        let flags: Flags

        struct Flags: OptionSet, Sendable {
            let rawValue: UInt8
            static let dynamic = Flags(rawValue: 1)
            /// A static rule: filtered by pin (dynamic rules and rules without a variant are not).
            static let staticPin = Flags(rawValue: 2)
            static let emptyPin = Flags(rawValue: 4)
        }

        var isDynamic: Bool { flags.contains(.dynamic) }

        /// The same entry with its filter strings `offset` further on.
        func rebased(by offset: Int32) -> CompactRule {
            CompactRule(
                position: position, priority: priority, filterStart: filterStart + offset, inboundHash: inboundHash,
                numbersHash: numbersHash, inboundCount: inboundCount, numbersCount: numbersCount, flags: flags)
        }

        /// The call's numbers and the low bits of their `hashValue`s, computed once per call.
        struct Numbers {
            let from: String
            let to: String
            let fromHash: UInt32
            let toHash: UInt32

            init(_ call: SimulatedCall) {
                from = call.from
                to = call.to
                fromHash = UInt32(truncatingIfNeeded: call.from.hashValue)
                toHash = UInt32(truncatingIfNeeded: call.to.hashValue)
            }
        }

        /// Whether a filter (`count` strings from `start`, `hash` when it has one) lists `value`.
        private static func lists(
            _ start: Int, _ count: Int, _ hash: UInt32, _ value: String, _ valueHash: UInt32, _ strings: UnsafeBufferPointer<String>
        ) -> Bool {
            if count == 1 { return hash == valueHash && strings[start] == value }
            return strings[start..<start + count].contains(value)
        }

        /// `!RuleSelector.skips` for a rule of this pool (the trunk scope always holds here:
        /// a trunk's pool lists only rules scoped to it, the wildcard pool only unscoped ones).
        func passes(_ call: SimulatedCall, _ numbers: Numbers, _ strings: UnsafeBufferPointer<String>) -> Bool {
            let inboundStart = Int(filterStart)
            if inboundCount > 0, !Self.lists(inboundStart, Int(inboundCount), inboundHash, numbers.from, numbers.fromHash, strings) {
                return false
            }
            let numbersStart = inboundStart + Int(inboundCount)
            if numbersCount > 0, !Self.lists(numbersStart, Int(numbersCount), numbersHash, numbers.to, numbers.toHash, strings) {
                return false
            }
            if flags.contains(.staticPin) {
                let emptyPin = flags.contains(.emptyPin)
                if call.noPin, !emptyPin { return false }
                if !call.noPin, !call.pin.isEmpty, emptyPin || strings[numbersStart + Int(numbersCount)] != call.pin { return false }
            }
            return true
        }
    }

    /// The best member that passes the filters (`RuleFacts.ranksBefore`), or nil. Only for
    /// pools whose `compact` is filled (see `Builder.compactLimit`).
    func bestPassing(_ call: SimulatedCall, _ numbers: CompactRule.Numbers, facts: UnsafeBufferPointer<RuleFacts>) -> CompactRule? {
        compact.withUnsafeBufferPointer { entries in
            filterStrings.withUnsafeBufferPointer { strings in Self.bestPassing(entries, strings, call, numbers, facts: facts) }
        }
    }

    /// The best of `entries` that passes the filters, their filter strings in `strings`.
    static func bestPassing(
        _ entries: UnsafeBufferPointer<CompactRule>, _ strings: UnsafeBufferPointer<String>, _ call: SimulatedCall,
        _ numbers: CompactRule.Numbers, facts: UnsafeBufferPointer<RuleFacts>
    ) -> CompactRule? {
        var best: CompactRule?
        for rule in entries where rule.passes(call, numbers, strings) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.priority != current.priority {
                if rule.priority < current.priority { best = rule }
                continue
            }
            let a = Int(rule.position)
            let b = Int(current.position)
            if RuleFacts.ranksBefore(facts[a], a, facts[b], b) { best = rule }
        }
        return best
    }

    /// Rules whose filters could match the call exactly or after normalization, and rules
    /// without filters, in ID order. Every rule that passes the filters is among them.
    func filterCandidates(caller: String, callee: String) -> [Int] {
        let byFrom = byCaller[PhoneNumber.normalize(caller)] ?? []
        let byTo = byCallee[PhoneNumber.normalize(callee)] ?? []
        return RoutingIndex.mergeSorted(RoutingIndex.mergeSorted(unfiltered, byFrom), byTo)
    }

    struct Builder {
        /// Pools up to this big get `compact` entries (bigger ones are narrowed by number).
        static let compactLimit = 64
        var members: [Int] = []
        var unfiltered: [Int] = []
        var byCaller: [String: [Int]] = [:]
        var byCallee: [String: [Int]] = [:]
        var firstUnsupported: Int?
        var compact: [CompactRule] = []
        var filterStrings: [String] = []
        /// A member did not fit a compact entry (a position or string index past 32 bits,
        /// more than 65,535 filter entries): the pool gets none.
        var overflow = false

        mutating func add(_ position: Int, _ rule: DispatchRule) {
            members.append(position)
            if !overflow, compact.count < Self.compactLimit {
                let extra = rule.inboundNumbers.count + rule.numbers.count + 1
                guard position <= Int(Int32.max), filterStrings.count + extra <= Int(Int32.max),
                    rule.inboundNumbers.count <= Int(UInt16.max), rule.numbers.count <= Int(UInt16.max)
                else {
                    overflow = true
                    return add(filters: position, rule)
                }
                let filterStart = Int32(filterStrings.count)
                filterStrings += rule.inboundNumbers
                filterStrings += rule.numbers
                var flags: CompactRule.Flags = []
                switch rule.kind {
                case .dynamic?: flags.insert(.dynamic)
                case let kind?:
                    flags.insert(.staticPin)
                    if kind.pin.isEmpty { flags.insert(.emptyPin) } else { filterStrings.append(kind.pin) }
                case nil: break
                }
                compact.append(
                    CompactRule(
                        position: Int32(position), priority: Int32(clamping: RulePriority.value(of: rule)), filterStart: filterStart,
                        inboundHash: rule.inboundNumbers.count == 1 ? UInt32(truncatingIfNeeded: rule.inboundNumbers[0].hashValue) : 0,
                        numbersHash: rule.numbers.count == 1 ? UInt32(truncatingIfNeeded: rule.numbers[0].hashValue) : 0,
                        inboundCount: UInt16(rule.inboundNumbers.count), numbersCount: UInt16(rule.numbers.count), flags: flags))
            }
            add(filters: position, rule)
        }

        /// The by-number lookups and the validator's first unsupported rule.
        private mutating func add(filters position: Int, _ rule: DispatchRule) {
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

        /// - Parameter keepingCompact: false leaves `compact` empty (the index keeps the trunk
        ///   pools' entries in its shared arrays).
        func build(keepingCompact: Bool = true) -> RulePool {
            let full = keepingCompact && hasCompact
            return RulePool(
                members: members, unfiltered: unfiltered, byCaller: byCaller, byCallee: byCallee,
                firstUnsupported: firstUnsupported, compact: full ? compact : [], filterStrings: full ? filterStrings : [])
        }

        /// Whether the pool has its `compact` entries.
        var hasCompact: Bool { !overflow && members.count <= Self.compactLimit }
    }
}

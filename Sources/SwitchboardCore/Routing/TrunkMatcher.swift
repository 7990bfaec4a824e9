/// LiveKit's inbound trunk matching (`MatchTrunkDetailed`, HEAD; livekit-routing.md 2.2):
/// over the candidate trunks in ID order, drop those whose `allowed_numbers` or
/// `allowed_addresses` refuse the call; a trunk listing the called number is a *specific*
/// match, a trunk without numbers a *default* one. A specific match wins; two specific
/// matches, or no specific and two defaults, are errors LiveKit refuses to resolve.
enum TrunkMatcher {
    enum Decision: Equatable {
        case matched(position: Int, kind: CallOutcome.TrunkMatch.Kind)
        case noTrunk
        /// LiveKit's error text (FailedPrecondition): the call fails with SIP 503.
        case error(String)
    }

    struct Result {
        var decision: Decision
        var trace: [TraceEntry]
    }

    /// - Parameter explain: false leaves each line's `why` empty (see `RoutingEngine.explain`).
    static func match(_ call: SimulatedCall, in index: RoutingIndex, explain: Bool = true) -> Result {
        match(call, in: index, explain: explain, sourceIP: call.sourceIP.isEmpty ? nil : IPAddress(call.sourceIP))
    }

    /// - Parameter sourceIP: the call's source IP, parsed once by the caller (nil when empty
    ///   or not an address: the address filter lets such a call through).
    static func match(_ call: SimulatedCall, in index: RoutingIndex, explain: Bool, sourceIP: IPAddress?) -> Result {
        let (candidates, refusedDefaults) = index.candidateTrunks(calledNumber: call.to, caller: call.from)
        var trace: [TraceEntry] = []
        trace.reserveCapacity(candidates.count)
        var specific: (position: Int, traceIndex: Int)?
        var defaults: [(position: Int, traceIndex: Int)] = []
        let normalizedCaller = explain ? "" : PhoneNumber.normalize(call.from)

        for position in candidates {
            // The precomputed filter decides; the sentences need the trunk itself.
            let filter = index.trunkFilters[position]
            let refusal: String?
            if explain {
                let trunk = index.trunks[position]
                refusal = callerRefusal(trunk, call, explain) ?? addressRefusal(trunk, call, explain)
            } else {
                let allowed =
                    filter.allowsCaller(call.from, normalized: normalizedCaller)
                    && filter.allowsSource(sourceIP, fromHost: call.fromHost)
                refusal = allowed ? nil : ""
            }
            if let refusal {
                trace.append(TraceEntry(step: .trunk, id: filter.id, outcome: "skipped", why: refusal))
                continue
            }
            let passed = explain ? passedFilters(index.trunks[position], call) : ""
            if filter.isDefault {
                defaults.append((position, trace.count))
                trace.append(
                    TraceEntry(step: .trunk, id: filter.id, outcome: "matched", why: explain ? "default trunk (no numbers)" + passed : ""))
                continue
            }
            let trunkID = filter.id
            var spelling = ""
            if explain {
                let trunk = index.trunks[position]
                let listed = trunk.numbers.first { $0 == call.to } ?? trunk.numbers.first { PhoneNumber.matches($0, call.to) } ?? call.to
                spelling = listed == call.to ? "" : " (as \"\(listed)\"; trunk numbers are compared after normalization)"
            }
            if let first = specific {
                let message = "Multiple SIP Trunks matched for \"\(call.to)\""
                let firstID = index.trunkFilters[first.position].id
                trace[first.traceIndex].outcome = "error"
                trace[first.traceIndex].why = "lists \(call.to), and so does \(trunkID): \(message)"
                trace.append(
                    TraceEntry(
                        step: .trunk, id: trunkID, outcome: "error",
                        why: "lists \(call.to)\(spelling), and so does \(firstID): \(message); LiveKit stops here"))
                return Result(decision: .error(message), trace: trace)
            }
            specific = (position, trace.count)
            trace.append(
                TraceEntry(
                    step: .trunk, id: trunkID, outcome: "matched", why: explain ? "number \(call.to) listed\(spelling)" + passed : ""))
        }

        let notConsidered = index.trunks.count - candidates.count - refusedDefaults
        if refusedDefaults > 0, explain {
            trace.append(
                TraceEntry(
                    step: .trunk, id: "", outcome: "not considered",
                    why:
                        "\(Wording.count(refusedDefaults, "other default trunk")) \(refusedDefaults == 1 ? "does" : "do") not allow "
                        + "caller \(call.from) in allowed_numbers (looked up by number in the index)"))
        }
        if notConsidered > 0, explain {
            trace.append(
                TraceEntry(
                    step: .trunk, id: "", outcome: "not considered",
                    why: "\(Wording.count(notConsidered, "other trunk")) \(notConsidered == 1 ? "lists" : "list") other numbers"))
        }

        if let specific {
            let winner = index.trunkFilters[specific.position].id
            for loser in defaults {
                trace[loser.traceIndex].outcome = "outranked"
                if explain { trace[loser.traceIndex].why += "; \(winner) lists the number, and a trunk listing it beats default trunks" }
            }
            return Result(decision: .matched(position: specific.position, kind: .specific), trace: trace)
        }
        if defaults.count > 1 {
            let message = "Multiple default SIP Trunks matched for \"\(call.to)\""
            let ids = defaults.map { index.trunkFilters[$0.position].id }
            for entry in defaults {
                let others = ids.filter { $0 != index.trunkFilters[entry.position].id }
                trace[entry.traceIndex].outcome = "error"
                trace[entry.traceIndex].why += "; so did default trunk \(Wording.list(others)): \(message)"
            }
            return Result(decision: .error(message), trace: trace)
        }
        if let only = defaults.first {
            return Result(decision: .matched(position: only.position, kind: .default), trace: trace)
        }
        return Result(decision: .noTrunk, trace: trace)
    }

    /// The decision of `match`, with no trace. The candidates come from the index's number
    /// tables, listing trunks first and then default ones: the order does not change the
    /// decision (a second listing trunk is an error whichever it is, and a default trunk is
    /// chosen only when it is the one left). Only trunks with filters have them read.
    static func matchUntraced(_ call: SimulatedCall, in index: RoutingIndex, sourceIP: IPAddress?) -> Decision {
        var tally = UntracedTally(call: call, sourceIP: sourceIP)
        let trunks = index.trunkRouting
        for position in index.trunkNumberTable.positions(PhoneNumber.normalize(call.to)) {
            guard tally.passes(position, trunks[position].hasFilters, index) else { continue }
            if tally.specific != nil { return .error("Multiple SIP Trunks matched for \"\(call.to)\"") }
            tally.specific = position
        }
        if let specific = tally.specific { return .matched(position: specific, kind: .specific) }
        if index.defaultTrunks.count > index.fullTraceLimit {
            // Only the default trunks that could accept this caller (the others' allowed_numbers refuse it).
            for position in index.openDefaultTrunks where tally.passes(position, trunks[position].hasFilters, index) {
                tally.countDefault(position)
            }
            for position in index.defaultCallerTable.positions(tally.normalizedCaller)
            where tally.passes(position, trunks[position].hasFilters, index) {
                tally.countDefault(position)
            }
        } else {
            for position in index.defaultTrunks where tally.passes(position, trunks[position].hasFilters, index) {
                tally.countDefault(position)
            }
        }
        if tally.defaultCount > 1 { return .error("Multiple default SIP Trunks matched for \"\(call.to)\"") }
        if let only = tally.firstDefault { return .matched(position: only, kind: .default) }
        return .noTrunk
    }

    /// What `matchUntraced` has seen so far.
    private struct UntracedTally {
        /// The caller and From host only: holding the whole call retained all of its strings.
        let from: String
        let fromHost: String
        let sourceIP: IPAddress?
        var specific: Int?
        var firstDefault: Int?
        var defaultCount = 0
        private var normalized: String?

        init(call: SimulatedCall, sourceIP: IPAddress?) {
            from = call.from
            fromHost = call.fromHost
            self.sourceIP = sourceIP
        }

        /// The caller, normalized once when first needed.
        var normalizedCaller: String {
            mutating get {
                if let normalized { return normalized }
                let value = PhoneNumber.normalize(from)
                normalized = value
                return value
            }
        }

        /// Whether the trunk's `allowed_numbers` and `allowed_addresses` let the call through.
        mutating func passes(_ position: Int, _ hasFilters: Bool, _ index: RoutingIndex) -> Bool {
            guard hasFilters else { return true }
            let caller = normalizedCaller
            let filter = index.trunkFilters[position]
            return filter.allowsCaller(from, normalized: caller) && filter.allowsSource(sourceIP, fromHost: fromHost)
        }

        mutating func countDefault(_ position: Int) {
            if firstDefault == nil { firstDefault = position }
            defaultCount += 1
        }
    }

    /// Why `allowed_numbers` refuses the caller (LiveKit compares exactly or normalized).
    private static func callerRefusal(_ trunk: Trunk, _ call: SimulatedCall, _ explain: Bool) -> String? {
        guard !trunk.allowedNumbers.isEmpty, !trunk.allowedNumbers.contains(where: { PhoneNumber.matches($0, call.from) }) else {
            return nil
        }
        guard explain else { return "" }
        return "caller \(call.from) is not in allowed_numbers \(Wording.list(trunk.allowedNumbers))"
    }

    private static func addressRefusal(_ trunk: Trunk, _ call: SimulatedCall, _ explain: Bool) -> String? {
        let verdict = AddressFilter.evaluate(trunk.allowedAddresses, sourceIP: call.sourceIP, fromHost: call.fromHost)
        guard case .notMatched(let dropped) = verdict else { return nil }
        guard explain else { return "" }
        let valid = trunk.allowedAddresses.filter(AddressFilter.isWellFormedEntry)
        var why =
            "source IP \(call.sourceIP) is not in allowed_addresses \(Wording.list(valid)) "
            + "and From host \(Wording.quoted(call.fromHost)) is not listed"
        if !dropped.isEmpty { why += " (malformed entries ignored: \(Wording.list(dropped)))" }
        return why
    }

    /// The filters a passing trunk applied, as a suffix of its trace line.
    private static func passedFilters(_ trunk: Trunk, _ call: SimulatedCall) -> String {
        var parts: [String] = []
        if !trunk.allowedNumbers.isEmpty {
            let entry = trunk.allowedNumbers.first { $0 == call.from } ?? trunk.allowedNumbers.first { PhoneNumber.matches($0, call.from) }
            let how = entry == call.from ? "" : " (as \(Wording.quoted(entry ?? "")), after normalization)"
            parts.append("caller \(call.from) in allowed_numbers\(how)")
        }
        switch AddressFilter.evaluate(trunk.allowedAddresses, sourceIP: call.sourceIP, fromHost: call.fromHost) {
        case .noFilter, .notMatched: break
        case .onlyMalformedEntries(let dropped):
            parts.append("allowed_addresses has only malformed entries \(Wording.list(dropped)), which LiveKit drops, allowing any source")
        case .unparseableSourceIP:
            parts.append("source IP \(Wording.quoted(call.sourceIP)) is not an IP address, which LiveKit's address filter lets through")
        case .matched(let entry, .fromHost): parts.append("From host \(entry) in allowed_addresses")
        case .matched(_, .exactIP): parts.append("source IP \(call.sourceIP) in allowed_addresses")
        case .matched(let entry, .prefix): parts.append("source IP \(call.sourceIP) in \(entry)")
        }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")
    }
}

import SwitchboardCore
import TerminalKit

/// The detail pane of a dispatch rule. A dynamic rule leads with its webhook (URL and method),
/// because that is what decides every call it takes; then every field in plain words, its
/// problems and conflicts, and the trunks it applies to.
enum RuleDetail {
    static func rows(
        _ rule: DispatchRule, catalog: WorkspaceCatalog, options: AppOptions, reveal: Bool
    )
        -> [KeyValueTable.Row]
    {
        var out = DetailRows(unicode: options.unicode, revealSecrets: reveal)
        let item = ItemKey(.rule, rule.id)
        let workspace = catalog.workspace

        if case .dynamic(let dynamic) = rule.kind {
            out.section("Webhook")
            out.field("URL", dynamic.url, role: .accent, unset: "missing (LiveKit refuses this rule)")
            out.field("Method", dynamic.method.isEmpty ? "POST (the default)" : dynamic.effectiveMethod, role: .accent)
            out.note("Each call is sent to this URL; the reply picks the room, or rejects or transfers the call.")
        }

        out.section("Dispatch rule")
        out.field("Name", rule.name, unset: "no name")
        out.field("ID", rule.id + (workspace.isNew(rule.id) ? "  (new: not in LiveKit yet)" : ""))
        out.field("Type", typeDescription(rule.kind), role: rule.kind == nil ? .error : nil)
        out.field("From file", workspace.origins[item].map { workspace.files[$0].path } ?? "", unset: "created here")
        let (summary, role) = DetailRows.checksSummary(item, catalog: catalog)
        out.field("Checks", summary, role: role)
        out.findings(item, catalog: catalog)

        if let kind = rule.kind, !isDynamic(kind) {
            out.section("Where calls go")
            destination(kind, into: &out)
        }

        out.section("Which calls it takes")
        reachability(rule, catalog: catalog, into: &out)
        trunks(rule, catalog: catalog, into: &out)
        out.list("Callers", rule.inboundNumbers, empty: "any caller (no inbound number filter)")
        out.list("Called numbers", rule.numbers, empty: "any called number")

        out.section("Participant")
        out.flag("Hide phone number", rule.hidePhoneNumber, on: "yes: identity and name do not show the caller")
        out.field("Metadata", rule.metadata, unset: "none")
        out.map("Attributes", rule.attributes)

        out.section("Room")
        out.field("Room preset", rule.roomPreset, unset: "none")
        out.field("Room configuration", rule.roomConfig.map { DetailRows.compactJSON($0) } ?? "", unset: "none")

        out.section("Media")
        out.flag("Noise cancellation", rule.krispEnabled, on: "on (Krisp)", off: "off (the trunk's setting applies)")
        out.field("Media encryption", MediaText.encryption(rule.mediaEncryption))
        MediaText.add(rule.media, to: &out)

        out.section("Bookkeeping")
        out.field("Created", rule.createdAt)
        out.field("Updated", rule.updatedAt)

        out.unknownKeys([
            ("", rule.unknownMembers), ("rule.", rule.rule?.unknownMembers ?? []),
            ("rule.\(variantKey(rule.kind)).", variantUnknownMembers(rule.kind)),
            ("media.", rule.media?.unknownMembers ?? []),
        ])
        return out.rows
    }

    /// `SDR_… "Name" (direct)`: how rules are listed in other items' details.
    static func reference(_ rule: DispatchRule) -> String {
        let name = rule.name.isEmpty ? "" : " \"\(rule.name)\""
        return "\(rule.id)\(name) (\(rule.kind?.typeName ?? "no type"))"
    }

    static func typeDescription(_ kind: RuleKind?) -> String {
        switch kind {
        case .direct: return "direct: every call joins one room"
        case .individual: return "individual: a new room for each caller"
        case .callee: return "callee: a room for each called number"
        case .dynamic: return "dynamic: a webhook decides each call (proposed, not in LiveKit)"
        case nil: return "missing (LiveKit refuses a rule without one)"
        }
    }

    static func isDynamic(_ kind: RuleKind) -> Bool {
        if case .dynamic = kind { return true }
        return false
    }

    static func destination(_ kind: RuleKind, into out: inout DetailRows) {
        switch kind {
        case .direct(let direct):
            out.field("Room name", direct.roomName, unset: "empty (calls join a room with no name)")
            pin(direct.pin, into: &out)
        case .individual(let individual):
            out.field("Room prefix", individual.roomPrefix, unset: "none")
            pin(individual.pin, into: &out)
            out.flag(
                "Random suffix", !individual.noRandomness, on: "yes: prefix + caller + random characters",
                off: "no: prefix + caller only (noRandomness)")
        case .callee(let callee):
            out.field("Room prefix", callee.roomPrefix, unset: "none")
            pin(callee.pin, into: &out)
            out.flag(
                "Random suffix", callee.randomize, on: "yes: prefix + called number + random characters",
                off: "no: prefix + called number")
        case .dynamic:
            break
        }
    }

    /// "Reachable — e.g. +1… → +1… via ST_…" or why no call reaches the rule and who wins,
    /// from the routing engine (`ReachabilityAnalyzer`). A large workspace shows the check's
    /// warning instead, until `c` has asked (building its routing index takes longer than a
    /// frame may).
    static func reachability(_ rule: DispatchRule, catalog: WorkspaceCatalog, into out: inout DetailRows) {
        guard rule.kind != nil else { return }
        if catalog.reachability.isCheap {
            guard let verdict = catalog.verdict(rule.id) else { return }
            out.field("Reachability", verdict.summary, role: verdict.isReachable ? nil : .warning)
            if verdict.isReachable { out.note("c simulates this call") } else if let why = verdict.engineWhy { out.note("engine: " + why) }
            return
        }
        // Warnings from before an edit may no longer hold: the check is redoing them.
        if catalog.reachabilityIsStale {
            out.field("Reachability", DetailRows.checking, role: .muted)
            return
        }
        let item = ItemKey(.rule, rule.id)
        if let warning = catalog.problems(of: item).first(where: { $0.message.hasPrefix("unreachable: ") }) {
            out.field("Reachability", "Unreachable: " + warning.message.dropFirst("unreachable: ".count), role: .warning)
        } else if !catalog.isChecking {
            out.field("Reachability", "reachable (c builds a call it takes)")
        }
    }

    static func pin(_ pin: String, into out: inout DetailRows) {
        out.field("PIN", pin, unset: "none: callers join without one")
    }

    static func trunks(_ rule: DispatchRule, catalog: WorkspaceCatalog, into out: inout DetailRows) {
        let workspace = catalog.workspace
        if rule.trunkIds.isEmpty {
            let shown = workspace.trunks.prefix(DetailRows.relatedLimit)
            out.field("Trunks", "every trunk (a wildcard rule), and calls that match no trunk")
            out.list("", shown.map(TrunkReference.text), empty: "no trunks are loaded")
            if shown.count < workspace.trunks.count {
                out.note("\(out.ellipsis) and \(workspace.trunks.count - shown.count) more")
            }
        } else {
            out.list(
                "Trunks",
                rule.trunkIds.map { id in catalog.trunk(id: id).map(TrunkReference.text) ?? "\(id) (not loaded)" },
                empty: "")
        }
    }

    static func variantKey(_ kind: RuleKind?) -> String {
        switch kind {
        case .direct: return "dispatchRuleDirect"
        case .individual: return "dispatchRuleIndividual"
        case .callee: return "dispatchRuleCallee"
        case .dynamic: return "dispatchRuleDynamic"
        case nil: return ""
        }
    }

    static func variantUnknownMembers(_ kind: RuleKind?) -> [JSONMember] {
        switch kind {
        case .direct(let rule): return rule.unknownMembers
        case .individual(let rule): return rule.unknownMembers
        case .callee(let rule): return rule.unknownMembers
        case .dynamic(let rule): return rule.unknownMembers
        case nil: return []
        }
    }
}

/// `ST_… "Front desk"`: a trunk as other items' details mention it.
enum TrunkReference {
    static func text(_ trunk: Trunk) -> String {
        trunk.name.isEmpty ? trunk.id : "\(trunk.id) \"\(trunk.name)\""
    }
}

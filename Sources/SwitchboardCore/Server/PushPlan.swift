/// What `switchboard push` will send, in order, and what it will not and why. Built from a
/// `ServerDiff`; pure. Trunks are created before the rules that may name them and deleted
/// after the rules that did, so the server never holds a rule pointing nowhere.
public struct PushPlan: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable {
        case create, update, delete
    }

    public struct Step: Sendable, Equatable {
        public var action: Action
        public var kind: ItemKind
        public var id: String
        public var name: String
        public var value: ServerDiff.ItemValue?
        /// The fields that change (updates only), for the plan's printout.
        public var changes: [FieldChange] = []

        public var method: SIPMethod {
            switch (action, kind) {
            case (.create, .trunk): return .createInboundTrunk
            case (.update, .trunk): return .updateInboundTrunk
            case (.delete, .trunk): return .deleteTrunk
            case (.create, .rule): return .createDispatchRule
            case (.update, .rule): return .updateDispatchRule
            case (.delete, .rule): return .deleteDispatchRule
            }
        }

        /// The request body. `trunkIDs` maps the IDs of trunks this push created (Switchboard
        /// made them up; the server assigned others) to the server's, for rules naming them.
        public func body(trunkIDs: [String: String] = [:]) -> JSONObject {
            switch (action, value) {
            case (.delete, _): return kind == .trunk ? SIPMethod.deleteTrunk(id: id) : SIPMethod.deleteRule(id: id)
            case (.create, .trunk(let trunk)?): return SIPMethod.create(trunk)
            case (.update, .trunk(let trunk)?): return SIPMethod.update(trunk)
            case (.create, .rule(let rule)?): return SIPMethod.create(Self.remapped(rule, trunkIDs))
            case (.update, .rule(let rule)?): return SIPMethod.update(Self.remapped(rule, trunkIDs))
            default: return [:]
            }
        }

        static func remapped(_ rule: DispatchRule, _ map: [String: String]) -> DispatchRule {
            guard !map.isEmpty, rule.trunkIds.contains(where: { map[$0] != nil }) else { return rule }
            var copy = rule
            copy.trunkIds = rule.trunkIds.map { map[$0] ?? $0 }
            return copy
        }

        /// `update rule SDR_x "Sales"`.
        public var label: String { "\(action.rawValue) \(kind == .trunk ? "trunk" : "rule") \(id)\(name.isEmpty ? "" : " \"\(name)\"")" }
    }

    /// An item the plan leaves alone, and why (a dynamic rule, a server copy that is newer).
    public struct Skip: Sendable, Equatable {
        public var kind: ItemKind
        public var id: String
        public var name: String
        public var reason: String
    }

    public var steps: [Step]
    public var skipped: [Skip]
    /// Items changed on both sides (or changed there and removed here): push refuses to run
    /// while there are any, so nobody's edit is overwritten unseen.
    public var conflicts: [Skip]

    public var isEmpty: Bool { steps.isEmpty }

    public static let dynamicReason =
        "dynamic rule: LiveKit has no dynamic rule type (a proposal, PR #1123), so it is never pushed"

    public init(_ diff: ServerDiff) {
        var creates: [ItemKind: [Step]] = [:]
        var updates: [ItemKind: [Step]] = [:]
        var deletes: [ItemKind: [Step]] = [:]
        var skipped: [Skip] = []
        var conflicts: [Skip] = []
        for item in diff.items {
            let skip = { (reason: String) in Skip(kind: item.kind, id: item.id, name: item.name, reason: reason) }
            if let conflict = item.conflict {
                conflicts.append(skip(conflict))
                continue
            }
            switch item.change {
            case .added:
                if item.isDynamic {
                    skipped.append(skip(Self.dynamicReason))
                } else {
                    creates[item.kind, default: []].append(
                        Step(action: .create, kind: item.kind, id: item.id, name: item.name, value: item.local))
                }
            case .changed(let changes):
                if item.isDynamic {
                    skipped.append(skip(Self.dynamicReason))
                } else if item.serverAhead {
                    skipped.append(skip("the server's copy is newer and this one was not edited: pull to take it"))
                } else {
                    updates[item.kind, default: []].append(
                        Step(action: .update, kind: item.kind, id: item.id, name: item.name, value: item.local, changes: changes))
                }
            case .removed:
                if item.wasPulled {
                    deletes[item.kind, default: []].append(Step(action: .delete, kind: item.kind, id: item.id, name: item.name))
                } else {
                    skipped.append(skip("on the server but not in the last pull (new there?): left alone; pull to see it"))
                }
            }
        }
        var ordered: [Step] = []
        let groups: [[Step]?] = [creates[.trunk], updates[.trunk], creates[.rule], updates[.rule], deletes[.rule], deletes[.trunk]]
        for group in groups { ordered.append(contentsOf: group ?? []) }
        steps = ordered
        self.skipped = skipped
        self.conflicts = conflicts
    }
}

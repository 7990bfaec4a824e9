/// What differs between the workspace and the server, item by item, matched by ID
/// (`switchboard diff`). Pure: both sides come in as values, the pull record too.
public struct ServerDiff: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// In the workspace, not on the server: push creates it (dynamic rules excepted).
        case added
        /// On the server, not in the workspace.
        case removed
        case changed([FieldChange])
    }

    public struct Item: Sendable, Equatable {
        public var kind: ItemKind
        public var id: String
        public var name: String
        public var change: Change
        /// A dynamic rule: LiveKit has no such rule type, so it is never pushed.
        public var isDynamic = false
        /// Set when the server's copy changed since the pull (`updatedAt` newer than recorded),
        /// or the item was pulled and is gone from the server: push will not touch it.
        public var conflict: String?
        /// For `.removed`: whether the pull saw the item (only then does push delete it).
        public var wasPulled = false
        /// For `.changed`: the server's copy moved since the pull and the workspace's did not
        /// (the workspace is behind: pull to take it; push leaves it alone).
        public var serverAhead = false
        /// The workspace's and the server's versions (nil on the side that lacks it).
        public var local: ItemValue?
        public var remote: ItemValue?
    }

    /// A trunk or a rule, for the plan to build requests from.
    public enum ItemValue: Sendable, Equatable {
        case trunk(Trunk)
        case rule(DispatchRule)
    }

    public var items: [Item]
    /// Kinds the inputs held nothing of: their server items are not compared (pushing only
    /// `dispatch-rules.json` must not delete every trunk).
    public var skippedKinds: [ItemKind]

    public var isEmpty: Bool { items.isEmpty }
    public var conflicts: [Item] { items.filter { $0.conflict != nil } }

    /// Server-assigned keys, never compared.
    static let trunkIgnored: Set<String> = ["sipTrunkId", "createdAt", "updatedAt"]
    static let ruleIgnored: Set<String> = ["sipDispatchRuleId", "createdAt", "updatedAt"]

    /// - Parameters:
    ///   - newIDs: IDs the loader generated (items that have no server ID yet).
    ///   - pull: what the last pull recorded, if one is known.
    public static func compare(
        local: (trunks: [Trunk], rules: [DispatchRule]), server: (trunks: [Trunk], rules: [DispatchRule]),
        newIDs: Set<String> = [], pull: PullRecord? = nil
    ) -> ServerDiff {
        var items: [Item] = []
        var skipped: [ItemKind] = []
        if local.trunks.isEmpty && !server.trunks.isEmpty {
            skipped.append(.trunk)
        } else {
            items += compare(
                local.trunks, server.trunks, kind: .trunk, ignoring: trunkIgnored, newIDs: newIDs, pulled: pull?.trunks,
                wrap: ItemValue.trunk, isDynamic: { _ in false }, updatedAt: \.updatedAt, name: \.name)
        }
        if local.rules.isEmpty && !server.rules.isEmpty {
            skipped.append(.rule)
        } else {
            items += compare(
                local.rules, server.rules, kind: .rule, ignoring: ruleIgnored, newIDs: newIDs, pulled: pull?.rules,
                wrap: ItemValue.rule, isDynamic: { if case .dynamic? = $0.kind { return true } else { return false } },
                updatedAt: \.updatedAt, name: \.name)
        }
        return ServerDiff(items: items, skippedKinds: skipped)
    }

    static func compare<M: ProtoMessage & Identifiable<String>>(
        _ local: [M], _ server: [M], kind: ItemKind, ignoring: Set<String>, newIDs: Set<String>,
        pulled: [String: PullRecord.Entry]?, wrap: (M) -> ItemValue, isDynamic: (M) -> Bool, updatedAt: KeyPath<M, String>,
        name: KeyPath<M, String>
    ) -> [Item] {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(server.count)
        for (i, item) in server.enumerated() { byID[item.id] = i }
        var matched = [Bool](repeating: false, count: server.count)
        var out: [Item] = []
        for item in local {
            let dynamic = isDynamic(item)
            guard !newIDs.contains(item.id), let index = byID[item.id] else {
                var entry = Item(kind: kind, id: item.id, name: item[keyPath: name], change: .added, isDynamic: dynamic, local: wrap(item))
                if !newIDs.contains(item.id), pulled?[item.id] != nil { entry.conflict = "deleted on the server since the pull" }
                out.append(entry)
                continue
            }
            matched[index] = true
            let remote = server[index]
            let localForm = ComparableForm.of(item, ignoring: ignoring)
            let remoteForm = ComparableForm.of(remote, ignoring: ignoring)
            let changes = FieldChange.changes(from: remoteForm, to: localForm)
            guard !changes.isEmpty else { continue }
            var entry = Item(
                kind: kind, id: item.id, name: item[keyPath: name], change: .changed(changes), isDynamic: dynamic, local: wrap(item),
                remote: wrap(remote))
            if let record = pulled?[item.id] {
                // Three-way: the pull's digest tells which side moved.
                let localEdited = PullRecord.digest(localForm) != record.digest
                let serverMoved = PullRecord.digest(remoteForm) != record.digest
                if serverMoved {
                    entry.serverAhead = true
                    if localEdited {
                        entry.conflict =
                            Self.conflict(recorded: record.updatedAt, server: remote[keyPath: updatedAt])
                            ?? "changed on the server since the pull, and edited here"
                    }
                }
            } else {
                entry.conflict = Self.conflict(recorded: item[keyPath: updatedAt], server: remote[keyPath: updatedAt])
            }
            out.append(entry)
        }
        for (i, remote) in server.enumerated() where !matched[i] {
            var entry = Item(kind: kind, id: remote.id, name: remote[keyPath: name], change: .removed, remote: wrap(remote))
            if let record = pulled?[remote.id] {
                entry.wasPulled = true
                if PullRecord.digest(ComparableForm.of(remote, ignoring: ignoring)) != record.digest {
                    entry.conflict =
                        Self.conflict(recorded: record.updatedAt, server: remote[keyPath: updatedAt])
                        ?? "changed on the server since the pull, and removed here"
                }
            }
            out.append(entry)
        }
        return out
    }

    /// Why the server's copy must not be overwritten, or nil. Newer means a later instant
    /// (spellings of one instant are equal); a server that keeps no `updatedAt` gives
    /// nothing to compare, and so no conflict.
    static func conflict(recorded: String, server: String) -> String? {
        guard !server.isEmpty, server != recorded else { return nil }
        if let then = ProtoTimestamp(recorded), let now = ProtoTimestamp(server) {
            return now > then ? "changed on the server since the pull (updatedAt \(recorded) → \(server))" : nil
        }
        return "changed on the server since the pull (updatedAt \(recorded.isEmpty ? "(none)" : recorded) → \(server))"
    }
}

import SwitchboardCore

/// Single-item changes for the edit session (``App/commit(_:_:)``, undo, redo, revert): the
/// workspace with one item replaced, added or removed, and the catalog derived from it.
extension WorkspaceCatalog {
    /// The item with `key` as it is now: its value, place, file and whether its ID is generated.
    func record(of key: ItemKey) -> ItemRecord? {
        switch key.kind {
        case .trunk:
            guard let position = trunkPositions[key.id] else { return nil }
            return ItemRecord(
                item: .trunk(workspace.trunks[position]), position: position, origin: workspace.origins[key],
                hasGeneratedID: workspace.newIDs.contains(key.id))
        case .rule:
            guard let position = rulePositions[key.id] else { return nil }
            return ItemRecord(
                item: .rule(workspace.rules[position]), position: position, origin: workspace.origins[key],
                hasGeneratedID: workspace.newIDs.contains(key.id))
        }
    }

    /// The catalog after setting each item to its record, in order (`nil` removes the item).
    ///
    /// Patched in place rather than rebuilt (rebuilding took 1.2 s with 100,000 rules): the
    /// edited item's list entries, search text and sort places, its own findings and the
    /// conflicts its keys touch (`ValidationFindings`). The result is the catalog a full build
    /// of the new workspace would give (IncrementalCatalogTests hold it to that), except that
    /// in a large workspace the reachability warnings, which any rule's change may affect and
    /// which need the routing index, are recomputed in the background (WorkspaceCheck.swift);
    /// so is everything else after a trunk change that reaches every rule's checks.
    func applying(_ changes: [(key: ItemKey, record: ItemRecord?)]) -> WorkspaceCatalog {
        var result = self
        result.apply(changes)
        return result
    }

    /// ``applying(_:)`` in place: when nothing else holds this catalog's arrays (the app's
    /// state is their only owner), the workspace, positions and findings are changed without
    /// first copying 100,000 rules.
    mutating func apply(_ changes: [(key: ItemKey, record: ItemRecord?)]) {
        // Duplicate IDs make "the item with this ID" ambiguous: rebuild, as before.
        guard !Self.rebuildsOnEdit, !hasDuplicateIDs(.trunk), !hasDuplicateIDs(.rule) else {
            self = rebuilt(changes)
            return
        }
        var orders = self.orders.snapshot()
        var validation = isChecking ? nil : findings.validation
        // Only `validation` holds the findings now, so patching them copies nothing.
        findings = CatalogFindings([], workspace: Workspace(), trunkPositions: PositionIndex([]), rulePositions: PositionIndex([]))
        for change in changes {
            apply(change, orders: &orders, validation: &validation)
        }
        self.orders = OrderCache(workspace: workspace, known: orders)
        reachability = ReachabilityCache(ruleCount: workspace.rules.count)
        let small = workspace.trunks.count + workspace.rules.count <= Self.checkInBackgroundAbove
        if validation == nil, small { validation = ValidationFindings(workspace) }
        if var current = validation {
            validation = nil
            if small, !current.reachabilityIsCurrent { current.refreshReachability(workspace) }
            findings = CatalogFindings(current, workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
            isChecking = false
        } else {
            findings = CatalogFindings([], workspace: workspace, trunkPositions: trunkPositions, rulePositions: rulePositions)
            isChecking = true
        }
    }

    /// Rebuild the catalog on every edit, as before patching (`switchboard bench-tui
    /// --rebuild-on-edit`, to compare). Set once, before the UI starts.
    nonisolated(unsafe) public static var rebuildsOnEdit = false

    /// Items above which an edit's check goes to the background: below, validating takes a few
    /// milliseconds and the findings are right on the next frame.
    static let checkInBackgroundAbove = 5_000

    /// One change: a replacement in place, or a removal and an insertion at the recorded place
    /// (`place(_:key:at:record:in:)`'s rule, which the full rebuild keeps).
    private mutating func apply(
        _ change: (key: ItemKey, record: ItemRecord?), orders: inout [OrderCache.Key: [Int]], validation: inout ValidationFindings?
    ) {
        let key = change.key
        let position = key.kind == .trunk ? trunkPositions[key.id] : rulePositions[key.id]
        let oldOrigin = workspace.origins[key]
        switch (change.record?.item, position) {
        case (.rule(let rule)?, let position?) where change.record?.position == position:
            replaceRule(rule, at: position, orders: &orders, validation: &validation)
        case (.trunk(let trunk)?, let position?) where change.record?.position == position:
            replaceTrunk(trunk, at: position, orders: &orders, validation: &validation)
        default:
            if let position { remove(key.kind, at: position, orders: &orders, validation: &validation) }
            if let record = change.record {
                let count = key.kind == .trunk ? workspace.trunks.count : workspace.rules.count
                let at = min(max(0, record.position), count)
                switch record.item {
                case .rule(let rule): insertRule(rule, at: at, orders: &orders, validation: &validation)
                case .trunk(let trunk): insertTrunk(trunk, at: at, orders: &orders, validation: &validation)
                }
            }
        }
        workspace.origins[key] = change.record?.origin
        if change.record?.hasGeneratedID == true {
            workspace.newIDs.insert(key.id)
        } else {
            workspace.newIDs.remove(key.id)
        }
        // Per-file counts come from the origins, as when the catalog is built.
        if let oldOrigin { adjustCount(ofFile: oldOrigin, key.kind, by: -1) }
        if let origin = change.record?.origin { adjustCount(ofFile: origin, key.kind, by: 1) }
    }

    private mutating func adjustCount(ofFile file: Int, _ kind: ItemKind, by delta: Int) {
        var counts = itemsPerFile[file] ?? (0, 0)
        if kind == .trunk { counts.trunks += delta } else { counts.rules += delta }
        itemsPerFile[file] = counts
    }

    private mutating func replaceRule(
        _ rule: DispatchRule, at position: Int, orders: inout [OrderCache.Key: [Int]], validation: inout ValidationFindings?
    ) {
        let old = workspace.rules[position]
        dynamicRuleCount += (Self.isDynamic(rule) ? 1 : 0) - (Self.isDynamic(old) ? 1 : 0)
        unlistTrunks(of: old, at: position)
        workspace.rules[position] = rule
        listTrunks(of: rule, at: position)
        ruleSearch.replace(position, with: Self.searchFields(rule))
        resort(.rule, at: position, orders: &orders)
        validation?.ruleChanged(.replaced(position), in: workspace)
    }

    private mutating func insertRule(
        _ rule: DispatchRule, at position: Int, orders: inout [OrderCache.Key: [Int]], validation: inout ValidationFindings?
    ) {
        if Self.isDynamic(rule) { dynamicRuleCount += 1 }
        workspace.rules.insert(rule, at: position)
        ruleIDs.insert(rule.id, at: position)
        rulePositions.insert(rule.id, at: position)
        shiftRulePositions(from: position, by: 1)
        listTrunks(of: rule, at: position)
        ruleSearch.insert(Self.searchFields(rule), at: position)
        shiftOrders(.rule, from: position, by: 1, orders: &orders)
        resort(.rule, at: position, orders: &orders, isNew: true)
        validation?.ruleChanged(.inserted(position), in: workspace)
    }

    private mutating func replaceTrunk(
        _ trunk: Trunk, at position: Int, orders: inout [OrderCache.Key: [Int]], validation: inout ValidationFindings?
    ) {
        workspace.trunks[position] = trunk
        trunkSearch.replace(position, with: Self.searchFields(trunk))
        resort(.trunk, at: position, orders: &orders)
        trunkChanged(.replaced(position), validation: &validation)
    }

    private mutating func insertTrunk(
        _ trunk: Trunk, at position: Int, orders: inout [OrderCache.Key: [Int]], validation: inout ValidationFindings?
    ) {
        workspace.trunks.insert(trunk, at: position)
        trunkIDs.insert(trunk.id, at: position)
        trunkPositions.insert(trunk.id, at: position)
        trunkSearch.insert(Self.searchFields(trunk), at: position)
        shiftOrders(.trunk, from: position, by: 1, orders: &orders)
        resort(.trunk, at: position, orders: &orders, isNew: true)
        trunkChanged(.inserted(position), validation: &validation)
    }

    private mutating func remove(
        _ kind: ItemKind, at position: Int, orders: inout [OrderCache.Key: [Int]], validation: inout ValidationFindings?
    ) {
        for (key, var order) in orders where key.kind == kind {
            order.removeAll { $0 == position }
            orders[key] = order
        }
        shiftOrders(kind, from: position + 1, by: -1, orders: &orders)
        switch kind {
        case .rule:
            let old = workspace.rules.remove(at: position)
            if Self.isDynamic(old) { dynamicRuleCount -= 1 }
            unlistTrunks(of: old, at: position)
            ruleIDs.remove(at: position)
            rulePositions.remove(old.id, at: position)
            shiftRulePositions(from: position + 1, by: -1)
            ruleSearch.remove(at: position)
            validation?.ruleChanged(.removed(position, id: old.id), in: workspace)
        case .trunk:
            let old = workspace.trunks.remove(at: position)
            trunkIDs.remove(at: position)
            trunkPositions.remove(old.id, at: position)
            trunkSearch.remove(at: position)
            trunkChanged(.removed(position, id: old.id), validation: &validation)
        }
    }

    private func trunkChanged(_ change: ValidationFindings.Change, validation: inout ValidationFindings?) {
        guard var current = validation else { return }
        let rulesByTrunk = self.rulesByTrunk
        validation = current.trunkChanged(change, in: workspace, rulesNaming: { rulesByTrunk[$0] ?? [] }) ? current : nil
    }

    /// Takes the rule at `position` out of the trunk → rules lists.
    private mutating func unlistTrunks(of rule: DispatchRule, at position: Int) {
        if rule.trunkIds.isEmpty { wildcardRules.removeAll { $0 == position } }
        for trunkID in Set(rule.trunkIds) {
            rulesByTrunk[trunkID]?.removeAll { $0 == position }
            if rulesByTrunk[trunkID]?.isEmpty == true { rulesByTrunk[trunkID] = nil }
        }
    }

    /// Puts the rule at `position` into the trunk → rules lists, in workspace order.
    private mutating func listTrunks(of rule: DispatchRule, at position: Int) {
        if rule.trunkIds.isEmpty { Self.insertSorted(position, into: &wildcardRules) }
        for trunkID in Set(rule.trunkIds) { Self.insertSorted(position, into: &rulesByTrunk[trunkID, default: []]) }
    }

    private static func insertSorted(_ position: Int, into list: inout [Int]) {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < position { low = middle + 1 } else { high = middle }
        }
        list.insert(position, at: low)
    }

    /// Moves rule positions from `start` on by `delta` in the trunk → rules lists (an insert
    /// or a removal before them). The new rule, when there is one, is not listed yet.
    private mutating func shiftRulePositions(from start: Int, by delta: Int) {
        for index in rulesByTrunk.values.indices {
            Self.shift(&rulesByTrunk.values[index], from: start, by: delta)
        }
        Self.shift(&wildcardRules, from: start, by: delta)
    }

    private static func shift(_ list: inout [Int], from start: Int, by delta: Int) {
        for index in list.indices where list[index] >= start { list[index] += delta }
    }

    private func shiftOrders(_ kind: ItemKind, from start: Int, by delta: Int, orders: inout [OrderCache.Key: [Int]]) {
        for (key, var order) in orders where key.kind == kind {
            orders[key] = nil
            Self.shift(&order, from: start, by: delta)
            orders[key] = order
        }
    }

    /// Puts the item at `position` into its place in every known order of `kind`.
    private func resort(_ kind: ItemKind, at position: Int, orders: inout [OrderCache.Key: [Int]], isNew: Bool = false) {
        for (key, var order) in orders where key.kind == kind {
            orders[key] = nil
            if !isNew { order.removeAll { $0 == position } }
            key.order.insert(position, into: &order, of: kind, in: workspace)
            orders[key] = order
        }
    }

    private static func isDynamic(_ rule: DispatchRule) -> Bool {
        if case .dynamic = rule.kind { return true }
        return false
    }

    /// The whole catalog built again for the changed workspace (the way before patching).
    private func rebuilt(_ changes: [(key: ItemKey, record: ItemRecord?)]) -> WorkspaceCatalog {
        var workspace = self.workspace
        let trunkPositions = self.trunkPositions
        let rulePositions = self.rulePositions
        for (index, change) in changes.enumerated() {
            // Positions are known for the first change; later ones may have shifted them.
            let known = index == 0
            switch change.key.kind {
            case .trunk:
                let position = known ? trunkPositions[change.key.id] : workspace.trunks.firstIndex(where: { $0.id == change.key.id })
                var value: Trunk?
                if case .trunk(let trunk)? = change.record?.item { value = trunk }
                Self.place(value, key: change.key, at: position, record: change.record, in: &workspace.trunks)
            case .rule:
                let position = known ? rulePositions[change.key.id] : workspace.rules.firstIndex(where: { $0.id == change.key.id })
                var value: DispatchRule?
                if case .rule(let rule)? = change.record?.item { value = rule }
                Self.place(value, key: change.key, at: position, record: change.record, in: &workspace.rules)
            }
            workspace.origins[change.key] = change.record?.origin
            if change.record?.hasGeneratedID == true {
                workspace.newIDs.insert(change.key.id)
            } else {
                workspace.newIDs.remove(change.key.id)
            }
        }
        let size = workspace.trunks.count + workspace.rules.count
        return size > Self.checkInBackgroundAbove ? .checkingLater(workspace) : WorkspaceCatalog(workspace: workspace)
    }

    /// Replaces the item at `position` in place, or removes it and inserts the new value at
    /// its recorded place.
    private static func place<Item>(_ value: Item?, key: ItemKey, at position: Int?, record: ItemRecord?, in items: inout [Item]) {
        if let value, let position, let record, record.position == position {
            items[position] = value
        } else {
            if let position { items.remove(at: position) }
            if let value, let record { items.insert(value, at: min(max(0, record.position), items.count)) }
        }
    }
}

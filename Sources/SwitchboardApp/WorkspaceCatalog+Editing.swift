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
    /// Validation runs over the whole new workspace: conflicts are pairwise across every rule,
    /// and a trunk's change reaches every rule naming it, so a partial re-check would have to
    /// know all of that. In a large workspace it runs in the background (see WorkspaceCheck.swift)
    /// so an edit or an undo does not freeze the screen for seconds.
    func applying(_ changes: [(key: ItemKey, record: ItemRecord?)]) -> WorkspaceCatalog {
        var workspace = self.workspace
        var trunkPositions = self.trunkPositions
        var rulePositions = self.rulePositions
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
            trunkPositions = [:]
            rulePositions = [:]
        }
        let size = workspace.trunks.count + workspace.rules.count
        return size > Self.checkInBackgroundAbove ? .checkingLater(workspace) : WorkspaceCatalog(workspace: workspace)
    }

    /// Items above which an edit's check goes to the background: below, validating takes a few
    /// milliseconds and the findings are right on the next frame.
    static let checkInBackgroundAbove = 5_000

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

extension PushPlan {
    /// The plan that makes the server hold the workspace's trunks and rules: the diff against
    /// the server's lists as fetched now, with the last pull's record to tell conflicts.
    public init(workspace: Workspace, server: ServerLists, record: PullRecord?) {
        self.init(
            ServerDiff.compare(
                local: (workspace.trunks, workspace.rules), server: (server.trunks, server.rules), newIDs: workspace.newIDs,
                pull: record))
    }
}

extension PushPlan.Step {
    /// Takes the server's answer to this step into the workspace and the pull record: the ID
    /// the server assigned to a created item (and to the rules naming a created trunk), its new
    /// `updatedAt` and `createdAt`. Afterwards the files and the record match the server, so the
    /// next diff is empty. `trunkIDs` collects created trunks' IDs for the rules sent later.
    public func take(
        answer: [UInt8], into workspace: inout Workspace, record: inout PullRecord, trunkIDs: inout [String: String]
    ) throws(ServerError) {
        switch (action, kind) {
        case (.delete, .trunk): record.trunks[id] = nil
        case (.delete, .rule): record.rules[id] = nil
        case (_, .trunk):
            let returned = try SIPMethod.item(of: answer, as: Trunk.self, method: method)
            guard let i = workspace.trunks.firstIndex(where: { $0.id == id }) else { return }
            Self.rekey(&workspace, .trunk, from: id, to: returned.id)
            workspace.trunks[i].id = returned.id
            workspace.trunks[i].updatedAt = returned.updatedAt
            if !returned.createdAt.isEmpty { workspace.trunks[i].createdAt = returned.createdAt }
            if id != returned.id {
                trunkIDs[id] = returned.id
                for r in workspace.rules.indices where workspace.rules[r].trunkIds.contains(id) {
                    workspace.rules[r].trunkIds = workspace.rules[r].trunkIds.map { $0 == id ? returned.id : $0 }
                }
            }
            record.trunks[returned.id] = PullRecord.Entry(updatedAt: returned.updatedAt, digest: PullRecord.digest(returned))
        case (_, .rule):
            let returned = try SIPMethod.item(of: answer, as: DispatchRule.self, method: method)
            guard let i = workspace.rules.firstIndex(where: { $0.id == id }) else { return }
            Self.rekey(&workspace, .rule, from: id, to: returned.id)
            workspace.rules[i].id = returned.id
            workspace.rules[i].updatedAt = returned.updatedAt
            if !returned.createdAt.isEmpty { workspace.rules[i].createdAt = returned.createdAt }
            record.rules[returned.id] = PullRecord.Entry(updatedAt: returned.updatedAt, digest: PullRecord.digest(returned))
        }
    }

    /// A created item loses its made-up ID; its file keeps it under the server's.
    static func rekey(_ workspace: inout Workspace, _ kind: ItemKind, from old: String, to new: String) {
        workspace.newIDs.remove(old)
        guard old != new, let origin = workspace.origins.removeValue(forKey: ItemKey(kind, old)) else { return }
        workspace.origins[ItemKey(kind, new)] = origin
    }
}

/// `switchboard diff` and `push`'s printouts, for a person and for scripts. Values from the
/// files are shown escaped (`TerminalText`): a name cannot move the cursor.
public enum DiffReport {
    /// One block per item: `+` added here, `-` removed here, `~` changed, each changed field
    /// below as `path: server → workspace`, and `!` lines for conflicts.
    public static func text(_ diff: ServerDiff) -> String {
        var lines: [String] = []
        for item in diff.items {
            let mark: String
            switch item.change {
            case .added: mark = "+"
            case .removed: mark = "-"
            case .changed: mark = "~"
            }
            var notes: [String] = []
            if case .added = item.change { notes.append("only in the workspace") }
            if case .removed = item.change { notes.append(item.wasPulled ? "removed from the workspace" : "only on the server") }
            if item.isDynamic { notes.append("dynamic: never pushed") }
            if item.serverAhead, item.conflict == nil { notes.append("the server's copy is newer") }
            lines.append(
                "\(mark) \(label(item.kind, item.id, item.name))" + (notes.isEmpty ? "" : "  (" + notes.joined(separator: "; ") + ")"))
            if case .changed(let changes) = item.change {
                for change in changes { lines.append("    " + TerminalText.escaped(change.summary)) }
            }
            if let conflict = item.conflict { lines.append("    ! conflict: " + conflict) }
        }
        for kind in diff.skippedKinds {
            lines.append("(\(kind == .trunk ? "trunks" : "dispatch rules") not compared: the inputs have none)")
        }
        if diff.items.isEmpty { lines.append("no differences") }
        return lines.joined(separator: "\n")
    }

    public static func json(_ diff: ServerDiff) -> JSONValue {
        let items: [JSONValue] = diff.items.map { item in
            let change: String
            var fields: [JSONValue] = []
            switch item.change {
            case .added: change = "added"
            case .removed: change = "removed"
            case .changed(let changes):
                change = "changed"
                fields = changes.map { .object(["path": .string($0.path), "server": $0.old ?? .null, "workspace": $0.new ?? .null]) }
            }
            return .object(
                JSONObject([
                    JSONMember("kind", .string(item.kind.rawValue)), JSONMember("id", .string(item.id)),
                    JSONMember("name", .string(item.name)), JSONMember("change", .string(change)), JSONMember("fields", .array(fields)),
                    JSONMember("dynamic", .bool(item.isDynamic)), JSONMember("serverAhead", .bool(item.serverAhead)),
                    JSONMember("conflict", item.conflict.map(JSONValue.string) ?? .null),
                ]))
        }
        return .object(
            JSONObject([
                JSONMember("differences", .number(JSONNumber(diff.items.count))), JSONMember("items", .array(items)),
                JSONMember("notCompared", .array(diff.skippedKinds.map { .string($0.rawValue) })),
            ]))
    }

    /// The plan as push prints it before asking.
    public static func text(_ plan: PushPlan) -> String {
        var lines: [String] = []
        if plan.steps.isEmpty, plan.conflicts.isEmpty { lines.append("nothing to push") }
        for step in plan.steps {
            lines.append("  " + TerminalText.escaped(step.label))
            for change in step.changes { lines.append("      " + TerminalText.escaped(change.summary)) }
        }
        for skip in plan.skipped { lines.append("  not pushed: \(label(skip.kind, skip.id, skip.name)): \(skip.reason)") }
        for conflict in plan.conflicts {
            lines.append("  CONFLICT: \(label(conflict.kind, conflict.id, conflict.name)): \(conflict.reason)")
        }
        return lines.joined(separator: "\n")
    }

    static func label(_ kind: ItemKind, _ id: String, _ name: String) -> String {
        TerminalText.escaped("\(kind == .trunk ? "trunk" : "rule") \(id)" + (name.isEmpty ? "" : " \"\(name)\""))
    }
}

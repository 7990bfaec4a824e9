/// What a user should know before handing exported files to `lk`.
public enum ExportWarnings {
    public static func warnings(for workspace: Workspace, lk: Bool) -> [String] {
        guard lk else { return [] }
        var out: [String] = []
        for rule in workspace.rules {
            if case .dynamic = rule.kind {
                out.append(
                    "rule \(rule.id) \"\(rule.name)\" is a dynamic rule: only a LiveKit build with the dynamic-rule proposal (protocol PR #1123) accepts it"
                )
            }
            for member in rule.unknownMembers {
                out.append("rule \(rule.id) keeps key \"\(member.key)\", which lk does not know and will refuse")
            }
        }
        for trunk in workspace.trunks {
            for member in trunk.unknownMembers {
                out.append("trunk \(trunk.id) keeps key \"\(member.key)\", which lk does not know and will refuse")
            }
        }
        return out
    }
}

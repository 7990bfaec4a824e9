/// Writes a workspace back out: each input file in its own shape, a merged project file, or
/// the request files `lk sip … create/update` accept. Everything not edited comes out as it
/// went in (see `ProtoMessage.encode`).
public enum WorkspaceWriter {
    /// One output file: a name relative to the output directory (or the path for a single file).
    public struct OutputFile: Sendable, Equatable {
        public var name: String
        var content: Content

        enum Content: Sendable, Equatable {
            case document(JSONValue)
            /// Kept unencoded, so `bytes` can write the items straight from the model.
            case project(ProjectLayout)
        }

        public init(name: String, document: JSONValue) {
            self.name = name
            content = .document(document)
        }

        init(name: String, project: ProjectLayout) {
            self.name = name
            content = .project(project)
        }

        /// The file's JSON document.
        public var document: JSONValue {
            switch content {
            case .document(let document): return document
            case .project(let project): return .object(project.object)
            }
        }

        /// The file as written: `JSONWriter.bytes(document)` byte for byte. `capacity` is
        /// room to reserve up front (about the output's size): growing a 40 MB buffer by
        /// doubling copies it over and over and touches twice its pages. `parallel` writes a
        /// project's long lists on several cores.
        public func bytes(reservingCapacity capacity: Int = 0, parallel: ParallelLoop = .sequential) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(max(capacity, 256))
            switch content {
            case .document(let document): JSONWriter.write(document, into: &out, style: .pretty, indent: 0)
            case .project(let project): project.write(into: &out, style: .pretty, parallel: parallel)
            }
            out.append(0x0A)
            return out
        }
    }

    /// The document for input file `index`, with the workspace's current items for that file.
    public static func document(forFile index: Int, of workspace: Workspace, names: NameStyle = .keep) -> JSONValue {
        let file = workspace.files[index]
        let trunks = workspace.trunks.filter { workspace.origins[ItemKey(.trunk, $0.id)] == index }
        let rules = workspace.rules.filter { workspace.origins[ItemKey(.rule, $0.id)] == index }
        var root = file.root
        switch file.shape {
        case .project:
            var extraTrunks: [Trunk] = []
            var extraRules: [DispatchRule] = []
            // Settings and calls are read from the primary project file only; other project
            // files keep theirs untouched.
            var calls: [CallSpec]?
            var settings: ProjectSettings?
            if workspace.projectFileIndex == index {
                // New items (no origin) live in the primary project file.
                extraTrunks = workspace.trunks.filter { workspace.origins[ItemKey(.trunk, $0.id)] == nil }
                extraRules = workspace.rules.filter { workspace.origins[ItemKey(.rule, $0.id)] == nil }
                calls = workspace.calls
                settings = workspace.settings
            }
            return .object(
                ProjectLayout(
                    workspace: workspace, base: root, rulesKey: file.rulesKey ?? "dispatchRules", trunks: trunks + extraTrunks,
                    rules: rules + extraRules, settings: settings, calls: calls, names: names
                ).object)
        case .trunkList, .ruleList:
            let items: [JSONValue] =
                file.shape == .trunkList
                ? trunks.map { .object(encode($0, in: workspace, names: names)) }
                : rules.map { .object(encode($0, in: workspace, names: names)) }
            root["items"] = .array(items)
            return .object(root)
        case .trunkCreate:
            if let trunk = trunks.first { root["trunk"] = .object(encode(trunk, in: workspace, names: names)) }
            return .object(root)
        case .ruleCreate:
            if let rule = rules.first, let key = file.itemKey { root[key] = .object(encode(rule, in: workspace, names: names)) }
            return .object(rename(root, names: names, wrapperKeys: ["dispatch_rule": "dispatchRule"]))
        case .bareTrunk:
            return .object(trunks.first.map { encode($0, in: workspace, names: names) } ?? root)
        case .bareRule:
            return .object(rules.first.map { encode($0, in: workspace, names: names) } ?? root)
        }
    }

    /// Every trunk, rule, setting and saved call in one project file. When the workspace came
    /// from a project file, that file's own top-level keys and spellings are kept.
    public static func projectDocument(of workspace: Workspace, names: NameStyle = .keep) -> JSONValue {
        .object(projectLayout(of: workspace, names: names).object)
    }

    static func projectLayout(of workspace: Workspace, names: NameStyle) -> ProjectLayout {
        let base = workspace.projectFileIndex.map { workspace.files[$0].root } ?? JSONObject()
        let rulesKey = workspace.projectFileIndex.flatMap { workspace.files[$0].rulesKey } ?? "dispatchRules"
        let hasSettings = workspace.projectFileIndex != nil || !workspace.settings.encode().isEmpty
        return ProjectLayout(
            workspace: workspace, base: base, rulesKey: rulesKey, trunks: workspace.trunks, rules: workspace.rules,
            settings: hasSettings ? workspace.settings : nil, calls: workspace.calls, names: names)
    }

    /// Files `lk sip inbound create` / `lk sip dispatch create` accept: one request per item,
    /// wrapped, without the IDs and timestamps the server assigns (create refuses them).
    public static func lkCreateFiles(of workspace: Workspace, names: NameStyle = .keep) -> [OutputFile] {
        var out: [OutputFile] = []
        for trunk in workspace.trunks {
            let object = stripping(encode(trunk, in: workspace, names: names), keys: Trunk.serverAssignedKeys)
            out.append(OutputFile(name: fileName("trunk", trunk.id, trunk.name), document: .object(["trunk": .object(object)])))
        }
        let wrapper = names == .proto ? "dispatch_rule" : (names == .camel ? "dispatchRule" : "dispatch_rule")
        for rule in workspace.rules {
            let object = stripping(encode(rule, in: workspace, names: names), keys: DispatchRule.serverAssignedKeys)
            out.append(
                OutputFile(
                    name: fileName("rule", rule.id, rule.name), document: .object(JSONObject([JSONMember(wrapper, .object(object))]))))
        }
        return out
    }

    /// Files `lk sip … update` accepts: the bare objects, IDs included (update reads the ID
    /// from the file). New items have no ID yet: create them first.
    public static func lkUpdateFiles(of workspace: Workspace, names: NameStyle = .keep) -> [OutputFile] {
        var out: [OutputFile] = []
        for trunk in workspace.trunks {
            let object = encode(trunk, in: workspace, names: names)
            out.append(OutputFile(name: fileName("trunk", trunk.id, trunk.name), document: .object(object)))
        }
        for rule in workspace.rules {
            let object = encode(rule, in: workspace, names: names)
            out.append(OutputFile(name: fileName("rule", rule.id, rule.name), document: .object(object)))
        }
        return out
    }

    /// IDs Switchboard generated are never written: LiveKit assigns the real one on create,
    /// and a file read without IDs must come back without them.
    static func encode(_ trunk: Trunk, in workspace: Workspace, names: NameStyle) -> JSONObject {
        encode(trunk, idKeys: Trunk.idKeys, newIDs: workspace.newIDs, names: names)
    }

    static func encode(_ rule: DispatchRule, in workspace: Workspace, names: NameStyle) -> JSONObject {
        encode(rule, idKeys: DispatchRule.idKeys, newIDs: workspace.newIDs, names: names)
    }

    static func encode<Item: ProtoMessage & Identifiable<String>>(
        _ item: Item, idKeys: Set<String>, newIDs: Set<String>, names: NameStyle
    ) -> JSONObject {
        let object = item.encode(names: names)
        return newIDs.contains(item.id) ? stripping(object, keys: idKeys) : object
    }

    static func stripping(_ object: JSONObject, keys: Set<String>) -> JSONObject {
        JSONObject(object.members.filter { !keys.contains($0.key) })
    }

    static func rename(_ object: JSONObject, names: NameStyle, wrapperKeys: [String: String]) -> JSONObject {
        guard names != .keep else { return object }
        return JSONObject(
            object.members.map { member in
                if let camel = wrapperKeys[member.key] { return JSONMember(names == .camel ? camel : member.key, member.value) }
                if let proto = wrapperKeys.first(where: { $0.value == member.key })?.key {
                    return JSONMember(names == .proto ? proto : member.key, member.value)
                }
                return member
            })
    }

    /// `rule-SDR_7mNbV3cQrT8u.json`: the ID makes names unique and stable across exports.
    static func fileName(_ kind: String, _ id: String, _ name: String) -> String {
        let safe = id.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }
        return "\(kind)-\(String(safe)).json"
    }
}

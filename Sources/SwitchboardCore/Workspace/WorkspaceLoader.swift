/// Turns the user's files into one `Workspace`: detects each file's shape, reads every trunk
/// and rule losslessly, gives IDs to items without one, and refuses duplicate IDs.
public enum WorkspaceLoader {
    public static func load(
        _ documents: [SourceDocument], using rng: inout some RandomNumberGenerator
    ) throws(LoadFailure) -> Workspace {
        var workspace = Workspace()
        var errors: [InputError] = []
        // Positions are computed only for a duplicate: re-parsing per item would be quadratic.
        var firstSeen: [ItemKey: (document: Int, path: JSONPath)] = [:]

        for (documentIndex, document) in documents.enumerated() {
            do {
                let parsed = try readFile(document)
                let fileIndex = workspace.files.count
                workspace.files.append(parsed.file)
                if parsed.file.shape == .project, workspace.projectFileIndex == nil {
                    workspace.projectFileIndex = fileIndex
                    workspace.settings = parsed.settings ?? ProjectSettings()
                    workspace.calls = parsed.calls
                }
                for (var trunk, path) in parsed.trunks {
                    if trunk.id.isEmpty {
                        trunk.id = GeneratedID.trunk(using: &rng)
                        workspace.newIDs.insert(trunk.id)
                    }
                    let key = ItemKey(.trunk, trunk.id)
                    if let first = firstSeen[key] {
                        let firstDocument = documents[first.document]
                        let firstPosition = Self.position(of: first.path, in: firstDocument)
                        throw InputError(
                            file: document.path, position: Self.position(of: path, in: document),
                            message:
                                "expected each trunk ID once, found \"\(trunk.id)\" again (first at \(firstDocument.path):\(firstPosition))"
                        )
                    }
                    firstSeen[key] = (documentIndex, path)
                    workspace.origins[key] = fileIndex
                    workspace.trunks.append(trunk)
                }
                for (var rule, path) in parsed.rules {
                    if rule.id.isEmpty {
                        rule.id = GeneratedID.rule(using: &rng)
                        workspace.newIDs.insert(rule.id)
                    }
                    let key = ItemKey(.rule, rule.id)
                    if let first = firstSeen[key] {
                        let firstDocument = documents[first.document]
                        let firstPosition = Self.position(of: first.path, in: firstDocument)
                        throw InputError(
                            file: document.path, position: Self.position(of: path, in: document),
                            message:
                                "expected each dispatch rule ID once, found \"\(rule.id)\" again (first at \(firstDocument.path):\(firstPosition))"
                        )
                    }
                    firstSeen[key] = (documentIndex, path)
                    workspace.origins[key] = fileIndex
                    workspace.rules.append(rule)
                }
            } catch let error as InputError {
                errors.append(error)
            } catch {
                errors.append(InputError(file: document.path, message: "\(error)"))
            }
        }
        if !errors.isEmpty { throw LoadFailure(errors) }
        return workspace
    }

    /// The contents of one file before IDs are assigned.
    struct ParsedFile {
        var file: LoadedFile
        var trunks: [(Trunk, JSONPath)] = []
        var rules: [(DispatchRule, JSONPath)] = []
        var settings: ProjectSettings?
        var calls: [CallSpec] = []
    }

    static func position(of path: JSONPath, in document: SourceDocument) -> TextPosition {
        let offset = JSONParser.offset(of: path, in: document.bytes) ?? 0
        return TextPosition(offset: offset, in: document.bytes)
    }

    static func readFile(_ document: SourceDocument) throws(InputError) -> ParsedFile {
        let value: JSONValue
        do {
            value = try JSONParser.parse(document.bytes)
        } catch {
            throw InputError(file: document.path, position: TextPosition(offset: error.offset, in: document.bytes), message: error.message)
        }
        do {
            return try interpret(value, path: document.path)
        } catch {
            throw InputError(file: document.path, position: position(of: error.path, in: document), message: error.message)
        }
    }

    static let shapeHelp =
        "a project ({\"trunks\": …, \"dispatchRules\": …}), an lk list ({\"items\": …}), a create request ({\"trunk\": …} or {\"dispatch_rule\": …}), or a trunk or rule object"

    static func interpret(_ value: JSONValue, path file: String) throws(ModelError) -> ParsedFile {
        guard case .object(let root) = value else {
            throw ModelError(.root, "expected \(shapeHelp), found \(value.kindDescription)")
        }
        let keys = Set(root.keys)
        if keys.contains("items") {
            return try readList(root, file: file)
        }
        if let key = ["dispatch_rule", "dispatchRule"].first(where: keys.contains) {
            if keys.contains("dispatch_rule") && keys.contains("dispatchRule") {
                throw ModelError(JSONPath([.key("dispatchRule")]), "expected one of \"dispatch_rule\" and \"dispatchRule\", found both")
            }
            let path = JSONPath([.key(key)])
            let rule = try readObject(root[key]!, path: path, as: DispatchRule.self)
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .ruleCreate, root: root, itemKey: key))
            parsed.rules = [(rule, path)]
            return parsed
        }
        if keys.contains("trunk") {
            let path = JSONPath([.key("trunk")])
            let trunk = try readObject(root["trunk"]!, path: path, as: Trunk.self)
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .trunkCreate, root: root, itemKey: "trunk"))
            parsed.trunks = [(trunk, path)]
            return parsed
        }
        if !keys.isDisjoint(with: FileShape.projectKeys) {
            return try readProject(root, file: file)
        }
        switch FileShape.objectKind(root) {
        case .trunk:
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .bareTrunk, root: root))
            parsed.trunks = [(try Trunk.decode(root, path: .root), .root)]
            return parsed
        case .rule:
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .bareRule, root: root))
            parsed.rules = [(try DispatchRule.decode(root, path: .root), .root)]
            return parsed
        case nil:
            let found =
                root.isEmpty ? "an empty object" : "an object with keys \(root.keys.prefix(5).map { "\"\($0)\"" }.joined(separator: ", "))"
            throw ModelError(.root, "expected \(shapeHelp), found \(found)")
        }
    }

    static func readObject<M: ProtoMessage>(_ value: JSONValue, path: JSONPath, as: M.Type) throws(ModelError) -> M {
        guard case .object(let object) = value else {
            throw .typeMismatch(path, expected: "an object", found: value)
        }
        return try M.decode(object, path: path)
    }

    static func readList(_ root: JSONObject, file: String) throws(ModelError) -> ParsedFile {
        let path = JSONPath([.key("items")])
        guard case .array(let items) = root["items"]! else {
            throw .typeMismatch(path, expected: "a list", found: root["items"]!)
        }
        var kind: ItemKind?
        var parsed = ParsedFile(file: LoadedFile(path: file, shape: .ruleList, root: root, itemKey: "items"))
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(i)
            guard case .object(let object) = item else {
                throw .typeMismatch(itemPath, expected: "a trunk or dispatch rule object", found: item)
            }
            guard let itemKind = FileShape.objectKind(object) else {
                throw ModelError(itemPath, "expected a trunk (with \"sipTrunkId\") or a dispatch rule (with \"rule\"), found neither")
            }
            if let kind, kind != itemKind {
                throw ModelError(
                    itemPath,
                    "expected every item to be a \(kind == .trunk ? "trunk" : "dispatch rule") like the first, found a \(itemKind == .trunk ? "trunk" : "dispatch rule")"
                )
            }
            kind = itemKind
            switch itemKind {
            case .trunk: parsed.trunks.append((try Trunk.decode(object, path: itemPath), itemPath))
            case .rule: parsed.rules.append((try DispatchRule.decode(object, path: itemPath), itemPath))
            }
        }
        parsed.file.shape = kind == .trunk ? .trunkList : .ruleList
        return parsed
    }

    static func readProject(_ root: JSONObject, file: String) throws(ModelError) -> ParsedFile {
        if root["dispatchRules"] != nil && root["dispatch_rules"] != nil {
            throw ModelError(JSONPath([.key("dispatch_rules")]), "expected one of \"dispatchRules\" and \"dispatch_rules\", found both")
        }
        let rulesKey = root["dispatch_rules"] != nil ? "dispatch_rules" : "dispatchRules"
        var parsed = ParsedFile(file: LoadedFile(path: file, shape: .project, root: root, rulesKey: rulesKey))
        if let value = root["trunks"] {
            parsed.trunks = try readArray(value, path: JSONPath([.key("trunks")]), what: "trunk", as: Trunk.self)
        }
        if let value = root[rulesKey] {
            parsed.rules = try readArray(value, path: JSONPath([.key(rulesKey)]), what: "dispatch rule", as: DispatchRule.self)
        }
        if let value = root["settings"] {
            parsed.settings = try readObject(value, path: JSONPath([.key("settings")]), as: ProjectSettings.self)
        }
        if let value = root["calls"] {
            parsed.calls = try readArray(value, path: JSONPath([.key("calls")]), what: "call", as: CallSpec.self).map(\.0)
        }
        return parsed
    }

    static func readArray<M: ProtoMessage>(
        _ value: JSONValue, path: JSONPath, what: String, as: M.Type
    ) throws(ModelError) -> [(M, JSONPath)] {
        if case .null = value { return [] }
        guard case .array(let elements) = value else {
            throw .typeMismatch(path, expected: "a list of \(what) objects", found: value)
        }
        var out: [(M, JSONPath)] = []
        out.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            let itemPath = path.appending(i)
            guard case .object(let object) = element else {
                throw ModelError(itemPath, "expected a \(what) object in \"\(path.lastKey ?? "")\", found \(element.kindDescription)")
            }
            out.append((try M.decode(object, path: itemPath), itemPath))
        }
        return out
    }
}

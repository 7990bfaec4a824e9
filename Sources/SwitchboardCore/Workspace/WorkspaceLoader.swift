/// Turns the user's files into one `Workspace`: detects each file's shape, reads every trunk
/// and rule losslessly, gives IDs to items without one, and refuses duplicate IDs.
public enum WorkspaceLoader {
    /// - Parameter parallel: long item lists are read in parts at once this way (the CLI
    ///   passes every core); the workspace is the same either way.
    public static func load(
        _ documents: [SourceDocument], using rng: inout some RandomNumberGenerator, parallel: ParallelLoop = .sequential
    ) throws(LoadFailure) -> Workspace {
        var workspace = Workspace()
        var errors: [InputError] = []
        // Positions are computed only for a duplicate: re-parsing per item would be quadratic.
        // Where each document's items start in `workspace.trunks` and `workspace.rules`, so
        // that a duplicate ID can name its first occurrence without a record per item.
        var itemRanges: [(document: Int, trunks: Int, rules: Int, paths: (trunks: ItemPaths, rules: ItemPaths))] = []

        for (documentIndex, document) in documents.enumerated() {
            do {
                var parsed = try readFile(document, parallel: parallel)
                workspace.origins.reserveCapacity(workspace.origins.count + parsed.trunks.count + parsed.rules.count)
                let fileIndex = workspace.files.count
                workspace.files.append(parsed.file)
                if parsed.file.shape == .project, workspace.projectFileIndex == nil {
                    workspace.projectFileIndex = fileIndex
                    workspace.settings = parsed.settings ?? ProjectSettings()
                    workspace.calls = parsed.calls
                }
                func duplicate(
                    _ what: String, _ id: String, item: Int, paths: ItemPaths, first: (document: Int, path: JSONPath)
                )
                    -> InputError
                {
                    let firstDocument = documents[first.document]
                    let firstPosition = Self.position(of: first.path, in: firstDocument)
                    return InputError(
                        file: document.path, position: Self.position(of: paths.path(item), in: document),
                        message: "expected each \(what) ID once, found \"\(id)\" again (first at \(firstDocument.path):\(firstPosition))")
                }
                // Gives items without an ID a generated one, records each item's file, and
                // refuses an ID seen before, naming where it first appeared.
                func register<Item: Identifiable<String>>(
                    _ items: inout [Item], _ id: WritableKeyPath<Item, String>, kind: ItemKind, prefix: String,
                    label: String, paths: ItemPaths, earlier: [Item],
                    _ start: KeyPath<(document: Int, trunks: Int, rules: Int, paths: (trunks: ItemPaths, rules: ItemPaths)), Int>,
                    _ earlierPaths: KeyPath<
                        (document: Int, trunks: Int, rules: Int, paths: (trunks: ItemPaths, rules: ItemPaths)), ItemPaths
                    >
                ) throws(InputError) {
                    // The ID is read at its offset in the item: from the array, by key path or
                    // through the buffer, the whole item was copied (retaining every field).
                    let idOffset = MemoryLayout<Item>.offset(of: id)
                    for i in items.indices {
                        var itemID = items.withUnsafeBufferPointer { buffer in
                            guard let idOffset else { return buffer[i][keyPath: id] }
                            return UnsafeRawPointer(buffer.baseAddress! + i).advanced(by: idOffset).assumingMemoryBound(to: String.self)
                                .pointee
                        }
                        if itemID.isEmpty {
                            itemID = prefix + GeneratedID.suffix(using: &rng)
                            items[i][keyPath: id] = itemID
                            workspace.newIDs.insert(itemID)
                        }
                        guard workspace.origins.updateValue(fileIndex, forKey: ItemKey(kind, itemID)) != nil else { continue }
                        let first =
                            items.firstIndex(where: { $0[keyPath: id] == itemID }).flatMap {
                                $0 < i ? (documentIndex, paths.path($0)) : nil
                            }
                            ?? firstOccurrence(of: itemID, in: earlier, itemRanges, start, earlierPaths)
                        throw duplicate(label, itemID, item: i, paths: paths, first: first)
                    }
                }
                // Taken out of `parsed` so that IDs are assigned in place, without a second copy.
                var trunks = parsed.trunks
                parsed.trunks = []
                try register(
                    &trunks, \.id, kind: .trunk, prefix: "ST_", label: "trunk", paths: parsed.trunkPaths,
                    earlier: workspace.trunks, \.trunks, \.paths.trunks)
                var rules = parsed.rules
                parsed.rules = []
                try register(
                    &rules, \.id, kind: .rule, prefix: "SDR_", label: "dispatch rule", paths: parsed.rulePaths,
                    earlier: workspace.rules, \.rules, \.paths.rules)
                itemRanges.append((documentIndex, workspace.trunks.count, workspace.rules.count, (parsed.trunkPaths, parsed.rulePaths)))
                if workspace.trunks.isEmpty { workspace.trunks = trunks } else { workspace.trunks += trunks }
                if workspace.rules.isEmpty { workspace.rules = rules } else { workspace.rules += rules }
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw LoadFailure(errors) }
        return workspace
    }

    /// The document and path of the first item with `id` among those already loaded.
    static func firstOccurrence<Item: Identifiable<String>>(
        of id: String, in items: [Item],
        _ ranges: [(document: Int, trunks: Int, rules: Int, paths: (trunks: ItemPaths, rules: ItemPaths))],
        _ start: KeyPath<(document: Int, trunks: Int, rules: Int, paths: (trunks: ItemPaths, rules: ItemPaths)), Int>,
        _ paths: KeyPath<(document: Int, trunks: Int, rules: Int, paths: (trunks: ItemPaths, rules: ItemPaths)), ItemPaths>
    ) -> (document: Int, path: JSONPath) {
        guard let position = items.firstIndex(where: { $0.id == id }),
            let range = ranges.last(where: { $0[keyPath: start] <= position })
        else { return (0, .root) }
        return (range.document, range[keyPath: paths].path(position - range[keyPath: start]))
    }

    /// Where a file's items sit: one path (a create request or bare object), or a list's
    /// path plus the item's index. Kept instead of a path per item, which only an error needs.
    struct ItemPaths {
        var base: JSONPath = .root
        var indexed = false
        func path(_ item: Int) -> JSONPath { indexed ? base.appending(item) : base }
    }

    /// The contents of one file before IDs are assigned.
    struct ParsedFile {
        var file: LoadedFile
        var trunks: [Trunk] = []
        var trunkPaths = ItemPaths()
        var rules: [DispatchRule] = []
        var rulePaths = ItemPaths()
        var settings: ProjectSettings?
        var calls: [CallSpec] = []
    }

    static func position(of path: JSONPath, in document: SourceDocument) -> TextPosition {
        let offset = JSONParser.offset(of: path, in: document.bytes) ?? 0
        return TextPosition(offset: offset, in: document.bytes)
    }

    static func readFile(_ document: SourceDocument, parallel: ParallelLoop = .sequential) throws(InputError) -> ParsedFile {
        if let parsed = readListsInPlace(document, parallel: parallel) { return parsed }
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

    /// Keys whose lists can hold many items.
    static let listKeys: Set<String> = ["items", "trunks", "dispatchRules", "dispatch_rules"]

    /// The fast path for lists and projects: the item lists are parsed one item at a time, so
    /// only one item's JSON tree exists at once. Nil for any other shape and for any error,
    /// which the ordinary path then reports exactly as always (syntax errors first).
    static func readListsInPlace(_ document: SourceDocument, parallel: ParallelLoop = .sequential) -> ParsedFile? {
        let bytes = document.releasable.map(JSONElements.DocumentBytes.releasable) ?? .array(document.bytes)
        guard let (root, lists) = JSONParser.parseDeferringLists(bytes, keys: listKeys) else { return nil }
        let keys = Set(root.keys)
        let isList = keys.contains("items")
        guard
            isList
                || (!keys.contains("dispatch_rule") && !keys.contains("dispatchRule") && !keys.contains("trunk")
                    && !keys.isDisjoint(with: FileShape.projectKeys))
        else { return nil }
        // A deferred list the shape does not read would be lost from the wrapper.
        if isList, lists.keys.contains(where: { $0 != "items" }) { return nil }
        let parsed = try? interpret(.object(root), path: document.path, lists: { lists[$0] }, parallel: parallel)
        guard let parsed, !lists.values.contains(where: \.failed) else { return nil }
        return parsed
    }

    static let shapeHelp =
        "a project ({\"trunks\": …, \"dispatchRules\": …}), an lk list ({\"items\": …}), a create request ({\"trunk\": …} or {\"dispatch_rule\": …}), or a trunk or rule object"

    /// - Parameter lists: the elements of a root list whose value in `value` is a placeholder
    ///   (see `readListsInPlace`); nil reads the lists from `value` itself.
    static func interpret(
        _ value: JSONValue, path file: String, lists: (String) -> JSONElements? = { _ in nil }, parallel: ParallelLoop = .sequential
    ) throws(ModelError) -> ParsedFile {
        guard case .object(let root) = value else {
            throw ModelError(.root, "expected \(shapeHelp), found \(value.kindDescription)")
        }
        let keys = Set(root.keys)
        if keys.contains("items") {
            return try readList(root, file: file, items: lists("items"), parallel: parallel)
        }
        if let key = ["dispatch_rule", "dispatchRule"].first(where: keys.contains) {
            if keys.contains("dispatch_rule") && keys.contains("dispatchRule") {
                throw ModelError(JSONPath([.key("dispatchRule")]), "expected one of \"dispatch_rule\" and \"dispatchRule\", found both")
            }
            let path = JSONPath([.key(key)])
            let rule = try readObject(root[key]!, path: path, as: DispatchRule.self)
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .ruleCreate, root: root, itemKey: key))
            parsed.rules = [rule]
            parsed.rulePaths = ItemPaths(base: path)
            return parsed
        }
        if keys.contains("trunk") {
            let path = JSONPath([.key("trunk")])
            let trunk = try readObject(root["trunk"]!, path: path, as: Trunk.self)
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .trunkCreate, root: root, itemKey: "trunk"))
            parsed.trunks = [trunk]
            parsed.trunkPaths = ItemPaths(base: path)
            return parsed
        }
        if !keys.isDisjoint(with: FileShape.projectKeys) {
            return try readProject(root, file: file, lists: lists, parallel: parallel)
        }
        switch FileShape.objectKind(root) {
        case .trunk:
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .bareTrunk, root: root))
            parsed.trunks = [try Trunk.decode(root, path: .root)]
            return parsed
        case .rule:
            var parsed = ParsedFile(file: LoadedFile(path: file, shape: .bareRule, root: root))
            parsed.rules = [try DispatchRule.decode(root, path: .root)]
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

    static func readList(
        _ root: JSONObject, file: String, items deferred: JSONElements?, parallel: ParallelLoop = .sequential
    ) throws(ModelError) -> ParsedFile {
        let path = JSONPath([.key("items")])
        let items: JSONElements
        if let deferred {
            items = deferred
        } else {
            guard case .array(let values) = root["items"]! else {
                throw .typeMismatch(path, expected: "a list", found: root["items"]!)
            }
            items = JSONElements(values)
        }
        var parsed = ParsedFile(file: LoadedFile(path: file, shape: .ruleList, root: withoutItems(root, ["items"]), itemKey: "items"))
        parsed.trunkPaths = ItemPaths(base: path, indexed: true)
        parsed.rulePaths = parsed.trunkPaths
        let ruleKinds = FileShape.LayoutKinds(DispatchRule.table)
        let trunkKinds = FileShape.LayoutKinds(Trunk.table)
        // Every item must be of the first one's kind. An empty list is a rule list; a first
        // item that is neither gets its error from reading it as a rule.
        let kind = firstItemKind(items, ruleKinds: ruleKinds, trunkKinds: trunkKinds) ?? .rule
        switch kind {
        case .rule:
            parsed.rules = try readItems(items, parallel: parallel) { iterator, index throws(ModelError) in
                try nextListItem(&iterator, index, path: path, kind: .rule, kinds: ruleKinds, as: DispatchRule.self)
            }
        case .trunk:
            parsed.trunks = try readItems(items, parallel: parallel) { iterator, index throws(ModelError) in
                try nextListItem(&iterator, index, path: path, kind: .trunk, kinds: trunkKinds, as: Trunk.self)
            }
        }
        parsed.file.shape = kind == .trunk ? .trunkList : .ruleList
        return parsed
    }

    static func readProject(
        _ root: JSONObject, file: String, lists: (String) -> JSONElements?, parallel: ParallelLoop = .sequential
    ) throws(ModelError) -> ParsedFile {
        if root["dispatchRules"] != nil && root["dispatch_rules"] != nil {
            throw ModelError(JSONPath([.key("dispatch_rules")]), "expected one of \"dispatchRules\" and \"dispatch_rules\", found both")
        }
        let rulesKey = root["dispatch_rules"] != nil ? "dispatch_rules" : "dispatchRules"
        let kept = withoutItems(root, ["trunks", rulesKey])
        var parsed = ParsedFile(file: LoadedFile(path: file, shape: .project, root: kept, rulesKey: rulesKey))
        if let value = root["trunks"] {
            parsed.trunkPaths = ItemPaths(base: JSONPath([.key("trunks")]), indexed: true)
            parsed.trunks = try readArray(
                value, lists("trunks"), path: parsed.trunkPaths.base, what: "trunk", as: Trunk.self, parallel: parallel)
        }
        if let value = root[rulesKey] {
            parsed.rulePaths = ItemPaths(base: JSONPath([.key(rulesKey)]), indexed: true)
            parsed.rules = try readArray(
                value, lists(rulesKey), path: parsed.rulePaths.base, what: "dispatch rule", as: DispatchRule.self, parallel: parallel)
        }
        if let value = root["settings"] {
            parsed.settings = try readObject(value, path: JSONPath([.key("settings")]), as: ProjectSettings.self)
        }
        if let value = root["calls"] {
            parsed.calls = try readArray(value, nil, path: JSONPath([.key("calls")]), what: "call", as: CallSpec.self)
        }
        return parsed
    }

    /// The wrapper object with each item list emptied: the writer puts the current items back
    /// in the same place, and the file's wrapper no longer holds a second copy of every item
    /// (the models keep what they need).
    static func withoutItems(_ root: JSONObject, _ keys: [String]) -> JSONObject {
        var out = root
        for i in out.members.indices where keys.contains(out.members[i].key) {
            if case .array = out.members[i].value { out.members[i].value = .array([]) }
        }
        return out
    }

    /// - Parameter deferred: the list's elements when `value` is only a placeholder.
    static func readArray<M: ProtoMessage>(
        _ value: JSONValue, _ deferred: JSONElements?, path: JSONPath, what: String, as: M.Type,
        parallel: ParallelLoop = .sequential
    ) throws(ModelError) -> [M] {
        if case .null = value { return [] }
        guard case .array(let values) = value else {
            throw .typeMismatch(path, expected: "a list of \(what) objects", found: value)
        }
        return try readItems(deferred ?? JSONElements(values), parallel: parallel) { iterator, index throws(ModelError) in
            try nextArrayItem(&iterator, index, path: path, what: what, as: M.self)
        }
    }

    /// Every item of a list, read by `next` (nil at the end): a long deferred list in parts at
    /// once (`readInParts`), any other in one pass. Either pass gives back the bytes it has
    /// read past; an error makes the caller read the file again.
    static func readItems<M: ProtoMessage>(
        _ elements: JSONElements, parallel: ParallelLoop,
        _ next: @escaping @Sendable (inout JSONElements.Iterator, Int) throws(ModelError) -> M?
    ) throws(ModelError) -> [M] {
        if parallel.width > 1, elements.count >= parallelMinimum, let out = try readInParts(elements, parallel: parallel, next) {
            return out
        }
        var out: [M] = []
        // Growing a 100,000-item array by doubling would briefly hold two copies of it.
        out.reserveCapacity(elements.count)
        var iterator = elements.makeIterator()
        iterator.givesBackConsumedBytes = true
        while let item = try next(&iterator, out.count) { out.append(item) }
        return out
    }

    /// The first item's kind, read as `nextListItem` reads items (canonical rule, canonical
    /// trunk, then the JSON tree) from a copy of an iterator, which gives nothing back; nil for
    /// an empty list and for a first item that is not a trunk or rule object.
    static func firstItemKind(
        _ items: JSONElements, ruleKinds: FileShape.LayoutKinds, trunkKinds: FileShape.LayoutKinds
    ) -> ItemKind? {
        var peek = items.makeIterator()
        if peek.nextCanonical(DispatchRule.self, accept: { ruleKinds.kind($0) == .rule }) != nil { return .rule }
        if peek.nextCanonical(Trunk.self, accept: { trunkKinds.kind($0) == .trunk }) != nil { return .trunk }
        guard case .object(let object)? = peek.next() else { return nil }
        return FileShape.objectKind(object)
    }

    /// The next item of a project's list, or nil at its end.
    static func nextArrayItem<M: ProtoMessage>(
        _ iterator: inout JSONElements.Iterator, _ index: Int, path: JSONPath, what: String, as: M.Type
    ) throws(ModelError) -> M? {
        if let message = iterator.nextCanonical(M.self, accept: { _ in true }) { return message }
        guard let element = iterator.next() else { return nil }
        let itemPath = path.appending(index)
        guard case .object(let object) = element else {
            throw ModelError(itemPath, "expected a \(what) object in \"\(path.lastKey ?? "")\", found \(element.kindDescription)")
        }
        return try M.decode(object, path: itemPath)
    }

    /// The next item of an `lk` list whose items must all be of `kind` (the first item's);
    /// nil at the list's end.
    static func nextListItem<M: ProtoMessage>(
        _ iterator: inout JSONElements.Iterator, _ index: Int, path: JSONPath, kind: ItemKind, kinds: FileShape.LayoutKinds,
        as: M.Type
    ) throws(ModelError) -> M? {
        if let message = iterator.nextCanonical(M.self, accept: { kinds.kind($0) == kind }) { return message }
        guard let item = iterator.next() else { return nil }
        let itemPath = path.appending(index)
        guard case .object(let object) = item else {
            throw .typeMismatch(itemPath, expected: "a trunk or dispatch rule object", found: item)
        }
        guard let itemKind = FileShape.objectKind(object) else {
            throw ModelError(itemPath, "expected a trunk (with \"sipTrunkId\") or a dispatch rule (with \"rule\"), found neither")
        }
        guard itemKind == kind else {
            throw ModelError(
                itemPath,
                "expected every item to be a \(kind == .trunk ? "trunk" : "dispatch rule") like the first, found a \(itemKind == .trunk ? "trunk" : "dispatch rule")"
            )
        }
        return try M.decode(object, path: itemPath)
    }

    /// Lists shorter than this are read on the calling thread.
    static let parallelMinimum = 4096

    /// Reads a deferred list in runs of items at once (`JSONElements.parts`), each run into
    /// its own stretch of one array, so the items are never held twice. Nil when the list
    /// cannot be cut; an error in any run is thrown (the first run's first), and a syntax error
    /// marks the list failed, as reading it in one go would.
    static func readInParts<M: ProtoMessage>(
        _ elements: JSONElements, parallel: ParallelLoop,
        _ next: @escaping @Sendable (inout JSONElements.Iterator, Int) throws(ModelError) -> M?
    ) throws(ModelError) -> [M]? {
        guard let parts = elements.parts(parallel.width) else { return nil }
        let total = elements.count
        var errors = [ModelError?](repeating: nil, count: parts.count)
        var produced = [Int](repeating: 0, count: parts.count)
        let out = [M](unsafeUninitializedCapacity: total) { buffer, initialized in
            errors.withUnsafeMutableBufferPointer { errors in
                produced.withUnsafeMutableBufferPointer { produced in
                    // Run k writes only its own elements and its own slot of `errors` and `produced`.
                    nonisolated(unsafe) let buffer = buffer
                    nonisolated(unsafe) let errors = errors
                    nonisolated(unsafe) let produced = produced
                    nonisolated(unsafe) let parts = parts
                    parallel(parts.count) { k in
                        var iterator = parts[k].iterator
                        iterator.givesBackConsumedBytes = true
                        var n = 0
                        do throws(ModelError) {
                            while let item = try next(&iterator, parts[k].first + n) {
                                // More items than the bracket scan counted: not a list it understood.
                                guard n < parts[k].count else {
                                    errors[k] = ModelError(.root, "the list has more items than its brackets say")
                                    break
                                }
                                (buffer.baseAddress! + parts[k].first + n).initialize(to: item)
                                n += 1
                            }
                        } catch {
                            errors[k] = error
                        }
                        produced[k] = n
                    }
                }
            }
            let complete =
                zip(parts, produced).allSatisfy { $0.count == $1 } && errors.allSatisfy { $0 == nil }
                && !parts.contains { $0.failure.failed }
            if complete {
                initialized = total
            } else {
                for (part, count) in zip(parts, produced) {
                    (buffer.baseAddress! + part.first).deinitialize(count: count)
                }
                initialized = 0
            }
        }
        if parts.contains(where: { $0.failure.failed }) { elements.markFailed() }
        if let error = errors.lazy.compactMap({ $0 }).first { throw error }
        guard out.count == total else {
            throw ModelError(.root, "the list's items did not match its brackets")
        }
        return out
    }
}

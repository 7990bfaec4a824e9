/// A project file's document before its trunk and rule lists are encoded: the top-level
/// members in the order they are written, with the two lists' places marked.
///
/// `object` builds the whole document (the TUI's save and previews want a `JSONValue`);
/// `write` streams the lists item by item straight from the model, which is what makes a
/// 100,000-rule export cheap. Both come from this one layout, so they cannot disagree on where
/// a list goes or what is kept of the file's own keys.
struct ProjectLayout: Sendable, Equatable {
    /// The file's own top-level members with settings and calls filled in; the members at
    /// `trunksAt` and `rulesAt` hold placeholders for the lists.
    private(set) var root: JSONObject
    private(set) var trunksAt: Int?
    private(set) var rulesAt: Int?
    let trunks: [Trunk]
    let rules: [DispatchRule]
    /// IDs Switchboard generated: those items are written without their ID.
    let newIDs: Set<String>
    let names: NameStyle

    init(
        workspace: Workspace, base: JSONObject, rulesKey: String, trunks: [Trunk], rules: [DispatchRule], settings: ProjectSettings?,
        calls: [CallSpec]?, names: NameStyle
    ) {
        self.trunks = trunks
        self.rules = rules
        self.newIDs = workspace.newIDs
        self.names = names
        var root = base
        if !trunks.isEmpty || root["trunks"] != nil {
            root["trunks"] = .null
            trunksAt = root.index(of: "trunks")
        }
        let rulesName = names == .keep ? rulesKey : (names == .proto ? "dispatch_rules" : "dispatchRules")
        if let i = root.index(of: rulesKey) {
            root.members[i] = JSONMember(rulesName, .null)
            rulesAt = i
        } else if !rules.isEmpty {
            root[rulesName] = .null
            rulesAt = root.index(of: rulesName)
        }
        if let settings {
            let encoded = settings.encode(names: names == .proto ? .proto : (names == .camel ? .camel : .keep))
            if !encoded.isEmpty || root["settings"] != nil { root["settings"] = .object(encoded) }
        }
        if let calls, !calls.isEmpty || root["calls"] != nil {
            root["calls"] = .array(calls.map { .object($0.encode(names: names)) })
        }
        self.root = root
    }

    /// The whole document as one object.
    var object: JSONObject {
        var object = root
        if let trunksAt { object.members[trunksAt].value = encoded(trunks, idKeys: Trunk.idKeys) }
        if let rulesAt { object.members[rulesAt].value = encoded(rules, idKeys: DispatchRule.idKeys) }
        return object
    }

    /// The document's bytes, as `JSONWriter.write(.object(object))` writes them.
    func write(into out: inout [UInt8], style: JSONWriter.Style) {
        var object = JSONContainerWriter.object(style: style, indent: 0)
        for (i, member) in root.members.enumerated() {
            if i == trunksAt {
                object.key(member.key, into: &out)
                write(trunks, idKeys: Trunk.idKeys, into: &out, style: style, indent: object.valueIndent)
            } else if i == rulesAt {
                object.key(member.key, into: &out)
                write(rules, idKeys: DispatchRule.idKeys, into: &out, style: style, indent: object.valueIndent)
            } else {
                object.member(member.key, member.value, into: &out)
            }
        }
        object.finish(into: &out)
    }

    private func encoded<Item: ProtoMessage & Identifiable<String>>(_ items: [Item], idKeys: Set<String>) -> JSONValue {
        .array(items.map { .object(WorkspaceWriter.encode($0, idKeys: idKeys, newIDs: newIDs, names: names)) })
    }

    private func write<Item: ProtoMessage & Identifiable<String>>(
        _ items: [Item], idKeys: Set<String>, into out: inout [UInt8], style: JSONWriter.Style, indent: Int
    ) {
        var array = JSONContainerWriter.array(style: style, indent: indent)
        for item in items {
            array.next(into: &out)
            item.write(
                into: &out, names: names, style: style, indent: array.valueIndent, omitting: newIDs.contains(item.id) ? idKeys : [])
        }
        array.finish(into: &out)
    }
}

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

    /// The document's bytes, as `JSONWriter.write(.object(object))` writes them. Long lists are
    /// written in `parallel.width` parts at once; the bytes are the same.
    /// `parallelMinimum` is for tests, which split short lists too.
    func write(
        into out: inout [UInt8], style: JSONWriter.Style, parallel: ParallelLoop = .sequential,
        parallelMinimum: Int = Self.parallelMinimum
    ) {
        var object = JSONContainerWriter.object(style: style, indent: 0)
        for (i, member) in root.members.enumerated() {
            if i == trunksAt {
                object.key(member.key, into: &out)
                write(
                    trunks, idKeys: Trunk.idKeys, into: &out, style: style, indent: object.valueIndent, parallel: parallel,
                    minimum: parallelMinimum)
            } else if i == rulesAt {
                object.key(member.key, into: &out)
                write(
                    rules, idKeys: DispatchRule.idKeys, into: &out, style: style, indent: object.valueIndent, parallel: parallel,
                    minimum: parallelMinimum)
            } else {
                object.member(member.key, member.value, into: &out)
            }
        }
        object.finish(into: &out)
    }

    private func encoded<Item: ProtoMessage & Identifiable<String>>(_ items: [Item], idKeys: Set<String>) -> JSONValue {
        .array(items.map { .object(WorkspaceWriter.encode($0, idKeys: idKeys, newIDs: newIDs, names: names)) })
    }

    /// Lists shorter than this are written on the calling thread: splitting costs more than it saves.
    static let parallelMinimum = 2048

    /// Writes a list as one JSON array. A long one is cut into `parallel.width` runs of items,
    /// each written on its own core with its separators: the first straight into `out`, the
    /// others into buffers of their own, appended in order — the bytes of one pass.
    private func write<Item: ProtoMessage & Identifiable<String>>(
        _ items: [Item], idKeys: Set<String>, into out: inout [UInt8], style: JSONWriter.Style, indent: Int, parallel: ParallelLoop,
        minimum: Int
    ) {
        let array = JSONContainerWriter.array(style: style, indent: indent)
        let parts = items.count >= minimum ? min(parallel.width, items.count) : 1
        guard parts > 1 else {
            var writer = array
            writeElements(items, 0..<items.count, idKeys: idKeys, writer: &writer, into: &out)
            writer.finish(into: &out)
            return
        }
        let bounds = (0...parts).map { items.count * $0 / parts }
        // The room reserved in `out` beyond what is written, shared out as a guess per part.
        let estimate = max(out.capacity - out.count, 0) / parts
        var rest = [[UInt8]](repeating: [], count: parts - 1)
        rest.withUnsafeMutableBufferPointer { rest in
            withUnsafeMutablePointer(to: &out) { first in
                // Each part touches only its own buffer, and `first` only part 0.
                nonisolated(unsafe) let rest = rest
                nonisolated(unsafe) let first = first
                parallel(parts) { k in
                    var writer = array.resumed(after: bounds[k])
                    let range = bounds[k]..<bounds[k + 1]
                    if k == 0 {
                        writeElements(items, range, idKeys: idKeys, writer: &writer, into: &first.pointee)
                    } else {
                        var part: [UInt8] = []
                        part.reserveCapacity(estimate)
                        writeElements(items, range, idKeys: idKeys, writer: &writer, into: &part)
                        rest[k - 1] = part
                    }
                }
            }
        }
        for part in rest { out.append(contentsOf: part) }
        array.resumed(after: items.count).finish(into: &out)
    }

    private func writeElements<Item: ProtoMessage & Identifiable<String>>(
        _ items: [Item], _ range: Range<Int>, idKeys: Set<String>, writer: inout JSONContainerWriter, into out: inout [UInt8]
    ) {
        // Through the buffer: `for item in items` copied (retained) every field of every item.
        items.withUnsafeBufferPointer { items in
            for i in range {
                writer.next(into: &out)
                items[i].write(
                    into: &out, names: names, style: writer.style, indent: writer.valueIndent,
                    omitting: newIDs.contains(items[i].id) ? idKeys : [])
            }
        }
    }
}

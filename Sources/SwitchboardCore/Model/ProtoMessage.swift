/// A LiveKit protobuf message read from JSON without losing anything.
///
/// The typed properties are what Switchboard reasons about; `source` is the object exactly as
/// it was read. Writing merges the two: a field whose typed value still equals what the source
/// said keeps the source's key spelling and value text (`1` stays `1`, `"30.000s"` stays), a
/// changed field is re-encoded in place, and keys the model does not know stay where they were.
public protocol ProtoMessage: Equatable, Sendable {
    init()
    /// The object as read from the file; empty for a message created in Switchboard.
    var source: JSONObject { get set }
    static var table: FieldTable<Self> { get }
    /// Checks across fields after every field was read (for example a oneof's single member).
    static func validateDecoded(_ message: Self, path: JSONPath) throws(ModelError)
}

extension ProtoMessage {
    public static func validateDecoded(_ message: Self, path: JSONPath) throws(ModelError) {}

    public static func decode(_ object: JSONObject, path: JSONPath) throws(ModelError) -> Self {
        var message = Self()
        message.source = object
        var seen: [Int: String] = [:]
        for member in object.members {
            guard let i = table.index[member.key] else { continue }
            if let previous = seen[i] {
                let where_ = path.lastKey.map { " in \"\($0)\"" } ?? ""
                if previous == member.key {
                    throw ModelError(path.appending(member.key), "expected each field once\(where_), found \"\(member.key)\" twice")
                }
                throw ModelError(
                    path.appending(member.key),
                    "expected each field once\(where_), found both \"\(previous)\" and \"\(member.key)\" (two spellings of one field; keep one)"
                )
            }
            seen[i] = member.key
            try table.specs[i].read(&message, member.value, path.appending(member.key))
        }
        try validateDecoded(message, path: path)
        return message
    }

    /// The message as a JSON object, merged over `source` as described on the protocol.
    public func encode(names: NameStyle = .keep) -> JSONObject {
        let specs = Self.table.specs
        var written = [Bool](repeating: false, count: specs.count)
        var out: [JSONMember] = []
        out.reserveCapacity(source.count + 2)
        for member in source.members {
            guard let i = Self.table.index[member.key] else {
                out.append(member)
                continue
            }
            if written[i] { continue }
            written[i] = true
            let spec = specs[i]
            let key = names == .keep ? member.key : spec.name(in: names)
            if let value = spec.merge(self, member.value, names) {
                out.append(JSONMember(key, value))
            } else if !spec.omitWhenCleared {
                out.append(JSONMember(key, spec.zero))
            }
        }
        for (i, spec) in specs.enumerated() where !written[i] {
            if let value = spec.merge(self, nil, names) {
                out.append(JSONMember(spec.name(in: names), value))
            }
        }
        return JSONObject(out)
    }

    /// Keys in the source that the model does not know; shown read-only in the UI.
    public var unknownMembers: [JSONMember] {
        source.members.filter { Self.table.index[$0.key] == nil }
    }

    /// True when the typed fields say something other than the source (the item was edited).
    public var isEdited: Bool {
        guard let reread = try? Self.decode(source, path: .root) else { return true }
        return reread != self
    }
}

/// The fields of one message, with a lookup by either spelling.
public struct FieldTable<Model>: Sendable {
    public let specs: [FieldSpec<Model>]
    let index: [String: Int]

    public init(_ specs: [FieldSpec<Model>]) {
        self.specs = specs
        var index: [String: Int] = [:]
        for (i, spec) in specs.enumerated() {
            index[spec.proto] = i
            index[spec.camel] = i
        }
        self.index = index
    }

    public func spec(named key: String) -> FieldSpec<Model>? { index[key].map { specs[$0] } }
}

/// One protobuf field: its two JSON spellings and how to read and merge-write it.
public struct FieldSpec<Model>: Sendable {
    public let proto: String
    public let camel: String
    let read: @Sendable (inout Model, JSONValue, JSONPath) throws(ModelError) -> Void
    let merge: @Sendable (Model, JSONValue?, NameStyle) -> JSONValue?
    let zero: JSONValue
    /// Oneof members disappear when another member is chosen, instead of being written as zero.
    let omitWhenCleared: Bool

    public init<V: Equatable & Sendable>(
        _ proto: String, _ camel: String, _ keyPath: WritableKeyPath<Model, V>, _ codec: FieldCodec<V>,
        omitWhenCleared: Bool = false
    ) {
        self.proto = proto
        self.camel = camel
        self.zero = codec.zero
        self.omitWhenCleared = omitWhenCleared
        nonisolated(unsafe) let keyPath = keyPath
        self.read = { (model, value, path) throws(ModelError) in
            model[keyPath: keyPath] = try codec.decode(value, path)
        }
        self.merge = { model, sourceValue, names in
            let current = model[keyPath: keyPath]
            if let sourceValue, let old = try? codec.decode(sourceValue, .root), old == current {
                if names == .keep || !codec.isStructured { return sourceValue }
            }
            return codec.encode(current, names)
        }
    }

    func name(in style: NameStyle) -> String { style == .proto ? proto : camel }
}

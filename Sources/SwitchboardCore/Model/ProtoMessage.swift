/// A LiveKit protobuf message read from JSON without losing anything.
///
/// The typed properties are what Switchboard reasons about; `source` is what was read (see
/// `MessageSource`). Writing merges the two: a field whose typed value still equals what the
/// source said keeps the source's key spelling and value text (`1` stays `1`, `"30.000s"`
/// stays), a changed field is re-encoded in place, and keys the model does not know stay where
/// they were.
public protocol ProtoMessage: Equatable, Sendable {
    init()
    /// What was read from the file; empty for a message created in Switchboard.
    var source: MessageSource { get set }
    static var table: FieldTable<Self> { get }
    /// Checks across fields after every field was read (for example a oneof's single member).
    static func validateDecoded(_ message: Self, path: JSONPath) throws(ModelError)
}

extension ProtoMessage {
    public static func validateDecoded(_ message: Self, path: JSONPath) throws(ModelError) {}

    public static func decode(_ object: JSONObject, path: JSONPath) throws(ModelError) -> Self {
        var message = Self()
        message.source = MessageSource(object)
        // Fields read so far, as bits: no hashing and no allocation per member.
        var seen: UInt64 = 0
        var last = -1
        for member in object.members {
            guard let i = table.lookup(member.key, after: last) else { continue }
            last = i
            if i < 64, seen & (1 << UInt64(i)) != 0,
                let previous = object.members.first(where: { table.index[$0.key] == i })?.key
            {
                let where_ = path.lastKey.map { " in \"\($0)\"" } ?? ""
                if previous == member.key {
                    throw ModelError(path.appending(member.key), "expected each field once\(where_), found \"\(member.key)\" twice")
                }
                throw ModelError(
                    path.appending(member.key),
                    "expected each field once\(where_), found both \"\(previous)\" and \"\(member.key)\" (two spellings of one field; keep one)"
                )
            }
            if i < 64 { seen |= 1 << UInt64(i) }
            try table.specs[i].read(&message, member.value, path.appending(member.key))
        }
        try validateDecoded(message, path: path)
        if let layout = canonicalLayout(of: message, object) { message.source = MessageSource(canonical: layout) }
        return message
    }

    /// The layout of `object` when it is exactly what `encode` writes from the typed fields:
    /// known keys only, in table order, in one spelling, no zero values. Such an object need
    /// not be kept: its keys and spelling are enough to write it back byte for byte. (lk's
    /// own output and Switchboard's are like this, so large files keep no JSON tree per item.)
    static func canonicalLayout(of message: Self, _ object: JSONObject) -> MessageSource.Layout? {
        let specs = table.specs
        guard specs.count <= MessageSource.Layout.maximumFields else { return nil }
        var fields: UInt32 = 0
        var last = -1
        var proto: Bool?
        for member in object.members {
            guard let i = table.lookup(member.key, after: last), i > last else { return nil }
            last = i
            let spec = specs[i]
            if spec.proto != spec.camel {
                let isProto = member.key == spec.proto
                if let proto, proto != isProto { return nil }
                proto = isProto
            }
            guard spec.isCanonical(message, member.value) else { return nil }
            fields |= 1 << UInt32(i)
        }
        // A field the object did not have must write nothing (a default that is not zero
        // would be written, and the object would not come back as it was). Decoding set only
        // the fields the object had, so the others still hold `Self()`'s values: the table
        // knows which of those write.
        if let written = table.defaultsWritten {
            if written & ~UInt64(fields) != 0 { return nil }
        } else {
            for (i, spec) in specs.enumerated() where fields & (1 << UInt32(i)) == 0 {
                if spec.canonical(message) != nil { return nil }
            }
        }
        return MessageSource.Layout(fields: fields, proto: proto ?? false)
    }

    /// The message as a JSON object, merged over `source` as described on the protocol.
    public func encode(names: NameStyle = .keep) -> JSONObject {
        let specs = Self.table.specs
        if let layout = source.layout {
            return encode(over: layout, names: names)
        }
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

    /// `encode` over a canonical source: the same merge as over the object it stands for
    /// (present fields in table order, then new ones), without keeping that object.
    private func encode(over layout: MessageSource.Layout, names: NameStyle) -> JSONObject {
        var out: [JSONMember] = []
        out.reserveCapacity(Self.table.specs.count)
        Self.forEachField(over: layout, names: names) { key, spec, wasPresent in
            // Unchanged fields re-encode to the source's own value (that is what canonical
            // means); changed ones are re-encoded as in the general merge.
            if let value = spec.merge(self, nil, names) {
                out.append(JSONMember(key, value))
            } else if wasPresent, !spec.omitWhenCleared {
                out.append(JSONMember(key, spec.zero))
            }
        }
        return JSONObject(out)
    }

    /// The fields a canonical source's merge visits, in the order it writes them, with the
    /// key each is written under and whether the source had it (a present field that is now
    /// zero is written as zero, so the edit is the only difference in the output).
    static func forEachField(
        over layout: MessageSource.Layout, names: NameStyle, _ body: (String, FieldSpec<Self>, _ wasPresent: Bool) -> Void
    ) {
        let specs = table.specs
        for (i, spec) in specs.enumerated() where layout.contains(i) {
            body(names == .keep ? (layout.proto ? spec.proto : spec.camel) : spec.name(in: names), spec, true)
        }
        for (i, spec) in specs.enumerated() where !layout.contains(i) {
            body(spec.name(in: names), spec, false)
        }
    }

    /// Keys in the source that the model does not know; shown read-only in the UI.
    public var unknownMembers: [JSONMember] {
        source.members.filter { Self.table.index[$0.key] == nil }
    }
}

/// What a message keeps of the object it was read from: the object itself, or — when the
/// object was exactly the encoding of its typed fields (`ProtoMessage.canonicalLayout`) — only
/// which fields it had and how their keys were spelled. Either way `encode` writes the same
/// bytes; the second costs four bytes instead of a JSON tree per message.
///
/// Held as one of the two (the object of a canonical source is always empty), in 8 bytes:
/// a rule holds three sources (its own, its `rule`'s and its variant's), and the object and
/// the layout side by side took 16 each.
public struct MessageSource: Sendable, Equatable {
    public struct Layout: Sendable, Equatable {
        static let maximumFields = 31
        /// Bit `i`: field `i` of the message's table was present.
        var fields: UInt32
        /// Keys were spelled snake_case (the proto names) rather than camelCase.
        var proto: Bool

        func contains(_ field: Int) -> Bool { fields & (1 << UInt32(field)) != 0 }
    }

    private enum Storage: Sendable, Equatable {
        case object(JSONObject)
        /// `Layout.fields`, with `Layout.proto` in bit 31 (beyond `maximumFields`).
        case canonical(UInt32)
    }

    private var storage: Storage

    public init() { storage = .object(JSONObject()) }

    public init(_ object: JSONObject) { storage = .object(object) }

    init(canonical layout: Layout) { storage = .canonical(layout.fields | (layout.proto ? 1 << 31 : 0)) }

    /// The object as read; empty for a message created in Switchboard and for a canonical one.
    public var object: JSONObject {
        if case .object(let object) = storage { return object }
        return JSONObject()
    }

    /// Set when the object was canonical and was not kept.
    public var layout: Layout? {
        guard case .canonical(let bits) = storage else { return nil }
        return Layout(fields: bits & ~(1 << 31), proto: bits & (1 << 31) != 0)
    }

    /// The kept object's members (none for a canonical source: it had no unknown keys).
    public var members: [JSONMember] { object.members }
    public var count: Int { object.count }
    public var isEmpty: Bool {
        if case .object(let object) = storage { return object.isEmpty }
        return false
    }
}

/// The fields of one message, with a lookup by either spelling.
public struct FieldTable<Model>: Sendable {
    public let specs: [FieldSpec<Model>]
    let index: [String: Int]
    /// Bit `i`: field `i` of a freshly made message (`Model()`) would be written by `encode`
    /// (a default that is not the zero value). Known for messages; nil otherwise.
    let defaultsWritten: UInt64?
    /// Every field's two spellings as UTF-8, one after the other, for `scanLookup`: comparing
    /// bytes in the document with these needs no `String` per key.
    let keyBytes: [UInt8]
    let keyRanges: [(proto: Range<Int>, camel: Range<Int>)]
    /// Whether every field can be read by `CanonicalScan`, and the layout fits.
    let scannable: Bool

    public init(_ specs: [FieldSpec<Model>]) {
        self.init(specs, defaultsWritten: nil)
    }

    public init(_ specs: [FieldSpec<Model>]) where Model: ProtoMessage {
        let model = Model()
        var mask: UInt64 = 0
        for (i, spec) in specs.enumerated() where i < 64 && spec.canonical(model) != nil { mask |= 1 << UInt64(i) }
        self.init(specs, defaultsWritten: specs.count <= 64 ? mask : nil)
    }

    private init(_ specs: [FieldSpec<Model>], defaultsWritten: UInt64?) {
        self.specs = specs
        var index: [String: Int] = [:]
        for (i, spec) in specs.enumerated() {
            index[spec.proto] = i
            index[spec.camel] = i
        }
        self.index = index
        self.defaultsWritten = defaultsWritten
        var keyBytes: [UInt8] = []
        var keyRanges: [(proto: Range<Int>, camel: Range<Int>)] = []
        for spec in specs {
            let proto = keyBytes.count..<(keyBytes.count + spec.proto.utf8.count)
            keyBytes += spec.proto.utf8
            // One spelling is stored once: equal ranges mean the field has no second spelling.
            var camel = proto
            if spec.camel != spec.proto {
                camel = keyBytes.count..<(keyBytes.count + spec.camel.utf8.count)
                keyBytes += spec.camel.utf8
            }
            keyRanges.append((proto, camel))
        }
        self.keyBytes = keyBytes
        self.keyRanges = keyRanges
        scannable = specs.count <= MessageSource.Layout.maximumFields && specs.allSatisfy { $0.scanRead != nil }
    }

    public func spec(named key: String) -> FieldSpec<Model>? { index[key].map { specs[$0] } }

    /// The field for `key`. Keys usually come in table order, so the fields after `last` are
    /// tried first by comparing strings (cheap for short keys), then the hash table.
    func lookup(_ key: String, after last: Int) -> Int? {
        var i = last + 1
        while i < specs.count {
            if specs[i].camel == key || specs[i].proto == key { return i }
            i += 1
        }
        return index[key]
    }
}

/// One protobuf field: its two JSON spellings and how to read and merge-write it. A class, so
/// that reading one from its table (once per field of every decoded message) retains one
/// object instead of copying six closures and two strings.
public final class FieldSpec<Model>: Sendable {
    public let proto: String
    public let camel: String
    let read: @Sendable (inout Model, JSONValue, JSONPath) throws(ModelError) -> Void
    let merge: @Sendable (Model, JSONValue?, NameStyle) -> JSONValue?
    /// The field as `encode` writes it with no source (nil for the zero value).
    let canonical: @Sendable (Model) -> JSONValue?
    /// Whether `value` is exactly what `canonical` gives (and not nil), without building it
    /// when the codec can tell.
    let isCanonical: @Sendable (Model, JSONValue) -> Bool
    let zero: JSONValue
    /// Reads the field straight from the document when its value is canonical (`CanonicalScan`);
    /// false when it is not. Nil when the codec cannot scan.
    let scanRead: (@Sendable (inout Model, inout Cursor) -> Bool)?
    /// Oneof members disappear when another member is chosen, instead of being written as zero.
    let omitWhenCleared: Bool
    /// Writes `canonical`'s value under the given key into an object being streamed, and tells
    /// whether it wrote anything (see `ProtoMessage.write`). The message comes by address: its
    /// fields are read in place (passing it by value copied the whole message for each field).
    let stream: @Sendable (UnsafePointer<Model>, NameStyle, String, inout JSONContainerWriter, inout [UInt8]) -> Bool

    public init<V: Equatable & Sendable>(
        _ proto: String, _ camel: String, _ keyPath: WritableKeyPath<Model, V>, _ codec: FieldCodec<V>,
        omitWhenCleared: Bool = false
    ) {
        self.proto = proto
        self.camel = camel
        self.zero = codec.zero
        self.omitWhenCleared = omitWhenCleared
        nonisolated(unsafe) let keyPath = keyPath
        // A stored property is read and written at its offset in the model: the runtime's key
        // path projection was most of the cost of a field (loading or exporting 100,000 rules
        // reads and writes a million). Computed properties (a oneof's members) have no offset
        // and keep the key path.
        let get: @Sendable (Model) -> V
        let getAt: @Sendable (UnsafePointer<Model>) -> V
        let set: @Sendable (inout Model, V) -> Void
        if let offset = MemoryLayout<Model>.offset(of: keyPath) {
            get = { model in
                withUnsafeBytes(of: model) { $0.baseAddress!.advanced(by: offset).assumingMemoryBound(to: V.self).pointee }
            }
            getAt = { model in UnsafeRawPointer(model).advanced(by: offset).assumingMemoryBound(to: V.self).pointee }
            set = { model, value in
                withUnsafeMutableBytes(of: &model) { $0.baseAddress!.advanced(by: offset).assumingMemoryBound(to: V.self).pointee = value }
            }
        } else {
            get = { model in model[keyPath: keyPath] }
            getAt = { model in model.pointee[keyPath: keyPath] }
            set = { model, value in model[keyPath: keyPath] = value }
        }
        self.read = { (model, value, path) throws(ModelError) in
            set(&model, try codec.decode(value, path))
        }
        self.canonical = { model in codec.encode(get(model), .keep) }
        self.isCanonical = { model, value in
            let current = get(model)
            if let matches = codec.matchesEncoding { return matches(current, value) }
            return codec.encode(current, .keep) == value
        }
        if let scan = codec.scan {
            self.scanRead = { model, cursor in
                guard let value = scan(&cursor) else { return false }
                set(&model, value)
                return true
            }
        } else {
            self.scanRead = nil
        }
        if let stream = codec.stream {
            self.stream = { model, names, key, object, out in stream(getAt(model), names, key, &object, &out) }
        } else {
            self.stream = { model, names, key, object, out in
                guard let value = codec.encode(getAt(model), names) else { return false }
                object.member(key, value, into: &out)
                return true
            }
        }
        self.merge = { model, sourceValue, names in
            let current = get(model)
            if let sourceValue, let old = try? codec.decode(sourceValue, .root), old == current {
                if names == .keep || !codec.isStructured { return sourceValue }
            }
            return codec.encode(current, names)
        }
    }

    func name(in style: NameStyle) -> String { style == .proto ? proto : camel }
}

/// Reads one JSON value into a Swift value the way Go's protojson reads a field, and writes it
/// back. `encode` returns nil for the field's zero value, which protojson omits.
public struct FieldCodec<Value: Equatable & Sendable>: Sendable {
    let decode: @Sendable (JSONValue, JSONPath) throws(ModelError) -> Value
    let encode: @Sendable (Value, NameStyle) -> JSONValue?
    /// Written when a key that was present in the file now holds the zero value: keeping the
    /// key (rather than dropping it) makes the edit the only difference in the output.
    let zero: JSONValue
    /// Messages must be re-encoded to rename their inner keys; scalars keep their source text.
    let isStructured: Bool
    /// `encode(value, .keep) == json`, answered without building the encoding (optional).
    let matchesEncoding: (@Sendable (Value, JSONValue) -> Bool)?
    /// Reads the value straight from the document when it is written exactly as `encode`
    /// writes it, and gives nil otherwise (see `CanonicalScan`). Without it, a message with
    /// this field is always read through its JSON tree.
    private(set) var scan: (@Sendable (inout Cursor) -> Value?)?
    /// Writes the value as `encode` would give it, under `key`, straight into the output, and
    /// tells whether it wrote anything (nil encodes to nothing). Without it, the value is
    /// encoded to a `JSONValue` and that is written: fine for scalars, but a nested message
    /// would build its whole object first.
    private(set) var stream: Stream?
    /// Writes `value` under `key` into the object being written (see ``stream``).
    typealias Stream = @Sendable (_ value: Value, NameStyle, _ key: String, inout JSONContainerWriter, inout [UInt8]) -> Bool

    public init(
        decode: @escaping @Sendable (JSONValue, JSONPath) throws(ModelError) -> Value,
        encode: @escaping @Sendable (Value, NameStyle) -> JSONValue?,
        zero: JSONValue,
        isStructured: Bool = false,
        matchesEncoding: (@Sendable (Value, JSONValue) -> Bool)? = nil
    ) {
        self.decode = decode
        self.encode = encode
        self.zero = zero
        self.isStructured = isStructured
        self.matchesEncoding = matchesEncoding
    }

    func scanning(_ scan: @escaping @Sendable (inout Cursor) -> Value?) -> FieldCodec {
        var codec = self
        codec.scan = scan
        return codec
    }

    func streaming(_ stream: @escaping Stream) -> FieldCodec {
        var codec = self
        codec.stream = stream
        return codec
    }
}

extension FieldCodec where Value == String {
    static let string = FieldCodec(
        decode: { (value, path) throws(ModelError) in
            switch value {
            case .string(let s): return s
            case .null: return ""
            default: throw .typeMismatch(path, expected: "a string", found: value)
            }
        },
        encode: { value, _ in value.isEmpty ? nil : .string(value) },
        zero: .string(""),
        matchesEncoding: { value, json in
            guard case .string(let s) = json else { return false }
            return !value.isEmpty && s == value
        }
    ).scanning(CanonicalScan.string)
}

extension FieldCodec where Value == Bool {
    static let bool = FieldCodec(
        decode: { (value, path) throws(ModelError) in
            switch value {
            case .bool(let b): return b
            case .null: return false
            default: throw .typeMismatch(path, expected: "true or false", found: value)
            }
        },
        encode: { value, _ in value ? .bool(true) : nil },
        zero: .bool(false)
    ).scanning(CanonicalScan.bool)
}

extension FieldCodec where Value == [String] {
    static let stringList = FieldCodec(
        decode: { (value, path) throws(ModelError) in
            switch value {
            case .null: return []
            case .array(let elements):
                var out: [String] = []
                out.reserveCapacity(elements.count)
                for (i, element) in elements.enumerated() {
                    guard case .string(let s) = element else {
                        let name = path.lastKey.map { " in \"\($0)\"" } ?? ""
                        throw ModelError(path.appending(i), "expected a string\(name), found \(element.kindDescription)")
                    }
                    out.append(s)
                }
                return out
            default: throw .typeMismatch(path, expected: "a list of strings", found: value)
            }
        },
        encode: { value, _ in value.isEmpty ? nil : .array(value.map { .string($0) }) },
        zero: .array([]),
        matchesEncoding: { value, json in
            guard case .array(let elements) = json, !value.isEmpty, elements.count == value.count else { return false }
            for (element, string) in zip(elements, value) {
                guard case .string(let s) = element, s == string else { return false }
            }
            return true
        }
    ).scanning(CanonicalScan.stringList)
}

extension FieldCodec where Value == StringMap {
    static let stringMap = FieldCodec(
        decode: { (value, path) throws(ModelError) in
            switch value {
            case .null: return StringMap()
            case .object(let object):
                var map = StringMap()
                for member in object.members {
                    guard case .string(let s) = member.value else {
                        throw ModelError(
                            path.appending(member.key),
                            "expected a string value for \"\(member.key)\" in \"\(path.lastKey ?? "")\", found \(member.value.kindDescription)"
                        )
                    }
                    map[member.key] = s
                }
                return map
            default: throw .typeMismatch(path, expected: "an object of strings", found: value)
            }
        },
        encode: { value, _ in
            value.isEmpty ? nil : .object(JSONObject(value.pairs.map { JSONMember($0.key, .string($0.value)) }))
        },
        zero: .object([:])
    ).scanning(CanonicalScan.stringMap)
}

extension FieldCodec where Value == ProtoDuration? {
    static let duration = FieldCodec(
        decode: { (value, path) throws(ModelError) in
            switch value {
            case .null: return nil
            case .string(let s):
                guard let d = ProtoDuration(parsing: s) else {
                    throw ModelError(path, "expected a duration like \"30s\" or \"1.5s\" for \"\(path.lastKey ?? "")\", found \"\(s)\"")
                }
                return d
            default: throw .typeMismatch(path, expected: "a duration string like \"30s\"", found: value)
            }
        },
        encode: { value, _ in value.map { .string($0.text) } },
        zero: .null
    ).scanning(CanonicalScan.duration)
}

extension FieldCodec where Value == JSONValue? {
    /// Messages Switchboard passes through without interpreting (`roomConfig`): kept as read.
    static func passthrough(renaming table: KeyRenameTable? = nil) -> FieldCodec {
        FieldCodec(
            decode: { (value, path) throws(ModelError) in
                switch value {
                case .null: return nil
                case .object: return value
                default: throw .typeMismatch(path, expected: "an object", found: value)
                }
            },
            encode: { value, names in
                guard let value else { return nil }
                guard let table, names != .keep else { return value }
                return table.rename(value, to: names)
            },
            zero: .null,
            isStructured: true
        ).scanning(CanonicalScan.object)
    }
}

extension FieldCodec where Value: ProtoEnum {
    /// Protobuf enums: read by name or number, written by name.
    static var protoEnum: FieldCodec<Value> {
        FieldCodec<Value>(
            decode: { (value, path) throws(ModelError) in try Value.decode(value, path) },
            encode: { value, _ in value.isZero ? nil : .string(value.name) },
            zero: .string(Value.zeroName)
        ).scanning(CanonicalScan.protoEnum)
    }
}

extension FieldCodec {
    /// An enum with explicit presence (`optional` in the proto): written whenever set, even to 0.
    static func optionalEnum<E: ProtoEnum>(_: E.Type) -> FieldCodec<E?> where Value == E? {
        FieldCodec<E?>(
            decode: { (value, path) throws(ModelError) in
                if case .null = value { return nil }
                return try E.decode(value, path)
            },
            encode: { value, _ in value.map { .string($0.name) } },
            zero: .null
        ).scanning(CanonicalScan.optionalEnum)
    }

    /// A nested message, itself read and written losslessly.
    static func message<M: ProtoMessage>(_: M.Type) -> FieldCodec<M?> where Value == M? {
        FieldCodec<M?>(
            decode: { (value, path) throws(ModelError) in
                switch value {
                case .null: return nil
                case .object(let object): return try M.decode(object, path: path)
                default: throw .typeMismatch(path, expected: "an object", found: value)
                }
            },
            encode: { value, names in value.map { .object($0.encode(names: names)) } },
            zero: .null,
            isStructured: true,
            // A canonical message writes back exactly the object it was read from.
            matchesEncoding: { value, json in
                guard let value else { return false }
                if value.source.layout != nil { return true }
                return .object(value.encode()) == json
            }
        )
        .scanning(CanonicalScan.message)
        .streaming { value, names, key, object, out in
            guard let value else { return false }
            object.key(key, into: &out)
            value.write(into: &out, names: names, style: object.style, indent: object.valueIndent)
            return true
        }
    }
}

/// `SIPMediaConfig` (LiveKit HEAD): codecs, encryption and media timeout for a trunk or rule.
public struct MediaConfig: ProtoMessage {
    public var onlyListedCodecs = false
    public var codecs: [Codec] = []
    /// Optional in the proto: "unset" and DISABLE differ when trunk and rule merge.
    public var encryption: MediaEncryption?
    public var mediaTimeout: ProtoDuration?
    public var source = MessageSource()

    public init() {}

    public static let table = FieldTable<MediaConfig>([
        FieldSpec("only_listed_codecs", "onlyListedCodecs", \.onlyListedCodecs, .bool),
        FieldSpec("codecs", "codecs", \.codecs, .messageList(Codec.self)),
        FieldSpec("encryption", "encryption", \.encryption, .optionalEnum(MediaEncryption.self)),
        FieldSpec("media_timeout", "mediaTimeout", \.mediaTimeout, .duration),
    ])

    /// `SIPCodec`: a codec name and an optional clock rate.
    public struct Codec: ProtoMessage {
        public var name = ""
        public var rate: UInt32 = 0
        public var source = MessageSource()

        public init() {}
        public init(name: String, rate: UInt32 = 0) {
            self.name = name
            self.rate = rate
        }

        public static let table = FieldTable<Codec>([
            FieldSpec("name", "name", \.name, .string),
            FieldSpec("rate", "rate", \.rate, .uint32),
        ])
    }
}

extension FieldCodec where Value == UInt32 {
    /// uint32 is a JSON number in protojson, but a quoted number is accepted on input too.
    static let uint32 = FieldCodec(
        decode: { (value, path) throws(ModelError) in
            switch value {
            case .null: return 0
            case .number(let n):
                guard let v = n.int64Value, let u = UInt32(exactly: v) else {
                    throw ModelError(path, "expected a whole number from 0 to 4294967295 for \"\(path.lastKey ?? "")\", found \(n.text)")
                }
                return u
            case .string(let s):
                guard let u = UInt32(s) else {
                    throw ModelError(path, "expected a whole number from 0 to 4294967295 for \"\(path.lastKey ?? "")\", found \"\(s)\"")
                }
                return u
            default: throw .typeMismatch(path, expected: "a whole number", found: value)
            }
        },
        encode: { value, _ in value == 0 ? nil : .number(JSONNumber(Int(value))) },
        zero: .number(JSONNumber(0))
    ).scanning(CanonicalScan.uint32)
}

extension FieldCodec {
    static func messageList<M: ProtoMessage>(_: M.Type) -> FieldCodec<[M]> where Value == [M] {
        FieldCodec<[M]>(
            decode: { (value, path) throws(ModelError) in
                switch value {
                case .null: return []
                case .array(let elements):
                    var out: [M] = []
                    for (i, element) in elements.enumerated() {
                        guard case .object(let object) = element else {
                            throw ModelError(
                                path.appending(i), "expected an object in \"\(path.lastKey ?? "")\", found \(element.kindDescription)")
                        }
                        out.append(try M.decode(object, path: path.appending(i)))
                    }
                    return out
                default: throw .typeMismatch(path, expected: "a list of objects", found: value)
                }
            },
            encode: { value, names in value.isEmpty ? nil : .array(value.map { .object($0.encode(names: names)) }) },
            zero: .array([]),
            isStructured: true
        ).scanning(CanonicalScan.messageList)
    }
}

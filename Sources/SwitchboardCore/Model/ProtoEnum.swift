/// A protobuf enum as protojson reads it: by value name or by number. Numbers the model does
/// not know are kept (proto3 enums are open), so a newer LiveKit value survives a round trip.
public protocol ProtoEnum: Sendable, Hashable {
    /// Known values, in number order; the first is the zero value.
    static var known: [(name: String, number: Int, value: Self)] { get }
    static func unrecognized(_ number: Int) -> Self
    var number: Int { get }
}

extension ProtoEnum {
    public static var zeroName: String { known[0].name }
    public var isZero: Bool { number == 0 }

    public var name: String {
        Self.known.first(where: { $0.number == number })?.name ?? String(number)
    }

    public static func decode(_ value: JSONValue, _ path: JSONPath) throws(ModelError) -> Self {
        switch value {
        case .string(let s):
            if let hit = known.first(where: { $0.name == s }) { return hit.value }
            throw ModelError(
                path,
                "expected one of \(known.map(\.name).joined(separator: ", ")) for \"\(path.lastKey ?? "")\", found \"\(s)\"")
        case .number(let n):
            guard let i = n.int64Value, let number = Int(exactly: i), Int32(exactly: number) != nil else {
                throw ModelError(path, "expected an enum number for \"\(path.lastKey ?? "")\", found \(n.text)")
            }
            return known.first(where: { $0.number == number })?.value ?? unrecognized(number)
        default:
            throw .typeMismatch(path, expected: "an enum name or number", found: value)
        }
    }
}

/// `SIPMediaEncryption`. DISABLE doubles as "unset" when trunk and rule settings merge.
public enum MediaEncryption: ProtoEnum {
    case disable, allow, require
    case other(Int)

    public static let known: [(name: String, number: Int, value: MediaEncryption)] = [
        ("SIP_MEDIA_ENCRYPT_DISABLE", 0, .disable),
        ("SIP_MEDIA_ENCRYPT_ALLOW", 1, .allow),
        ("SIP_MEDIA_ENCRYPT_REQUIRE", 2, .require),
    ]
    public static func unrecognized(_ number: Int) -> MediaEncryption { .other(number) }
    public var number: Int {
        switch self {
        case .disable: return 0
        case .allow: return 1
        case .require: return 2
        case .other(let n): return n
        }
    }
}

/// `SIPHeaderOptions`: which INVITE headers become `sip.h.*` attributes.
public enum HeaderOptions: ProtoEnum {
    case none, xHeaders, allHeaders
    case other(Int)

    public static let known: [(name: String, number: Int, value: HeaderOptions)] = [
        ("SIP_NO_HEADERS", 0, .none),
        ("SIP_X_HEADERS", 1, .xHeaders),
        ("SIP_ALL_HEADERS", 2, .allHeaders),
    ]
    public static func unrecognized(_ number: Int) -> HeaderOptions { .other(number) }
    public var number: Int {
        switch self {
        case .none: return 0
        case .xHeaders: return 1
        case .allHeaders: return 2
        case .other(let n): return n
        }
    }
}

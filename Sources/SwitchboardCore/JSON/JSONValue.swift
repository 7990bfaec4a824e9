/// A JSON value that loses nothing a user wrote: object members keep their order (and
/// duplicates, which the model layer reports), and numbers keep their exact text, so a
/// 20-digit integer or `1.50` is written back digit for digit.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The word a person would use for this kind of value in an error message.
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }
}

/// A JSON number kept as the text it was written with.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// `text` must already be a valid JSON number; the parser and the integer initialisers
    /// are the only producers.
    public init(validatedText text: String) { self.text = text }

    public init(_ value: Int) { self.text = String(value) }
    public init(_ value: Int64) { self.text = String(value) }
    public init(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = String(value)
        }
    }

    public var description: String { text }

    /// The value as an integer when the text is an integer (or `12.0`, `1e3`) that fits.
    public var int64Value: Int64? {
        if let v = Int64(text) { return v }
        guard let d = Double(text), d.rounded() == d, abs(d) < 9.2e18 else { return nil }
        return Int64(d)
    }

    public var doubleValue: Double? { Double(text) }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// An object as an ordered list of members. Objects in configuration files are small, so
/// a linear lookup beats the memory of a side index.
public struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) { self.members = members }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.members = elements.map { JSONMember($0.0, $0.1) }
    }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    /// The first member's value with this exact key.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                }
            } else if let newValue {
                members.append(JSONMember(key, newValue))
            }
        }
    }

    public func index(of key: String) -> Int? { members.firstIndex(where: { $0.key == key }) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
}

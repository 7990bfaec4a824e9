/// A value in a document that does not fit the LiveKit model. It carries the JSON path, so the
/// loader can place it at a line and column of the file it came from.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String

    public init(_ path: JSONPath, _ message: String) {
        self.path = path
        self.message = message
    }

    static func typeMismatch(_ path: JSONPath, expected: String, found: JSONValue) -> ModelError {
        let name = path.lastKey.map { " for \"\($0)\"" } ?? ""
        return ModelError(path, "expected \(expected)\(name), found \(found.kindDescription)")
    }

    public var description: String { "\(path): \(message)" }
}

/// Which spelling keys get when a file is written.
public enum NameStyle: String, Sendable, CaseIterable {
    /// Every key as it was read; keys that did not exist are written in lowerCamelCase.
    case keep
    /// lowerCamelCase, the spelling `lk … list --json` prints.
    case camel
    /// snake_case, the protobuf field names.
    case proto
}

/// An input Switchboard cannot read, named the way compilers name errors:
/// `rules.json:14:9: expected a string for "roomName", found a number`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: TextPosition
    public var message: String

    public init(file: String, position: TextPosition = TextPosition(line: 1, column: 1), message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }
}

/// Every input error found in one load (at most one per file), so a user fixes them in one go.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]
    public init(_ errors: [InputError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

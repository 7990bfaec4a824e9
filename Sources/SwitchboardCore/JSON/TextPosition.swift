/// A 1-based line and column, computed from a byte offset only when an error is reported.
/// Columns count characters (Unicode scalars), as editors show them, not bytes.
public struct TextPosition: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public init(offset: Int, in bytes: [UInt8]) {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

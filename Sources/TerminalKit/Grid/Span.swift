/// A run of text in one style: the unit of styled lines (syntax highlighting, key hints).
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text.
public typealias StyledLine = [Span]

extension Array where Element == Span {
    /// The unstyled text of the line.
    public var plainText: String { map(\.text).joined() }

    /// Display width of the whole line.
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

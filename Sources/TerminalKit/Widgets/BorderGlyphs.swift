/// The characters a border is drawn with.
///
/// Unicode box drawing under UTF-8; plain ASCII otherwise (ncurses ACS glyphs are not used:
/// they read back as letters and misrender in some terminals).
public struct BorderGlyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public static let unicode = BorderGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let rounded = BorderGlyphs(
        horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    public static let heavy = BorderGlyphs(
        horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
    public static let ascii = BorderGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")

    /// The normal border for a terminal: box drawing when Unicode works, ASCII otherwise.
    public static func standard(unicode: Bool) -> BorderGlyphs { unicode ? .unicode : .ascii }
}

/// Small symbols with ASCII fallbacks, so widgets never print a glyph the terminal cannot show.
public struct Symbols: Hashable, Sendable {
    public var ellipsis: String
    public var dirty: String
    public var separator: String
    public var cursor: String

    public static let unicode = Symbols(ellipsis: "…", dirty: "●", separator: "│", cursor: "▏")
    public static let ascii = Symbols(ellipsis: "~", dirty: "*", separator: "|", cursor: "_")

    public static func standard(unicode: Bool) -> Symbols { unicode ? .unicode : .ascii }
}

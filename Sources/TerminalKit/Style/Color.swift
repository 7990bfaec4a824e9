/// A colour as a theme or widget asks for it, before it meets a real terminal.
///
/// Colours are requested at the richest precision the author had in mind and degraded at the
/// last moment (see ``ColorDepth`` and ``Color/degraded(to:)``), so a single theme serves
/// truecolor terminals, 256-colour terminals, the 16 ANSI colours and `NO_COLOR` alike.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background (transparent); never degraded.
    case `default`
    /// One of the 16 ANSI colours, `0...15` (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An xterm 256-colour palette index, `0...255`.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI colour names as theme files spell them, indexed by ANSI number.
    public static let ansiNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow",
        "brightBlue", "brightMagenta", "brightCyan", "brightWhite",
    ]

    /// Creates an ANSI colour from its theme-file name (`"red"`, `"brightBlue"`), if known.
    public init?(ansiName name: String) {
        guard let index = Color.ansiNames.firstIndex(of: name) else { return nil }
        self = .ansi(UInt8(index))
    }

    /// A compact, stable spelling used by snapshots and error messages:
    /// `default`, an ANSI name, a palette index, or `#rrggbb`.
    public var name: String {
        switch self {
        case .default:
            return "default"
        case .ansi(let index):
            return Color.ansiNames[Int(index & 15)]
        case .indexed(let index):
            return String(index)
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map(Color.hexByte).joined()
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

/// How many colours a terminal can show, from none at all (`NO_COLOR`, `--color never`) to
/// 24-bit. Ordered, so `depth >= .indexed256` reads naturally.
public enum ColorDepth: Int, Comparable, CaseIterable, Sendable {
    case none = 0
    case ansi16 = 1
    case indexed256 = 2
    case truecolor = 3

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Parses the `--color` spellings: `never`/`none`, `16`, `256`, `truecolor`/`24bit`.
    /// `auto` is not a depth; callers resolve it with ``detect(environment:colors:)``.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "never", "none", "no", "mono": self = .none
        case "16", "ansi", "ansi16": self = .ansi16
        case "256", "indexed", "indexed256": self = .indexed256
        case "truecolor", "24bit", "rgb": self = .truecolor
        default: return nil
        }
    }

    /// Picks a depth from the environment and the number of colours terminfo reports.
    ///
    /// `NO_COLOR` (any non-empty value, per no-color.org) wins; `COLORTERM=truecolor|24bit`
    /// upgrades a 256-colour terminal, because most terminfo entries under-report.
    public static func detect(environment: [String: String], colors: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if colors >= 0x100_0000 { return .truecolor }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colors >= 256 {
            return colorTerm == "truecolor" || colorTerm == "24bit" ? .truecolor : .indexed256
        }
        if colors >= 8 { return .ansi16 }
        return .none
    }
}

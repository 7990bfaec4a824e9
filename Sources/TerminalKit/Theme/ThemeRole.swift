/// The semantic colours a theme defines. Widgets never name a colour, only a role (or an
/// element, see ``ThemeElement``), so one switch of theme recolours everything consistently.
///
/// The first nine roles are required in a theme file; the others have a documented fallback
/// to a required role, so a small theme stays small.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case background, foreground, accent, selection, border, muted, success, warning, error
    case selectionText, borderFocused, title, info, dirty
    case statusBar, statusBarText
    case jsonKey, jsonString, jsonNumber, jsonLiteral, jsonPunctuation
    case status2xx, status3xx, status4xx, status5xx

    /// Whether the role colours a background (the rest colour text).
    public var isBackground: Bool {
        self == .background || self == .selection || self == .statusBar
    }

    /// The role used when a theme file does not set this one; `nil` for required roles.
    public var fallback: ThemeRole? {
        switch self {
        case .background, .foreground, .accent, .selection, .border, .muted, .success, .warning, .error:
            return nil
        case .selectionText, .statusBarText: return .foreground
        case .borderFocused, .title, .info, .jsonKey, .jsonNumber, .status3xx: return .accent
        case .dirty, .status4xx, .jsonLiteral: return .warning
        case .statusBar: return .selection
        case .jsonString, .status2xx: return .success
        case .jsonPunctuation: return .muted
        case .status5xx: return .error
        }
    }

    /// The roles every theme file must set.
    public static var required: [ThemeRole] { allCases.filter { $0.fallback == nil } }
}

/// A role's value: a colour plus the attributes that go with it (`accent = #5fafff bold`).
public struct ThemeColor: Hashable, Sendable {
    public var color: Color
    public var attributes: Style

    public init(
        _ color: Color, bold: Bool = false, dim: Bool = false, italic: Bool = false,
        underline: Bool = false, reverse: Bool = false
    ) {
        self.color = color
        self.attributes = Style(bold: bold, dim: dim, italic: italic, underline: underline, reverse: reverse)
    }
}

/// A colour reference inside an element override: a literal colour or another role.
public enum ThemeColorReference: Hashable, Sendable {
    case color(Color)
    case role(ThemeRole)
}

/// A per-element override from the `[elements]` section:
/// `statusbar.mode = background on accent bold`.
public struct ElementStyle: Hashable, Sendable {
    public var foreground: ThemeColorReference?
    public var background: ThemeColorReference?
    public var attributes: Style

    public init(
        foreground: ThemeColorReference? = nil, background: ThemeColorReference? = nil,
        attributes: Style = .plain
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

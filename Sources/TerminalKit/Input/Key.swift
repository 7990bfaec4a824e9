/// A key press (or mouse event or resize), decoded from whatever the terminal sent.
///
/// Deliberately small: no modifier combinations beyond Ctrl+letter and Shift+Tab, because
/// those are what terminals deliver reliably and what the key-binding table can promise.
public enum Key: Hashable, Sendable {
    /// A printable grapheme (including space). Shifted letters arrive as uppercase.
    case char(Character)
    /// Ctrl plus a character, lowercase letter form: `ctrl("p")` for Ctrl+P.
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Function key F1…F24.
    case function(Int)
    /// The terminal changed size; relayout and repaint everything.
    case resize
    case mouse(MouseEvent)

    /// How the key is written in hints and help: `ctrl+p`, `enter`, `↑`, `PgDn`, `F5`, `?`.
    public var displayName: String {
        switch self {
        case .char(" "): return "space"
        case .char(let character): return String(character)
        case .ctrl(let character): return "ctrl+" + String(character)
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift+tab"
        case .backspace: return "backspace"
        case .delete: return "del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }

    /// ASCII spelling for terminals without UTF-8 (arrows become words).
    public var asciiName: String {
        switch self {
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        default: return displayName
        }
    }
}

/// A mouse event in screen coordinates (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case press(MouseButton)
        case release
        case drag(MouseButton)
        case scrollUp
        case scrollDown
        case move
    }

    public var action: Action
    public var column: Int
    public var row: Int

    public init(action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}

public enum MouseButton: Hashable, Sendable {
    case left, middle, right
}

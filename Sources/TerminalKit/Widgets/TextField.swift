/// The text and cursor of a single-line input field, with the editing keys every text field
/// has (insert, ←/→, home/end, backspace, delete, ctrl+w, ctrl+u). A value, so it lives in the app's
/// state and every edit is testable without a terminal.
///
/// The cursor counts graphemes (`Character`s), not bytes or columns, so it never lands
/// inside an emoji or a combining sequence.
public struct TextFieldState: Hashable, Sendable {
    public private(set) var text: String
    /// 0…`count`: the grapheme the cursor stands before.
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        let count = text.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

    public var count: Int { text.count }
    public var isEmpty: Bool { text.isEmpty }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }

    public mutating func insert(_ character: Character) {
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    public mutating func insert(_ string: String) {
        for character in string { insert(character) }
    }

    /// Backspace: removes the grapheme before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: index(cursor - 1))
        cursor -= 1
    }

    /// Delete: removes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < count else { return }
        text.remove(at: index(cursor))
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = count }

    /// ctrl+w: the word before the cursor (and the spaces after it).
    public mutating func deleteWordBackward() {
        var start = cursor
        let characters = Array(text)
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        text.removeSubrange(index(start)..<index(cursor))
        cursor = start
    }

    /// ctrl+u: everything before the cursor, as in readline (the whole field when the cursor
    /// is at the end, where it usually is).
    public mutating func deleteToStart() {
        text.removeSubrange(text.startIndex..<index(cursor))
        cursor = 0
    }

    /// Empties the field.
    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// Replaces the whole text (an undo, a reset), keeping the cursor where it can stay.
    public mutating func replace(with newText: String) {
        text = newText
        cursor = min(cursor, newText.count)
    }

    /// Applies an editing key; `false` when the key is not one a text field handles (so the
    /// caller can use it: Tab, Enter, Esc, arrows up and down).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let character): insert(character)
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): deleteToStart()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }
}

/// Draws a single-line text field in one row.
///
/// Unfocused, a value longer than the row is cut with an ellipsis. Focused, the row scrolls
/// horizontally so the cursor (drawn as a reverse-video cell, visible under `NO_COLOR`) is
/// always on screen, with an ellipsis at whichever end has more text. Every grapheme is
/// sanitized on its own, so escape sequences from a file show as `\x1b` and the cursor still
/// moves over whole characters. A mask (`•`) replaces each grapheme of a secret.
public struct TextField: Sendable {
    public var state: TextFieldState
    public var focused: Bool
    public var mask: Character?
    /// Shown muted when the text is empty and the field is not focused.
    public var placeholder: String
    public var style: Style
    public var placeholderStyle: Style
    public var ellipsis: String

    public init(
        _ state: TextFieldState, focused: Bool, mask: Character? = nil, placeholder: String = "", style: Style = .plain,
        placeholderStyle: Style = .plain, ellipsis: String = "…"
    ) {
        self.state = state
        self.focused = focused
        self.mask = mask
        self.placeholder = placeholder
        self.style = style
        self.placeholderStyle = placeholderStyle
        self.ellipsis = ellipsis
    }

    /// The graphemes as drawn: sanitized or masked, one display string per grapheme.
    func glyphs() -> [String] {
        state.text.map { character in
            if let mask { return String(mask) }
            return sanitizeForDisplay(String(character))
        }
    }

    /// The first grapheme shown when focused: the smallest scroll that keeps the cursor cell on
    /// screen, leaving a column for each ellipsis that marks hidden text.
    public static func firstVisible(widths: [Int], cursor: Int, width: Int) -> Int {
        let cursorWidth = cursor < widths.count ? widths[cursor] : 1
        let trailing = cursor + 1 < widths.count ? 1 : 0
        var used = cursorWidth + trailing
        var start = cursor
        // Without scrolling: everything up to the cursor fits.
        if widths[..<cursor].reduce(0, +) + used <= width { return 0 }
        used += 1  // the leading ellipsis
        while start > 0, used + widths[start - 1] <= width {
            start -= 1
            used += widths[start]
        }
        return start
    }

    public func render(in rect: Rect, grid: inout CellGrid) {
        guard rect.width > 0, rect.height > 0 else { return }
        let row = rect.y
        let line = Rect(x: rect.x, y: row, width: rect.width, height: 1)
        grid.fill(line, style: style)
        let glyphs = glyphs()
        guard focused else {
            if glyphs.isEmpty {
                grid.write(
                    DisplayWidth.truncate(placeholder, to: rect.width, ellipsis: ellipsis), column: rect.x, row: row,
                    style: placeholderStyle, clip: line)
            } else {
                grid.write(
                    DisplayWidth.truncate(glyphs.joined(), to: rect.width, ellipsis: ellipsis), column: rect.x, row: row,
                    style: style, clip: line)
            }
            return
        }
        var cursorStyle = style
        cursorStyle.reverse = !style.reverse
        let widths = glyphs.map { max(1, DisplayWidth.of($0)) }
        let first = Self.firstVisible(widths: widths, cursor: state.cursor, width: rect.width)
        var column = rect.x
        if first > 0 { column = grid.write(ellipsis, column: column, row: row, style: placeholderStyle, clip: line) }
        var index = first
        while index < glyphs.count {
            let more = index + 1 < glyphs.count ? 1 : 0
            guard column + widths[index] + more <= line.maxX || (index == state.cursor && column + widths[index] <= line.maxX) else {
                break
            }
            column = grid.write(
                glyphs[index], column: column, row: row, style: index == state.cursor ? cursorStyle : style, clip: line)
            index += 1
        }
        if index < glyphs.count {
            grid.write(ellipsis, column: column, row: row, style: placeholderStyle, clip: line)
        } else if state.cursor == glyphs.count {
            grid.write(" ", column: column, row: row, style: cursorStyle, clip: line)
        }
    }
}

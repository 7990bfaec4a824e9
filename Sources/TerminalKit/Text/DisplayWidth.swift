/// Display width of text in terminal columns, from ``WidthTable`` (never libc `wcwidth`).
///
/// Text is measured per grapheme cluster (Swift `Character`), because that is the unit a
/// terminal draws: `e` + combining acute is one column, a flag (two regional indicators) or a
/// ZWJ family is one two-column glyph.
public enum DisplayWidth {
    /// Columns taken by one code point on its own: 0, 1 or 2. Control characters count 0;
    /// they must be escaped (``sanitizeForDisplay(_:keepNewlines:tabWidth:)``) before drawing.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value == 0xAD { return 1 }  // soft hyphen: terminals show it
        if WidthTable.contains(WidthTable.zero, value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return 0
        case .format:
            // Prepended concatenation marks (Arabic number sign…) are visible.
            return (0x0600...0x0605).contains(value) || value == 0x08E2 || value == 0x110BD ? 1 : 0
        default:
            break
        }
        return WidthTable.contains(WidthTable.wide, value) ? 2 : 1
    }

    /// Columns taken by one grapheme cluster: its base code point's width, except that a
    /// cluster asking for emoji presentation (U+FE0F), a ZWJ sequence of emoji and a regional
    /// indicator pair are two columns.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        if scalars.count == 1 { return base }
        if base == 0 {
            // A cluster that starts with a zero-width code point (a stray combining mark)
            // takes the width of whatever visible code point follows.
            return scalars.dropFirst().map { of($0) }.max() ?? 0
        }
        if base == 2 { return 2 }
        var sawPresentationSelector = false
        var sawJoinedEmoji = false
        for scalar in scalars.dropFirst() {
            if scalar.value == 0xFE0F { sawPresentationSelector = true }
            if scalar.value == 0x200D { sawJoinedEmoji = true }
        }
        if sawPresentationSelector { return 2 }
        if sawJoinedEmoji && first.properties.isEmoji && first.value > 0xFF { return 2 }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        return base
    }

    /// Columns taken by a string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, never cutting a grapheme.
    public static func prefix(of text: some StringProtocol, fitting columns: Int) -> (text: String, width: Int) {
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > columns { break }
            result.append(character)
            used += width
        }
        return (result, used)
    }

    /// `text` cut to `columns`, ending in `…` when something had to go.
    public static func truncate(_ text: some StringProtocol, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return String(text) }
        let ellipsisWidth = of(ellipsis)
        guard columns > ellipsisWidth else { return prefix(of: text, fitting: columns).text }
        return prefix(of: text, fitting: columns - ellipsisWidth).text + ellipsis
    }

    /// `text` padded with spaces (or cut) to exactly `columns`.
    public static func pad(_ text: some StringProtocol, to columns: Int) -> String {
        let fitted = prefix(of: text, fitting: columns)
        return fitted.text + String(repeating: " ", count: max(0, columns - fitted.width))
    }
}

/// Text from outside (a webhook's reply, a file's names, values and path) made safe for a
/// terminal in the command line's human output: every control character becomes a visible
/// escape, so `ESC [ 2 J` prints as the six characters `\x1b[2J` instead of clearing the
/// user's screen.
///
/// The same rules as TerminalKit's `sanitizeForDisplay` (which the terminal UI uses; Core does
/// not depend on TerminalKit): C0 controls, DEL, the C1 controls `U+0080…U+009F` (including the
/// single-character CSI `U+009B`) and the bidirectional overrides `U+202A…U+202E`,
/// `U+2066…U+2069` (which make text read differently from what it is). The JSON output needs
/// none of this: the JSON writer escapes control characters itself.
public enum TerminalText {
    /// `text` with every unsafe code point escaped. `keepNewlines` keeps line feeds and tabs
    /// as they are, for multi-line output made of lines that are escaped already (a safety net
    /// at the point of printing); otherwise they are shown as `\n` and `\t`, so a value cannot
    /// start a line that looks like another field.
    public static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepNewlines: keepNewlines) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        let value = scalar.value
        if keepNewlines, value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0xFF:
            let digits = Array("0123456789abcdef")
            return "\\x" + String([digits[Int(scalar.value >> 4)], digits[Int(scalar.value & 15)]])
        default:
            return "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }
}

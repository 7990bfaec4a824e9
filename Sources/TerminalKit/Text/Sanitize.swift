/// Makes untrusted text safe to draw: every control character becomes a visible escape.
///
/// Webhook responses, file names and rule metadata come from outside. Written raw, an `ESC`
/// would let them move the cursor, clear the screen or retitle the window (`\x1b]0;…\x07`).
/// Here `ESC [ 2 J` becomes the six visible characters `\x1b[2J`, C1 controls (`U+0080…U+009F`,
/// including the single-byte CSI `U+009B`) become `\x9b`, and bidirectional overrides — which
/// can make text read differently from what it is — become `\u{202e}`.
///
/// - Parameters:
///   - keepNewlines: keep `\n` (for multi-line views that split lines afterwards); otherwise it
///     is shown as `\n`.
///   - tabWidth: tabs expand to the next multiple of this many columns.
public func sanitizeForDisplay(_ text: String, keepNewlines: Bool = false, tabWidth: Int = 4) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var column = 0
    for character in text {
        guard character.unicodeScalars.contains(where: needsEscape) else {
            result.append(character)
            column += DisplayWidth.of(character)
            continue
        }
        // A control code point can be glued into a grapheme cluster (CR LF, or ESC followed by
        // a combining mark); escape scalar by scalar so nothing slips through inside a cluster.
        for scalar in character.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines:
                result.append("\n")
                column = 0
            case 0x09:
                let width = max(1, tabWidth)
                let spaces = width - column % width
                result += String(repeating: " ", count: spaces)
                column += spaces
            case _ where needsEscape(scalar):
                let escaped = escape(scalar)
                result += escaped
                column += escaped.count
            default:
                result.unicodeScalars.append(scalar)
                column += DisplayWidth.of(scalar)
            }
        }
    }
    return result
}

/// Whether a code point must not reach the terminal as is.
private func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value)
}

private func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x00...0xFF:
        let digits = Array("0123456789abcdef")
        return "\\x" + String([digits[Int(scalar.value >> 4)], digits[Int(scalar.value & 15)]])
    default:
        return "\\u{" + String(scalar.value, radix: 16) + "}"
    }
}

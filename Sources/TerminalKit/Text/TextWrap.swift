/// Word wrapping by display width (not character count), for dialogs and detail values.
public enum TextWrap {
    /// Wraps `text` into lines no wider than `width` columns. Breaks at spaces; a word longer
    /// than a line is split by grapheme. Existing newlines are kept as line breaks.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var remaining = String(word)
                var wordWidth = DisplayWidth.of(remaining)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + remaining
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    let piece = DisplayWidth.prefix(of: remaining, fitting: width)
                    guard !piece.text.isEmpty else { break }  // a glyph wider than the line
                    lines.append(piece.text)
                    remaining = String(remaining.dropFirst(piece.text.count))
                    wordWidth = DisplayWidth.of(remaining)
                }
                line = remaining
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}

/// A scrollable view of styled lines (a response body, a log) with search highlighting.
///
/// Lines must already be safe to display: build them with ``TextView/lines(plainText:style:)``
/// or ``JSONHighlighter``, which sanitize control characters. Long lines are clipped, not
/// wrapped, so line numbers and search positions stay stable; ``horizontalOffset`` scrolls.
public struct TextView: Sendable {
    public var lines: [StyledLine]
    /// First visible line.
    public var offset: Int
    /// Columns scrolled off to the left.
    public var horizontalOffset: Int
    public var search: TextSearch?

    public init(lines: [StyledLine], offset: Int = 0, horizontalOffset: Int = 0, search: TextSearch? = nil) {
        self.lines = lines
        self.offset = offset
        self.horizontalOffset = horizontalOffset
        self.search = search
    }

    /// Splits untrusted text into sanitized lines of one style.
    public static func lines(plainText: String, style: Style = .plain) -> [StyledLine] {
        sanitizeForDisplay(plainText, keepNewlines: true)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { [Span(String($0), style: style)] }
    }

    /// The plain text of each line, what ``TextSearch`` searches.
    public var plainLines: [String] { lines.map(\.plainText) }

    /// The offset that brings `line` into a view of `height` rows, moving as little as
    /// possible (used after `n`/`N` and after a new search).
    public static func offset(revealing line: Int, from offset: Int, height: Int, lineCount: Int) -> Int {
        guard height > 0 else { return 0 }
        var result = offset
        if line < result { result = line }
        if line >= result + height { result = line - height / 2 }
        return max(0, min(result, max(0, lineCount - height)))
    }

    public func render(in rect: Rect, grid: inout CellGrid, theme: Theme) {
        grid.fill(rect, style: theme.base)
        guard !rect.isEmpty else { return }
        let first = max(0, min(offset, max(0, lines.count - rect.height)))
        var matchesByLine: [Int: [(match: TextMatch, isCurrent: Bool)]] = [:]
        if let search {
            for (index, match) in search.matches.enumerated()
            where match.line >= first && match.line < first + rect.height {
                matchesByLine[match.line, default: []].append((match, index == search.current))
            }
        }
        let matchStyle = theme.style(.searchMatch)
        let currentStyle = theme.style(.searchMatchCurrent)
        for row in 0..<rect.height where first + row < lines.count {
            let lineIndex = first + row
            var characters: [(Character, Style)] = []
            for span in lines[lineIndex] {
                for character in span.text { characters.append((character, span.style)) }
            }
            for (match, isCurrent) in matchesByLine[lineIndex] ?? [] {
                for position in match.start..<min(characters.count, match.start + match.length) {
                    characters[position].1 = isCurrent ? currentStyle : matchStyle
                }
            }
            var column = rect.x - horizontalOffset
            for (character, style) in characters {
                column = grid.write(String(character), column: column, row: rect.y + row, style: style, clip: rect)
                if column >= rect.maxX { break }
            }
        }
    }
}

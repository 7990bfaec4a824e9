import Testing

@testable import TerminalKit

@Suite("Text search")
struct TextSearchTests {
    let lines = ["Hello world", "hello HELLO hello", "nothing", "say hello"]

    @Test("smart case: lowercase queries ignore case, mixed case is exact")
    func smartCase() {
        #expect(TextSearch(query: "hello", lines: lines).matches.count == 5)
        #expect(TextSearch(query: "Hello", lines: lines).matches == [TextMatch(line: 0, start: 0, length: 5)])
        #expect(TextSearch(query: "zzz", lines: lines).matches.isEmpty)
        #expect(TextSearch(query: "", lines: lines).matches.isEmpty)
    }

    @Test("n and N wrap around and the status shows position and count")
    func navigation() {
        var search = TextSearch(query: "hello", lines: lines)
        #expect(search.statusText == "1/5")
        search.previous()
        #expect(search.statusText == "5/5")
        #expect(search.currentMatch == TextMatch(line: 3, start: 4, length: 5))
        search.next()
        search.next()
        #expect(search.currentMatch == TextMatch(line: 1, start: 0, length: 5))
        #expect(TextSearch(query: "zzz", lines: lines).statusText == "no matches")
    }

    @Test("the first current match is at or after the view's line")
    func fromLine() {
        let search = TextSearch(query: "hello", lines: lines, fromLine: 2)
        #expect(search.currentMatch?.line == 3)
        let wrapped = TextSearch(query: "world", lines: lines, fromLine: 2)
        #expect(wrapped.currentMatch?.line == 0)
    }

    @Test("matches count graphemes, not code points")
    func graphemes() {
        let search = TextSearch(query: "東京", lines: ["Cafe\u{301} 東京"])
        #expect(search.matches == [TextMatch(line: 0, start: 5, length: 2)])
    }

    @Test("the view highlights matches and the current one differently, and scrolls to reveal")
    func highlighting() {
        let theme = Theme.fallback
        let styled = lines.map { [Span($0, style: theme.base)] }
        var search = TextSearch(query: "hello", lines: lines)
        search.next()
        var grid = CellGrid(width: 20, height: 2)
        TextView(lines: styled, offset: 0, search: search).render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid[0, 0].style == theme.style(.searchMatch))
        #expect(grid[0, 1].style == theme.style(.searchMatchCurrent))
        #expect(grid[6, 1].style == theme.style(.searchMatch))
        #expect(grid[5, 0].style == theme.base)
        #expect(TextView.offset(revealing: 3, from: 0, height: 2, lineCount: 4) == 2)
        #expect(TextView.offset(revealing: 1, from: 0, height: 2, lineCount: 4) == 0)
        #expect(TextView.offset(revealing: 0, from: 2, height: 2, lineCount: 4) == 0)
    }

    @Test("plain text is sanitized into lines")
    func plainLines() {
        let lines = TextView.lines(plainText: "a\u{1B}[2J\nb")
        #expect(lines.map(\.plainText) == ["a\\x1b[2J", "b"])
    }
}

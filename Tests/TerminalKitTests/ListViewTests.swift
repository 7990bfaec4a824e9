import Testing

@testable import TerminalKit

@Suite("List view")
struct ListViewTests {
    @Test("navigation clamps at the ends")
    func navigation() {
        var state = ListState()
        state.move(by: 1, count: 12)
        #expect(state.selected == 0)
        state.move(by: -5, count: 12)
        #expect(state.selected == 0)
        state.selectLast(count: 12)
        #expect(state.selected == 11)
        state.move(by: 3, count: 12)
        #expect(state.selected == 11)
        state.page(-1, viewHeight: 5, count: 12)
        #expect(state.selected == 7)
        state.select(40, count: 0)
        #expect(state.selected == nil)
        #expect(state.positionText(count: 0) == "0/0")
    }

    @Test("the offset moves minimally to keep the selection visible")
    func scrolling() {
        var state = ListState(selected: 0)
        state.select(7, count: 12)
        state.scrollToSelection(viewHeight: 5, count: 12)
        #expect(state.offset == 3)
        state.select(4, count: 12)
        state.scrollToSelection(viewHeight: 5, count: 12)
        #expect(state.offset == 3, "selection still visible: do not scroll")
        state.select(2, count: 12)
        state.scrollToSelection(viewHeight: 5, count: 12)
        #expect(state.offset == 2)
        state.selectLast(count: 12)
        state.scrollToSelection(viewHeight: 5, count: 12)
        #expect(state.offset == 7)
        // The list shrank (a filter): the offset never leaves empty rows at the bottom.
        state.select(1, count: 3)
        state.scrollToSelection(viewHeight: 5, count: 3)
        #expect(state.offset == 0)
        var withMargin = ListState(selected: 5)
        withMargin.scrollToSelection(viewHeight: 5, count: 12, margin: 1)
        #expect(withMargin.offset == 2)
    }

    func makeItems(_ count: Int) -> [ListItem] {
        (1...count).map { ListItem("item \($0)") }
    }

    @Test("position indicator, filter line and selection bar")
    func rendering() {
        let theme = Theme.fallback
        var grid = CellGrid(width: 20, height: 6)
        let view = ListView(
            items: makeItems(12), state: ListState(selected: 6, offset: 0), filter: "ite", isEditingFilter: true,
            totalCount: 40)
        let offset = view.render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(offset == 2)
        #expect(grid.text(row: 0) == " item 3             ")
        #expect(grid.text(row: 4) == " item 7             ")
        #expect(grid.text(row: 5) == " /ite▏   7/12 of 40 ")
        #expect(grid[3, 4].style == theme.style(.listSelected))
        #expect(grid[3, 3].style == theme.style(.listItem))
        #expect(grid[15, 5].style == theme.style(.listPosition))
        #expect(grid[1, 5].style == theme.style(.listFilter))
    }

    @Test("an empty list shows its message and 0/0")
    func empty() {
        var grid = CellGrid(width: 24, height: 3)
        ListView(items: [], state: ListState(), filter: "zz", emptyMessage: "No rules match")
            .render(in: grid.bounds, grid: &grid, theme: .fallback)
        #expect(grid.text(row: 0) == " No rules match         ")
        #expect(grid.text(row: 2) == " /zz" + String(repeating: " ", count: 16) + "0/0 ")
    }

    @Test("a long filter keeps its end visible")
    func longFilter() {
        var grid = CellGrid(width: 12, height: 2)
        ListView(items: makeItems(3), state: ListState(selected: 0), filter: "abcdefghijkl")
            .render(in: grid.bounds, grid: &grid, theme: .fallback)
        #expect(grid.text(row: 1) == " ghijkl 1/3 ")
    }

    @Test("details are right-aligned and give way to the main text")
    func details() {
        var grid = CellGrid(width: 24, height: 2)
        ListView(
            items: [
                ListItem("Support", detail: "+1555", marker: "●"), ListItem("A very long rule name here", detail: "x"),
            ],
            state: ListState(selected: 0), showsFooter: false
        ).render(in: grid.bounds, grid: &grid, theme: .fallback)
        #expect(grid.text(row: 0) == " ● Support        +1555 ")
        #expect(grid.text(row: 1) == " A very long rule n…  x ")
    }

    @Test("without colour the selected row is reverse video, an unfocused one underlined")
    func mono() {
        let theme = Theme.fallback.adapted(to: .none)
        var grid = CellGrid(width: 10, height: 3)
        ListView(items: makeItems(3), state: ListState(selected: 1), showsFooter: false)
            .render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid[2, 1].style.reverse)
        #expect(!grid[2, 0].style.reverse)
        ListView(items: makeItems(3), state: ListState(selected: 1), focused: false, showsFooter: false)
            .render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid[2, 1].style.underline)
    }
}

import TerminalKit

extension KeyMap {
    /// The history's keys: the list, one run's details, a comparison, and the scenario-name
    /// prompt (where letters are typed, so only Enter and Esc are listed).
    static let historyBindings: [KeyBinding] = {
        let list: Set<KeyContext> = [.history]
        let detail: Set<KeyContext> = [.historyDetail]
        let compare: Set<KeyContext> = [.historyCompare]
        let prompt: Set<KeyContext> = [.historyPrompt]
        let scrolling: Set<KeyContext> = [.history, .historyDetail, .historyCompare]
        return [
            bind([.enter], .focusDetail, "details", "In the history", hint: 1, in: list, palette: false),
            bind([.char("r")], .rerunCall, "re-run", "In the history", hint: 2, in: list.union(detail), palette: false),
            bind([.char(" ")], .markRun, "mark", "In the history", hint: 3, in: list, palette: false),
            bind([.char("c")], .compareRuns, "compare with marked", "In the history", hint: 4, in: list.union(detail), palette: false),
            bind([.char("s")], .saveScenario, "save as scenario", "In the history", hint: 5, in: list.union(detail), palette: false),
            bind([.escape], .back, "back", "In the history", hint: 6, in: scrolling, palette: false),
            bind([.char("?")], .help, "help", "In the history", in: list, palette: false),
            bind([.down, .char("j")], .moveDown, "down", "In the history", in: scrolling, palette: false),
            bind([.up, .char("k")], .moveUp, "up", "In the history", in: scrolling, palette: false),
            bind([.pageDown], .pageDown, "page down", "In the history", in: scrolling, palette: false),
            bind([.pageUp], .pageUp, "page up", "In the history", in: scrolling, palette: false),
            bind([.char("g"), .home], .moveTop, "first", "In the history", in: scrolling, palette: false),
            bind([.char("G"), .end], .moveBottom, "last", "In the history", in: scrolling, palette: false),

            bind([.tab, .right, .char("l")], .nextPane, "next pane", "In a run", hint: 1, in: detail, palette: false),
            bind([.backTab, .left, .char("h")], .previousPane, "previous pane", "In a run", in: detail, palette: false),
            bind([.char("1")], .requestPane, "request pane", "In a run", in: detail, palette: false),
            bind([.char("2")], .responsePane, "response pane", "In a run", in: detail, palette: false),
            bind([.char("3")], .outcomePane, "outcome pane", "In a run", in: detail, palette: false),

            bind([.char("n")], .nextDifference, "next difference", "In a comparison", hint: 1, in: compare, palette: false),
            bind([.char("N")], .previousDifference, "previous difference", "In a comparison", hint: 2, in: compare, palette: false),

            bind([.enter], .runCommand, "save the scenario", "Naming a scenario", hint: 1, in: prompt, palette: false),
            bind([.escape], .closeOverlay, "cancel", "Naming a scenario", hint: 2, in: prompt, palette: false),
        ]
    }()
}

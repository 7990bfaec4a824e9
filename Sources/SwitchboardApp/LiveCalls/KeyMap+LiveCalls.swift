import TerminalKit

extension KeyMap {
    /// The Live calls screen's keys: move through the calls, Enter opens one in the simulator's
    /// panes (from the run history), Esc goes back (the endpoint keeps listening).
    static let liveCallsBindings: [KeyBinding] = {
        let screen: Set<KeyContext> = [.live]
        return [
            bind(
                [.enter, .char("l")], .focusDetail, "open the call's request, response and outcome", "In live calls", hint: 1, in: screen,
                palette: false),
            bind(
                [.escape, .char("q")], .back, "back (the endpoint keeps listening)", "In live calls", hint: 2, in: screen, palette: false),
            bind([.down, .char("j")], .moveDown, "older call", "In live calls", in: screen, palette: false),
            bind([.up, .char("k")], .moveUp, "newer call", "In live calls", in: screen, palette: false),
            bind([.pageDown], .pageDown, "page down", "In live calls", in: screen, palette: false),
            bind([.pageUp], .pageUp, "page up", "In live calls", in: screen, palette: false),
            bind([.char("g"), .home], .moveTop, "newest (and follow new calls)", "In live calls", in: screen, palette: false),
            bind([.char("G"), .end], .moveBottom, "oldest", "In live calls", in: screen, palette: false),
            bind([.char("?")], .help, "help", "In live calls", in: screen, palette: false),
        ]
    }()
}

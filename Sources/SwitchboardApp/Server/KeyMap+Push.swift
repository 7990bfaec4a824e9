import TerminalKit

extension KeyMap {
    /// The push screen's keys: `y` sends, Esc leaves (not while sending), the rest scroll.
    static let pushBindings: [KeyBinding] = {
        let screen: Set<KeyContext> = [.push]
        return [
            bind([.char("y")], .sendPush, "send the plan to the server", "In push", hint: 1, in: screen, palette: false),
            bind([.escape, .char("q")], .back, "back (sends nothing)", "In push", hint: 2, in: screen, palette: false),
            bind([.down, .char("j")], .moveDown, "scroll down", "In push", in: screen, palette: false),
            bind([.up, .char("k")], .moveUp, "scroll up", "In push", in: screen, palette: false),
            bind([.pageDown, .char(" ")], .pageDown, "page down", "In push", in: screen, palette: false),
            bind([.pageUp], .pageUp, "page up", "In push", in: screen, palette: false),
            bind([.char("g"), .home], .moveTop, "top", "In push", in: screen, palette: false),
            bind([.char("G"), .end], .moveBottom, "bottom", "In push", in: screen, palette: false),
            bind([.char("?")], .help, "help", "In push", in: screen, palette: false),
        ]
    }()
}

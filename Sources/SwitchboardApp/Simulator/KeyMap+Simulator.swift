import TerminalKit

extension KeyMap {
    /// The simulator's keys. In the form letters are typed, so its commands are Enter, Esc,
    /// Tab and ctrl keys; in the result panes letters are commands (copy, panes, scrolling).
    static let simulatorBindings: [KeyBinding] = {
        let form: Set<KeyContext> = [.simulator]
        let result: Set<KeyContext> = [.simulatorResult]
        let picker: Set<KeyContext> = [.simulatorPicker]
        let running: Set<KeyContext> = [.simulatorRunning]
        return [
            bind([.enter], .runCall, "run the call", "In the call form", hint: 1, in: form, palette: false),
            bind([.ctrl("o")], .chooseSavedCall, "choose a saved call", "In the call form", hint: 2, in: form, palette: false),
            bind([.tab, .down], .nextField, "next field", "In the call form", hint: 3, in: form, palette: false),
            bind([.backTab, .up], .previousField, "previous field", "In the call form", in: form, palette: false),
            bind([.ctrl("r")], .focusResult, "go to the result panes", "In the call form", hint: 4, in: form, palette: false),
            bind([.ctrl("u")], .clearField, "clear to the start of the field", "In the call form", in: form, palette: false),
            bind([.backspace], .deleteBackward, "delete a character", "In the call form", in: form, palette: false),
            bind([.escape], .back, "back to the lists", "In the call form", hint: 5, in: form, palette: false),

            bind([.char("y")], .copyPane, "copy body or JSON", "In the call result", hint: 1, in: result, palette: false),
            bind([.char("C")], .copyCurl, "copy as curl", "In the call result", hint: 2, in: result, palette: false),
            bind(
                [.char("J")], .copyOutcome, "copy the outcome JSON (as simulate --json)", "In the call result", in: result, palette: false),
            bind([.tab, .right, .char("l")], .nextPane, "next pane", "In the call result", hint: 3, in: result, palette: false),
            bind([.backTab, .left, .char("h")], .previousPane, "previous pane", "In the call result", in: result, palette: false),
            bind([.char("1")], .requestPane, "request pane", "In the call result", in: result, palette: false),
            bind([.char("2")], .responsePane, "response pane", "In the call result", in: result, palette: false),
            bind([.char("3")], .outcomePane, "outcome pane", "In the call result", in: result, palette: false),
            bind([.down, .char("j")], .moveDown, "scroll down", "In the call result", in: result, palette: false),
            bind([.up, .char("k")], .moveUp, "scroll up", "In the call result", in: result, palette: false),
            bind([.pageDown, .char(" ")], .pageDown, "page down", "In the call result", in: result, palette: false),
            bind([.pageUp], .pageUp, "page up", "In the call result", in: result, palette: false),
            bind([.char("g"), .home], .moveTop, "top", "In the call result", in: result, palette: false),
            bind([.char("G"), .end], .moveBottom, "bottom", "In the call result", in: result, palette: false),
            bind([.enter], .runCall, "run the call again", "In the call result", hint: 4, in: result, palette: false),
            bind([.escape], .focusForm, "edit the call", "In the call result", hint: 5, in: result, palette: false),
            bind([.char("?")], .help, "help", "In the call result", in: result, palette: false),

            bind([.enter], .pickSavedCall, "fill the form with this call", "In the saved calls", hint: 1, in: picker, palette: false),
            bind([.escape], .closeOverlay, "close", "In the saved calls", hint: 2, in: picker, palette: false),
            bind([.down, .char("j")], .moveDown, "down", "In the saved calls", in: picker, palette: false),
            bind([.up, .char("k")], .moveUp, "up", "In the saved calls", in: picker, palette: false),

            bind([.escape], .cancelCall, "cancel the call", "While a call runs", hint: 1, in: running, palette: false),
        ]
    }()
}

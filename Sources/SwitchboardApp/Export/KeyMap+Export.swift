import TerminalKit

extension KeyMap {
    /// The export screen's keys; while the path is edited letters are typed, so only Enter,
    /// Esc and Tab are listed there.
    static let exportBindings: [KeyBinding] = {
        let screen: Set<KeyContext> = [.export]
        let path: Set<KeyContext> = [.exportPath]
        return [
            bind([.enter], .writeExport, "write the export", "In export", hint: 1, in: screen, palette: false),
            bind([.tab, .right, .char("f")], .nextFormat, "next format", "In export", hint: 2, in: screen, palette: false),
            bind([.backTab, .left], .previousFormat, "previous format", "In export", in: screen, palette: false),
            bind([.char("e"), .char("p")], .editPath, "edit the target path", "In export", hint: 3, in: screen, palette: false),
            bind([.char("n")], .cycleNames, "key names: keep, camel, proto", "In export", hint: 4, in: screen, palette: false),
            bind([.escape], .back, "back", "In export", hint: 5, in: screen, palette: false),
            bind([.char("r")], .revealSecrets, "show or hide secrets in the preview", "In export", in: screen, palette: false),
            bind([.char("?")], .help, "help", "In export", in: screen, palette: false),
            bind([.down, .char("j")], .moveDown, "scroll the preview down", "In export", in: screen, palette: false),
            bind([.up, .char("k")], .moveUp, "scroll the preview up", "In export", in: screen, palette: false),
            bind([.pageDown, .char(" ")], .pageDown, "page down", "In export", in: screen, palette: false),
            bind([.pageUp], .pageUp, "page up", "In export", in: screen, palette: false),
            bind([.char("g"), .home], .moveTop, "top", "In export", in: screen, palette: false),
            bind([.char("G"), .end], .moveBottom, "bottom", "In export", in: screen, palette: false),

            bind([.enter], .writeExport, "write to this path", "Editing the export path", hint: 1, in: path, palette: false),
            bind([.escape], .back, "cancel the edit", "Editing the export path", hint: 2, in: path, palette: false),
            bind([.tab], .nextField, "keep the path", "Editing the export path", hint: 3, in: path, palette: false),
        ]
    }()
}

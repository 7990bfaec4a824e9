import TerminalKit

extension KeyMap {
    /// The form's keys, for the status bar and help; ``App/handleFormKey(_:_:_:)`` reads the
    /// keys itself, because what a key does depends on the focused field (letters type into
    /// text fields; space toggles a switch).
    static let formBindings: [KeyBinding] = {
        let form: Set<KeyContext> = [.form]
        let group = "In the edit form"
        return [
            bind([.ctrl("s")], .applyForm, "apply and save", group, hint: 1, in: form, palette: false),
            bind([.escape], .back, "leave (asks when changed)", group, hint: 2, in: form, palette: false),
            bind([.tab, .down], .nextField, "next field", group, hint: 3, in: form, palette: false),
            bind([.backTab, .up], .previousField, "previous field", group, in: form, palette: false),
            bind([.enter], .changeField, "toggle, pick a value, next field", group, hint: 4, in: form, palette: false),
            bind([.ctrl("z")], .undo, "undo the last change in the form", group, hint: 5, in: form, palette: false),
            bind([.ctrl("u")], .clearField, "clear to the start of the field", group, in: form, palette: false),
            bind([.ctrl("r")], .revealSecrets, "show or hide the password", group, in: form, palette: false),
            bind([.function(1)], .help, "help (also ? outside text fields)", group, in: form, palette: false),
            bind([.ctrl("g")], .openConflict, "open the conflicting rule or trunk", group, in: form, palette: false),
        ]
    }()
}

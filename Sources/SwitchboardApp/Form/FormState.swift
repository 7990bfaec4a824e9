import SwitchboardCore
import TerminalKit

/// One row of the form the focus can stand on: a field, or one entry of a list or map field
/// (`entry` = the entry count is the row that adds a new entry).
public struct FormRowID: Sendable, Hashable {
    public var field: FormField
    public var entry: Int?

    public init(_ field: FormField, entry: Int? = nil) {
        self.field = field
        self.entry = entry
    }
}

/// A finding shown in the form: under the field it is about (`field` nil: at the top).
public struct FormIssue: Sendable, Equatable {
    public var severity: Diagnostic.Severity
    public var field: FormField?
    public var entry: Int?
    public var message: String
}

/// The other item a refused apply collides with, so the form can name it and open it.
public struct FormConflict: Sendable, Equatable {
    public var other: ItemKey
    public var otherName: String
    public var message: String
}

/// The open picker of a choice field (or of the trunks a rule can list).
public struct FormPicker: Sendable, Equatable {
    public var row: FormRowID
    /// What is shown for each option.
    public var labels: [String]
    /// What picking it sets.
    public var values: [String]
    public var selected: Int
}

/// The item being edited and its fields (``Screen/form``).
///
/// The draft is the model value itself, changed on every keystroke through the model's
/// properties (so validation runs as the user types and untouched fields stay as the file
/// wrote them). What cannot live in the model yet — entries that do not parse, the values of
/// the rule types the user switched away from — is kept beside it.
public struct FormState: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case edit
        case new
        case duplicate(of: ItemKey)
    }

    public var mode: Mode
    /// The item as the form opened with it: the dirty marker compares against it.
    public private(set) var original: FormItem
    public private(set) var draft: FormItem
    /// Entry texts of list and map fields as typed, including entries that do not parse yet.
    private(set) var entries: [FormField: [String]] = [:]
    /// Texts of parsed fields (durations, JSON) as typed.
    private(set) var texts: [FormField: String] = [:]
    private(set) var parseErrors: [FormField: String] = [:]
    private(set) var entryErrors: [FormField: [Int: String]] = [:]
    /// The values of rule types switched away from, by type name, so switching back loses nothing.
    private(set) var stash: [String: RuleKind] = [:]
    /// The PIN before switching to a dynamic rule (which has none), carried back.
    private(set) var carriedPin = ""
    public private(set) var focus: FormRowID
    /// The text and cursor of the focused row when it edits text.
    public private(set) var editor = TextFieldState()
    public var picker: FormPicker?
    /// Lines of the form scrolled off the top.
    public var scroll = 0
    /// The password shown in clear (ctrl+r); starts hidden.
    public var reveal = false
    /// Set when applying was refused for a conflict; cleared when the draft changes.
    public var conflict: FormConflict?
    /// Findings of Core's validation of the draft, in the context of the workspace.
    public private(set) var diagnostics: [Diagnostic] = []
    private(set) var context: ItemValidation.Context
    /// Earlier drafts for ctrl+z; typing in one row is one step.
    private var undoStack: [Snapshot] = []
    private var lastEdited: FormRowID?
    /// Forms this one was opened from (the conflicting rule's form opens over the draft that
    /// conflicted); Esc returns to the last.
    public var parents: [FormState] = []

    struct Snapshot: Sendable, Equatable {
        var draft: FormItem
        var entries: [FormField: [String]]
        var texts: [FormField: String]
        var parseErrors: [FormField: String]
        var entryErrors: [FormField: [Int: String]]
        var stash: [String: RuleKind]
        var focus: FormRowID
    }

    public init(_ item: FormItem, mode: Mode, workspace: Workspace) {
        self.mode = mode
        original = item
        draft = item
        context = ItemValidation.Context(workspace: workspace)
        focus = FormRowID(item.fields.first ?? .name)
        resetEntries()
        revalidate()
        focusChanged()
    }

    /// Re-reads entry and parsed texts from the draft (on open and after an undo).
    private mutating func resetEntries() {
        for field in FormField.allCases {
            switch field.input {
            case .list, .map: entries[field] = draft.list(field)
            case .parsed: texts[field] = draft.parsedText(field)
            default: break
            }
        }
    }

    // MARK: Reading

    public var isDirty: Bool { draft != original || !parseErrors.isEmpty || entryErrors.values.contains { !$0.isEmpty } }

    public var isNew: Bool { mode != .edit }

    /// Every row the focus can reach, in order.
    public var rows: [FormRowID] {
        draft.fields.flatMap { field -> [FormRowID] in
            switch field.input {
            case .list, .map: return (0...entryTexts(field).count).map { FormRowID(field, entry: $0) }
            default: return [FormRowID(field)]
            }
        }
    }

    public func entryTexts(_ field: FormField) -> [String] { entries[field] ?? [] }

    /// The text a textual row shows (entries and parsed fields as typed).
    public func text(of row: FormRowID) -> String {
        switch row.field.input {
        case .list, .map:
            let list = entryTexts(row.field)
            guard let entry = row.entry, entry < list.count else { return "" }
            return list[entry]
        case .parsed: return texts[row.field] ?? ""
        default: return draft.text(row.field)
        }
    }

    /// Parse problems and Core's findings, each placed under its field.
    public var issues: [FormIssue] {
        var out: [FormIssue] = []
        for field in draft.fields {
            if let problem = parseErrors[field] { out.append(FormIssue(severity: .error, field: field, message: problem)) }
            for (entry, problem) in (entryErrors[field] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out.append(FormIssue(severity: .error, field: field, entry: entry, message: problem))
            }
        }
        let fields = Set(draft.fields)
        for diagnostic in diagnostics {
            var field = Self.field(for: diagnostic, in: draft)
            if let mapped = field, !fields.contains(mapped) { field = nil }
            out.append(FormIssue(severity: diagnostic.severity, field: field, message: diagnostic.message))
        }
        return out
    }

    public var errorCount: Int { issues.count(where: { $0.severity == .error }) }
    public var warningCount: Int { issues.count(where: { $0.severity == .warning }) }

    /// The form field a finding of Core's validation is about.
    static func field(for diagnostic: Diagnostic, in item: FormItem) -> FormField? {
        guard let name = diagnostic.field else { return nil }
        switch (item, name) {
        case (.rule, "numbers"): return .ruleNumbers
        case (.rule, "rule"): return .ruleType
        case (_, "media"):
            if diagnostic.message.hasPrefix("media timeout") { return .mediaTimeout }
            if diagnostic.message.hasPrefix("unknown media encryption") { return .mediaEncryptionOverride }
            return .mediaCodecs
        default: return FormField(rawValue: name)
        }
    }

    // MARK: Focus

    /// Moves the focus by `delta` rows (Tab, ↑/↓), dropping an entry left empty.
    public mutating func moveFocus(by delta: Int) {
        let all = rows
        guard let index = all.firstIndex(of: focus) else {
            focus = all.first ?? focus
            focusChanged()
            return
        }
        let target = all[(index + delta + all.count) % all.count]
        setFocus(target)
    }

    /// Focuses a row; an entry left empty is removed on the way out.
    public mutating func setFocus(_ target: FormRowID) {
        var target = target
        if focus != target, let entry = focus.entry, focus.field.input == .list || focus.field.input == .map {
            var list = entryTexts(focus.field)
            if entry < list.count, list[entry].trimmedForForm.isEmpty {
                list.remove(at: entry)
                entries[focus.field] = list
                entryErrors[focus.field] = draft.setList(focus.field, list)
                if target.field == focus.field, let next = target.entry, next > entry { target.entry = next - 1 }
                revalidate()
            }
        }
        focus = rows.contains(target) ? target : (rows.first ?? target)
        lastEdited = nil
        focusChanged()
    }

    private mutating func focusChanged() {
        editor = TextFieldState(focus.field.isTextual ? text(of: focus) : "")
    }

    // MARK: Editing

    private mutating func pushUndo(for row: FormRowID) {
        if lastEdited == row, !undoStack.isEmpty { return }
        undoStack.append(
            Snapshot(
                draft: draft, entries: entries, texts: texts, parseErrors: parseErrors, entryErrors: entryErrors, stash: stash,
                focus: focus))
        if undoStack.count > 200 { undoStack.removeFirst() }
        lastEdited = row
    }

    /// ctrl+z: the draft as it was before the last change (typing in one field is one change).
    @discardableResult
    public mutating func undo() -> Bool {
        guard let snapshot = undoStack.popLast() else { return false }
        draft = snapshot.draft
        entries = snapshot.entries
        texts = snapshot.texts
        parseErrors = snapshot.parseErrors
        entryErrors = snapshot.entryErrors
        stash = snapshot.stash
        focus = rows.contains(snapshot.focus) ? snapshot.focus : focus
        lastEdited = nil
        conflict = nil
        revalidate()
        focusChanged()
        return true
    }

    /// A text editing key on the focused row; `false` when the key is not one.
    public mutating func editText(_ key: Key) -> Bool {
        guard focus.field.isTextual else { return false }
        var next = editor
        guard next.handle(key) else { return false }
        guard next.text != editor.text else {
            editor = next
            return true
        }
        pushUndo(for: focus)
        editor = next
        setText(next.text, for: focus)
        return true
    }

    /// Writes a row's text into the draft: through the model for text, parsed when it must be,
    /// and as an entry (the add row becomes a new entry) for lists and maps.
    mutating func setText(_ text: String, for row: FormRowID) {
        switch row.field.input {
        case .text, .secret:
            draft.setText(row.field, text)
        case .parsed:
            texts[row.field] = text
            parseErrors[row.field] = draft.setParsed(row.field, text)
        case .list, .map:
            var list = entryTexts(row.field)
            let entry = row.entry ?? list.count
            if entry >= list.count {
                list.append(text)
                focus = FormRowID(row.field, entry: list.count - 1)
                lastEdited = focus
            } else {
                list[entry] = text
            }
            entries[row.field] = list
            entryErrors[row.field] = draft.setList(row.field, list)
        case .toggle, .choice:
            return
        }
        draftChanged()
    }

    /// Enter or space on a toggle.
    public mutating func toggle() {
        guard focus.field.input == .toggle else { return }
        pushUndo(for: focus)
        lastEdited = nil
        draft.setFlag(focus.field, !draft.flag(focus.field))
        draftChanged()
    }

    /// ←/→ on a choice: the previous or next value.
    public mutating func cycleChoice(by delta: Int) {
        let choices = draft.choices(focus.field)
        guard !choices.isEmpty else { return }
        let current = choices.firstIndex(of: draft.choice(focus.field)) ?? (delta > 0 ? -1 : 0)
        choose(choices[(current + delta + choices.count) % choices.count], for: focus.field)
    }

    /// Sets a choice field (the rule type through ``switchType(to:)``).
    public mutating func choose(_ value: String, for field: FormField) {
        guard draft.choice(field) != value else { return }
        pushUndo(for: FormRowID(field))
        lastEdited = nil
        if field == .ruleType {
            switchType(to: value)
        } else {
            draft.setChoice(field, value)
        }
        draftChanged()
    }

    /// Adds a trunk ID picked from the loaded trunks.
    public mutating func addEntry(_ value: String, to field: FormField) {
        var list = entryTexts(field)
        pushUndo(for: FormRowID(field, entry: list.count))
        lastEdited = nil
        list.append(value)
        entries[field] = list
        entryErrors[field] = draft.setList(field, list)
        focus = FormRowID(field, entry: list.count)
        draftChanged()
        focusChanged()
    }

    /// Switches the rule type, keeping the common fields (everything outside the `rule`
    /// oneof, and the PIN) and the values of every type visited, so switching back restores
    /// them exactly (with their spelling in the file).
    mutating func switchType(to name: String) {
        guard case .rule(var rule) = draft else { return }
        let current = rule.kind
        if let current { stash[current.typeName] = current }
        var pin = carriedPin
        if let current, current.typeName != "dynamic" { pin = current.pin }
        carriedPin = pin
        let room = current?.roomNameOrPrefix ?? ""
        var kind: RuleKind
        if let stashed = stash[name] {
            kind = stashed
        } else {
            switch name {
            case "direct": kind = .direct(DirectRule(roomName: room))
            case "individual": kind = .individual(IndividualRule(roomPrefix: room))
            case "callee": kind = .callee(CalleeRule(roomPrefix: room))
            default: kind = .dynamic(DynamicRule(url: "", method: "POST"))
            }
        }
        switch kind {
        case .direct(var r) where r.pin != pin:
            r.pin = pin
            kind = .direct(r)
        case .individual(var r) where r.pin != pin:
            r.pin = pin
            kind = .individual(r)
        case .callee(var r) where r.pin != pin:
            r.pin = pin
            kind = .callee(r)
        default: break
        }
        rule.kind = kind
        draft = .rule(rule)
    }

    private mutating func draftChanged() {
        conflict = nil
        revalidate()
    }

    /// Core's checks of the draft; cheap enough for every keystroke (conflicts with other
    /// items are checked on apply).
    mutating func revalidate() {
        switch draft {
        case .trunk(let trunk): diagnostics = ItemValidation.check(trunk)
        case .rule(let rule): diagnostics = ItemValidation.check(rule, context: context)
        }
    }

    /// After the workspace changed under a form (returning to it from another one).
    mutating func refresh(workspace: Workspace) {
        context = ItemValidation.Context(workspace: workspace)
        conflict = nil
        revalidate()
    }

    /// The row of the first error, for the refusal to apply.
    public var firstErrorRow: FormRowID? {
        let order = draft.fields
        let errors = issues.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        let placed = errors.compactMap { issue -> (Int, FormIssue)? in
            guard let field = issue.field, let index = order.firstIndex(of: field) else { return nil }
            return (index, issue)
        }
        guard let first = placed.min(by: { ($0.0, $0.1.entry ?? 0) < ($1.0, $1.1.entry ?? 0) })?.1, let field = first.field else {
            return nil
        }
        switch field.input {
        case .list, .map: return FormRowID(field, entry: first.entry ?? 0)
        default: return FormRowID(field)
        }
    }
}

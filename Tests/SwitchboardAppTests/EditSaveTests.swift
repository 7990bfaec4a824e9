import SwitchboardApp
import SwitchboardCore
import SwitchboardIO
import TerminalKit
import Testing

/// Saving, the guards on quit and reload, and the recovery file.
@Suite("Edit session: save, guards, recovery")
struct EditSaveTests {
    static let recoveryPath = "/state/switchboard/project.json-0123456789abcdef.recovery.json"

    static func state(recovery: Bool = false) -> AppState {
        var state = Fixtures.state()
        if recovery {
            state.options.recoveryPath = recoveryPath
            state.options.fileHashes = ["samples/project.json": ContentHash.hex(ContentHash.fingerprint(Array(Fixtures.projectJSON.utf8)))]
        }
        return state
    }

    static func edited(_ state: AppState = state(), name: String = "Support (nights)") -> AppState {
        var state = state
        var rule = state.catalog.rule(id: "SDR_SupportQue7x")!
        rule.name = name
        App.commit(.rule(rule), &state)
        return state
    }

    static func writes(_ effects: [Effect]) -> [FileWrite] {
        effects.compactMap {
            if case .writeFile(let write) = $0 { return write }
            return nil
        }
    }

    static func written(_ write: FileWrite, _ outcome: Result<Int, FileWriteFailure>? = nil) -> Message {
        .fileWritten(FileWriteResult(path: write.path, purpose: write.purpose, outcome: outcome ?? .success(write.bytes.count)))
    }

    static func toast(_ state: AppState) -> String? { state.toast?.toast.message }

    @Test("ctrl+s writes the project file: only the edited rule differs, unknown keys and spellings are kept")
    func saveBytes() throws {
        let (state, effects) = Fixtures.press([.ctrl("s")], on: Self.edited())
        let write = try #require(Self.writes(effects).first)
        #expect(Self.writes(effects).count == 1)
        #expect(write.path == "samples/project.json")
        #expect(write.purpose == .saveProject)
        #expect(state.edits.isDirty)  // until the write answers
        let original = try #require(try JSONParser.parse(Array(Fixtures.projectJSON.utf8)).objectValue)
        let saved = try #require(try JSONParser.parse(write.bytes).objectValue)
        #expect(saved.keys == original.keys)
        for key in original.keys where key != "dispatchRules" {
            #expect(saved[key] == original[key], "\(key) changed")
        }
        let before = try #require(original["dispatchRules"]?.arrayValue)
        let after = try #require(saved["dispatchRules"]?.arrayValue)
        #expect(before.count == after.count)
        for (old, new) in zip(before, after) {
            let id = old.objectValue?["sipDispatchRuleId"]?.stringValue
            if id == "SDR_SupportQue7x" {
                var expected = try #require(old.objectValue)
                expected["name"] = .string("Support (nights)")
                #expect(new == .object(expected))
            } else {
                #expect(new == old, "\(id ?? "?") changed")
            }
        }
        // The unknown `roomConfig` of the first rule came through.
        #expect(after[0].objectValue?["roomConfig"] != nil)
    }

    @Test("a successful write marks clean and shows how many errors remain; a failed one keeps the edits")
    func saveResult() throws {
        var (state, effects) = Fixtures.press([.ctrl("s")], on: Self.edited())
        let write = try #require(Self.writes(effects).first)
        var failed = state
        _ = App.reduce(&failed, Self.written(write, .failure(.failed("Permission denied"))))
        #expect(failed.edits.isDirty)
        #expect(Self.toast(failed)?.contains("Permission denied") == true)
        #expect(Self.toast(failed)?.contains("kept") == true)
        _ = App.reduce(&state, Self.written(write))
        #expect(!state.edits.isDirty)
        #expect(!Fixtures.screen(state).contains { $0.contains("unsaved") })
        let errors = state.catalog.errorCount
        #expect(Self.toast(state)?.hasPrefix("Saved samples/project.json") == true)
        if errors > 0 { #expect(Self.toast(state)?.contains("\(errors) error") == true) }
        // Undo after a save: dirty again, against what is now on disk.
        state = Fixtures.press([.char("u")], on: state).0
        #expect(state.edits.isDirty)
    }

    @Test("an edit made while the save is out stays unsaved when the save answers")
    func editDuringSave() throws {
        let (saving, effects) = Fixtures.press([.ctrl("s")], on: Self.edited())
        let write = try #require(Self.writes(effects).first)
        var state = Self.edited(saving, name: "Support (weekends)")
        _ = App.reduce(&state, Self.written(write))
        #expect(state.edits.isDirty)
        #expect(state.edits.changeCount == 1)
    }

    @Test("q with unsaved edits asks; d quits without saving, c and Esc stay")
    func quitGuard() {
        var state = Self.edited()
        state = Fixtures.press([.char("q")], on: state).0
        #expect(!state.isQuitting)
        guard case .confirm(let question) = state.overlay else {
            Issue.record("no question")
            return
        }
        #expect(question.message.contains("1 unsaved change"))
        #expect(Fixtures.screen(state).contains { $0.contains("Save and quit") && $0.contains("Cancel") })
        #expect(!Fixtures.press([.char("c")], on: state).0.isQuitting)
        #expect(!Fixtures.press([.escape], on: state).0.isQuitting)
        #expect(Fixtures.press([.char("d")], on: state).0.isQuitting)
        // Nothing unsaved: q quits at once.
        #expect(Fixtures.press([.char("q")], on: Fixtures.state()).0.isQuitting)
    }

    @Test("save and quit quits only after the write succeeded")
    func saveAndQuit() throws {
        let (state, effects) = Fixtures.press([.char("q"), .char("s")], on: Self.edited())
        #expect(!state.isQuitting)
        let write = try #require(Self.writes(effects).first)
        var failed = state
        _ = App.reduce(&failed, Self.written(write, .failure(.failed("disk full"))))
        #expect(!failed.isQuitting)
        #expect(failed.edits.isDirty)
        var succeeded = state
        _ = App.reduce(&succeeded, Self.written(write))
        #expect(succeeded.isQuitting)
    }

    @Test("R with unsaved edits asks before reloading; a reload starts a clean session")
    func reloadGuard() {
        var (state, effects) = Fixtures.press([.char("R")], on: Self.edited())
        #expect(effects.isEmpty)
        guard case .confirm = state.overlay else {
            Issue.record("no question")
            return
        }
        (state, effects) = Fixtures.press([.char("y")], on: state)
        #expect(effects == [.reload(paths: ["samples/project.json"])])
        _ = App.reduce(&state, .reloaded(.success(Fixtures.catalog)))
        #expect(!state.edits.isDirty)
        #expect(state.edits.undoStack.isEmpty)
        // Clean: R reloads at once.
        #expect(Fixtures.press([.char("R")], on: Fixtures.state()).1 == [.reload(paths: ["samples/project.json"])])
    }

    @Test("dirty edits reach the recovery file on a tick, at most every 5 s; clean again removes it")
    func recoveryTick() throws {
        var state = Self.edited(Self.state(recovery: true))
        let first = App.reduce(&state, .tick(milliseconds: 10_000))
        let write = try #require(Self.writes(first).first)
        #expect(write.path == Self.recoveryPath)
        #expect(write.purpose == .recovery)
        let document = try RecoveryDocument.decode(write.bytes, workspace: state.workspace)
        #expect(document.changes.map(\.key) == [ItemKey(.rule, "SDR_SupportQue7x")])
        #expect(document.fileHashes["samples/project.json"] == state.options.fileHashes["samples/project.json"])
        // Nothing new: no write. A new edit within 5 s waits for the interval.
        #expect(App.reduce(&state, .tick(milliseconds: 10_100)).isEmpty)
        state = Self.edited(state, name: "Again")
        #expect(App.reduce(&state, .tick(milliseconds: 12_000)).isEmpty)
        #expect(Self.writes(App.reduce(&state, .tick(milliseconds: 15_000))).count == 1)
        // Undo everything: the file goes.
        state = Fixtures.press([.char("u"), .char("u")], on: state).0
        #expect(App.reduce(&state, .tick(milliseconds: 15_100)) == [.removeFile(path: Self.recoveryPath)])
    }

    @Test("SIGTERM writes the recovery file synchronously and quits; clean, it just quits")
    func termination() throws {
        var state = Self.edited(Self.state(recovery: true))
        let effects = App.reduce(&state, .terminationRequested)
        #expect(state.isQuitting)
        let write = try #require(Self.writes(effects).first)
        #expect(write.synchronous)
        #expect(write.path == Self.recoveryPath)
        var clean = Self.state(recovery: true)
        #expect(App.reduce(&clean, .terminationRequested).isEmpty)
        #expect(clean.isQuitting)
    }

    @Test("a recovery file found at start is offered; restore brings the edits back unsaved, discard removes it")
    func restoreOffer() throws {
        var dying = Self.edited(Self.state(recovery: true))
        var added = DispatchRule()
        added.name = "Night line"
        App.commit(.rule(added), &dying)
        dying = Fixtures.press([.delete, .char("y")], on: EditSessionTests.onRule("SDR_BoardRoom987", dying)).0
        let bytes = try #require(Self.writes(App.reduce(&dying, .terminationRequested)).first).bytes

        var state = Self.state(recovery: true)
        App.offerRecovery(bytes, &state)
        guard case .confirm(let question) = state.overlay else {
            Issue.record("no offer")
            return
        }
        #expect(question.message.contains("3 unsaved changes"))
        #expect(!question.message.contains("Changed on disk"))
        #expect(Fixtures.screen(state).contains { $0.contains("Recover unsaved edits") })
        let discarded = Fixtures.press([.char("d")], on: state)
        #expect(discarded.1 == [.removeFile(path: Self.recoveryPath)])
        #expect(!discarded.0.edits.isDirty)

        let restored = Fixtures.press([.char("r")], on: state).0
        #expect(restored.edits.changeCount == 3)
        #expect(restored.catalog.rule(id: "SDR_SupportQue7x")?.name == "Support (nights)")
        #expect(restored.catalog.rule(id: "SDR_BoardRoom987") == nil)
        #expect(restored.workspace.rules.contains { $0.name == "Night line" })
        #expect(restored.workspace.rules.map(\.id) == dying.workspace.rules.map(\.id))
        // One undo takes the whole restore back.
        #expect(!Fixtures.press([.char("u")], on: restored).0.edits.isDirty)

        // Files changed since: the offer says so.
        var changed = Self.state(recovery: true)
        changed.options.fileHashes["samples/project.json"] = "0000000000000000"
        App.offerRecovery(bytes, &changed)
        if case .confirm(let question) = changed.overlay {
            #expect(question.message.contains("Changed on disk since: samples/project.json"))
        }
    }

    @Test("quitting without saving on purpose removes the recovery file")
    func quitDiscardingRemovesRecovery() {
        var state = Self.edited(Self.state(recovery: true))
        _ = App.reduce(&state, .tick(milliseconds: 10_000))
        let (after, effects) = Fixtures.press([.char("q"), .char("d")], on: state)
        #expect(after.isQuitting)
        #expect(effects == [.removeFile(path: Self.recoveryPath)])
    }
}

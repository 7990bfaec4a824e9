import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// The export screen through `update`: formats, preview, the write, the overwrite question.
@Suite("Export screen")
struct ExportUpdateTests {
    static func opened(columns: Int = 120, rows: Int = 40) -> AppState {
        Fixtures.press([.char("x")], on: Fixtures.state(columns: columns, rows: rows)).0
    }

    @Test("x opens on the project format, a default path next to the project, and the exact bytes")
    func opens() throws {
        let state = Self.opened()
        let exporter = try #require(state.exporter)
        #expect(state.screen == .export)
        #expect(exporter.format == .project)
        #expect(exporter.path.text == "samples/project-export.json")
        #expect(exporter.files.count == 1)
        #expect(exporter.files[0].bytes == JSONWriter.bytes(WorkspaceWriter.projectDocument(of: state.workspace)))
        let screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("\"sipTrunkId\": \"ST_FrntDsk7Qa2b\""))
        // The API secret is masked in the preview; r shows it.
        #expect(!screen.contains("demo-secret-do-not-use"))
        #expect(screen.contains("\"apiSecret\": \"••••••\""))
        let (revealed, _) = Fixtures.press([.char("r")], on: state)
        #expect(Fixtures.screen(revealed).joined().contains("demo-secret-do-not-use"))
    }

    @Test("switching the format changes the preview, the files and the default path; warnings appear")
    func formatSwitch() throws {
        let (state, _) = Fixtures.press([.tab], on: Self.opened())
        let exporter = try #require(state.exporter)
        #expect(exporter.format == .lkCreate)
        #expect(exporter.path.text == "samples/lk-create")
        #expect(exporter.files.count == state.workspace.trunks.count + state.workspace.rules.count)
        #expect(exporter.files.map(\.name).contains("rule-SDR_DynRouter8Hk.json"))
        let screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("── trunk-ST_FrntDsk7Qa2b.json"))
        #expect(screen.contains("\"trunk\": {"))
        #expect(screen.contains("is a dynamic rule"))
        #expect(!exporter.warnings.isEmpty)
        // A path the user typed is kept across format switches.
        var (edited, _) = Fixtures.press([.char("e"), .ctrl("u")] + Fixtures.type("/tmp/out") + [.tab, .tab], on: state)
        #expect(edited.exporter?.format == .lkUpdate)
        #expect(edited.exporter?.path.text == "/tmp/out")
        (edited, _) = Fixtures.press([.char("n")], on: edited)
        #expect(edited.exporter?.names == .camel)
    }

    @Test("Enter writes without replacing; an existing file asks, naming it; yes replaces; a toast says where")
    func writeAndOverwrite() throws {
        var (state, effects) = Fixtures.press([.enter], on: Self.opened())
        let bytes = JSONWriter.bytes(WorkspaceWriter.projectDocument(of: state.workspace))
        #expect(
            effects == [.writeFile(FileWrite(path: "samples/project-export.json", bytes: bytes, purpose: .export, replaceExisting: false))])
        (state, effects) = App.update(
            state, .fileWritten(FileWriteResult(path: "samples/project-export.json", purpose: .export, outcome: .failure(.alreadyExists))))
        #expect(effects.isEmpty)
        guard case .confirm(let question) = state.overlay else {
            Issue.record("expected the overwrite question")
            return
        }
        #expect(question.message.contains("samples/project-export.json already exists"))
        (state, effects) = Fixtures.press([.char("y")], on: state)
        #expect(
            effects == [.writeFile(FileWrite(path: "samples/project-export.json", bytes: bytes, purpose: .export, replaceExisting: true))])
        (state, _) = App.update(
            state, .fileWritten(FileWriteResult(path: "samples/project-export.json", purpose: .export, outcome: .success(bytes.count))))
        #expect(state.toast?.toast.kind == .success)
        #expect(state.toast?.toast.message.hasPrefix("Exported to samples/project-export.json (") == true)
        #expect(state.toast?.toast.message.hasSuffix(" kB)") == true)
        #expect(state.exporter?.error == nil)
    }

    @Test("declining the overwrite writes nothing and says so; a failure is one clear line")
    func declineAndFail() {
        var (state, _) = Fixtures.press([.enter], on: Self.opened())
        (state, _) = App.update(
            state, .fileWritten(FileWriteResult(path: "samples/project-export.json", purpose: .export, outcome: .failure(.alreadyExists))))
        var effects: [Effect]
        (state, effects) = Fixtures.press([.escape], on: state)
        #expect(effects.isEmpty)
        #expect(state.exporter?.error?.contains("samples/project-export.json exists") == true)
        (state, _) = Fixtures.press([.enter], on: state)
        (state, _) = App.update(
            state,
            .fileWritten(
                FileWriteResult(path: "samples/project-export.json", purpose: .export, outcome: .failure(.failed("Permission denied")))))
        #expect(state.toast?.toast.kind == .error)
        #expect(Fixtures.screen(state).contains { $0.contains("Not written: Permission denied") })
    }

    @Test("the lk formats write one file per item into the directory and ask once for those that exist")
    func directoryTarget() throws {
        var (state, effects) = Fixtures.press([.tab, .enter], on: Self.opened())
        let paths = effects.compactMap { effect -> String? in
            if case .writeFile(let write) = effect, !write.replaceExisting { return write.path }
            return nil
        }
        #expect(paths.count == state.workspace.trunks.count + state.workspace.rules.count)
        #expect(paths.contains("samples/lk-create/rule-SDR_DynRouter8Hk.json"))
        for (index, path) in paths.enumerated() {
            let outcome: Result<Int, FileWriteFailure> = index < 2 ? .failure(.alreadyExists) : .success(10)
            (state, effects) = App.update(state, .fileWritten(FileWriteResult(path: path, purpose: .export, outcome: outcome)))
        }
        guard case .confirm(let question) = state.overlay else {
            Issue.record("expected one question for the existing files")
            return
        }
        #expect(question.message.contains("2 files in samples/lk-create already exist"))
        (state, effects) = Fixtures.press([.char("y")], on: state)
        #expect(effects.count == 2)
        for effect in effects {
            guard case .writeFile(let write) = effect else { continue }
            #expect(write.replaceExisting)
            (state, _) = App.update(state, .fileWritten(FileWriteResult(path: write.path, purpose: .export, outcome: .success(10))))
        }
        #expect(state.toast?.toast.message.hasPrefix("Exported \(paths.count) files to samples/lk-create") == true)
    }
}

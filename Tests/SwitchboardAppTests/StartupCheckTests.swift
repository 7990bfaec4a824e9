import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// At start-up the lists are drawn before the workspace is validated; the findings arrive from
/// a background check and must then look exactly as if they had been there from the start.
@Suite("Start-up check in the background")
struct StartupCheckTests {
    static func checkingState() -> AppState {
        AppState(
            catalog: WorkspaceCatalog.checkingLater(Fixtures.catalog.workspace),
            options: AppOptions(unicode: true, inputPaths: ["samples/project.json"]),
            size: TerminalSize(columns: 120, rows: 40), mouseEnabled: true)
    }

    /// The screen of each tab (trunks, rules, project) in `state`.
    static func tabs(_ state: AppState) -> [String] {
        ["1", "2", "3"].map { tab in Fixtures.screen(Fixtures.press([.char(Character(tab))], on: state).0).joined(separator: "\n") }
    }

    @Test("the first frame says the check is running; its findings then fill in, as if validated up front")
    func fillsIn() throws {
        let starting = Self.checkingState()
        // The loop's first message is the terminal's size; the check is asked for with it.
        let (sized, effects) = App.update(starting, .resize(TerminalSize(columns: 120, rows: 40)))
        let request = try #require(
            effects.compactMap { effect -> CheckRequest? in
                if case .check(let request) = effect { return request }
                return nil
            }.first)
        #expect(effects.count == 1)
        #expect(request.revision == starting.workspaceRevision)
        #expect(App.update(sized, .key(.char("j"))).1.isEmpty, "asked for once, not on every message")
        #expect(Self.tabs(starting)[2].contains("Checks") && Self.tabs(starting)[2].contains("checking…"))
        #expect(Self.tabs(starting) != Self.tabs(Fixtures.state()), "before the check, no markers or counts")

        let result = request.run()
        #expect(!result.findings.all.isEmpty, "the fixture has findings to show")
        let (checked, more) = App.update(starting, .checked(result))
        #expect(more.isEmpty)
        #expect(!checked.catalog.isChecking)
        #expect(checked.workspaceRevision == starting.workspaceRevision, "same workspace: a cached routing index stays valid")
        #expect(Self.tabs(checked) == Self.tabs(Fixtures.state()), "markers, counts and the project's checks as if validated first")
        #expect(!Self.tabs(checked)[2].contains("checking…"))
    }

    @Test("a check of an older workspace is dropped")
    func staleResultDropped() {
        let starting = Self.checkingState()
        let (after, _) = App.update(
            starting,
            .checked(CheckResult(revision: starting.workspaceRevision &+ 1, findings: ValidationFindings(Fixtures.catalog.workspace))))
        #expect(after.catalog.isChecking)
        #expect(Self.tabs(after)[2].contains("checking…"))
    }

    @Test("an edit of a large workspace is checked at once but for reachability, which is redone in the background")
    func largeEditCheckedInBackground() throws {
        var rng = SeededGenerator(seed: 5)
        let output = ConfigurationGenerator(trunks: 100, rules: 6_000).generate(using: &rng)
        let source = SourceDocument(path: "big.json", bytes: JSONWriter.bytes(output.projectDocument()))
        var loadRNG = SeededGenerator(seed: 1)
        let workspace = try WorkspaceLoader.load([source], using: &loadRNG)
        let state = AppState(
            catalog: WorkspaceCatalog(workspace: workspace), options: AppOptions(unicode: true, inputPaths: ["big.json"]),
            size: TerminalSize(columns: 120, rows: 40), mouseEnabled: true)
        let firstRule = workspace.rules[0].id

        // Delete the first rule: the list shows the deletion and its findings at once; the
        // reachability check is asked for.
        let (asked, _) = Fixtures.press([.char("2"), .delete], on: state)
        let (deleted, effects) = Fixtures.press([.char("y")], on: asked)
        #expect(deleted.catalog.workspace.rules.count == 5_999)
        #expect(!deleted.catalog.isChecking)
        #expect(deleted.catalog.reachabilityIsStale)
        let upFront = WorkspaceCatalog(workspace: deleted.catalog.workspace)
        let notReachability = { (catalog: WorkspaceCatalog) in catalog.diagnostics.filter { !$0.message.hasPrefix("unreachable: ") } }
        #expect(notReachability(deleted.catalog) == notReachability(upFront))
        let request = try #require(
            effects.compactMap { effect -> CheckRequest? in
                if case .check(let request) = effect { return request }
                return nil
            }.first)
        #expect(request.revision == deleted.workspaceRevision)
        #expect(!request.workspace.rules.contains { $0.id == firstRule })

        #expect(request.findings != nil, "only reachability is redone")
        let (checked, _) = App.update(deleted, .checked(request.run()))
        #expect(!checked.catalog.isChecking && !checked.catalog.reachabilityIsStale)
        #expect(checked.catalog.diagnostics == upFront.diagnostics)
        #expect(checked.catalog.warningCount > 0, "the generated workspace has findings to compare")
    }

    @Test("a validated catalog asks for no check")
    func noCheckWhenValidated() {
        #expect(App.update(Fixtures.state(), .resize(TerminalSize(columns: 120, rows: 40))).1.isEmpty)
    }
}

import SwitchboardCore

/// The start-up check of a workspace, run in the background so the first frame does not wait
/// for it (validating 100,000 rules takes seconds; drawing the list, milliseconds).
///
/// ``App/initialEffects(_:)`` asks for it when the catalog was built with
/// ``WorkspaceCatalog/checkingLater(_:)``; the result is applied only if the workspace is
/// still the one checked: an edit or reload meanwhile built a checked catalog of its own.
public struct CheckRequest: Sendable, Equatable {
    /// ``AppState/workspaceRevision`` of the workspace checked.
    public var revision: Int
    public var workspace: Workspace

    public init(revision: Int, workspace: Workspace) {
        self.revision = revision
        self.workspace = workspace
    }

    /// Requests are told apart by revision: equal revisions are equal workspaces.
    public static func == (a: CheckRequest, b: CheckRequest) -> Bool { a.revision == b.revision }
}

/// The check's findings for the workspace at `revision`.
public struct CheckResult: Sendable {
    public var revision: Int
    public var diagnostics: [Diagnostic]

    public init(revision: Int, diagnostics: [Diagnostic]) {
        self.revision = revision
        self.diagnostics = diagnostics
    }
}

extension App {
    /// Effects to start with the loop, before the first key.
    public static func initialEffects(_ state: AppState) -> [Effect] {
        guard state.catalog.isChecking else { return [] }
        return [.check(CheckRequest(revision: state.workspaceRevision, workspace: state.catalog.workspace))]
    }

    static func applyCheck(_ result: CheckResult, _ state: inout AppState) {
        guard result.revision == state.workspaceRevision, state.catalog.isChecking else { return }
        state.adoptFindings(state.catalog.checked(result.diagnostics))
    }
}

import SwitchboardCore

/// The check of a workspace (validation, conflicts), run in the background when it would hold
/// up the screen: at start-up, so the first frame does not wait for it, and after each edit of
/// a large workspace (validating 100,000 rules takes seconds; redrawing the list, milliseconds).
///
/// A catalog built with ``WorkspaceCatalog/checkingLater(_:)`` makes ``App/reduce(_:_:)`` ask
/// for a check once per workspace revision; the result is applied only if the workspace is
/// still the one checked (another edit meanwhile asked for its own check).
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
    /// The check the current catalog still needs, once per workspace revision.
    static func requestCheckIfNeeded(_ state: inout AppState) -> Effect? {
        guard state.catalog.isChecking, state.checkRequestedFor != state.workspaceRevision else { return nil }
        state.checkRequestedFor = state.workspaceRevision
        return .check(CheckRequest(revision: state.workspaceRevision, workspace: state.catalog.workspace))
    }

    static func applyCheck(_ result: CheckResult, _ state: inout AppState) {
        guard result.revision == state.workspaceRevision, state.catalog.isChecking else { return }
        state.adoptFindings(state.catalog.checked(result.diagnostics))
    }
}

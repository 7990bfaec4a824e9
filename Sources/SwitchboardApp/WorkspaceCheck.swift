import SwitchboardCore

/// The check of a workspace (validation, conflicts), run in the background when it would hold
/// up the screen: at start-up, so the first frame does not wait for it, and after each edit of
/// a large workspace (validating 100,000 rules takes seconds; redrawing the list, milliseconds).
///
/// A catalog built with ``WorkspaceCatalog/checkingLater(_:)`` makes ``App/reduce(_:_:)`` ask
/// for a check once per workspace revision; the result is applied only if the workspace is
/// still the one checked (another edit meanwhile asked for its own check).
///
/// After an edit of a large workspace the catalog patches its findings at once
/// (``WorkspaceCatalog/applying(_:)``) but for reachability, which any rule's change may
/// affect: the request then carries those findings and only their reachability is redone.
public struct CheckRequest: Sendable, Equatable {
    /// ``AppState/workspaceRevision`` of the workspace checked.
    public var revision: Int
    public var workspace: Workspace
    /// Findings that are current but for reachability; nil: check everything.
    public var findings: ValidationFindings?

    public init(revision: Int, workspace: Workspace, findings: ValidationFindings? = nil) {
        self.revision = revision
        self.workspace = workspace
        self.findings = findings
    }

    /// The check itself (in the background).
    public func run() -> CheckResult {
        guard var findings else { return CheckResult(revision: revision, findings: ValidationFindings(workspace)) }
        findings.refreshReachability(workspace)
        return CheckResult(revision: revision, findings: findings)
    }

    /// Requests are told apart by revision: equal revisions are equal workspaces.
    public static func == (a: CheckRequest, b: CheckRequest) -> Bool { a.revision == b.revision }
}

/// The check's findings for the workspace at `revision`.
public struct CheckResult: Sendable {
    public var revision: Int
    public var findings: ValidationFindings

    public init(revision: Int, findings: ValidationFindings) {
        self.revision = revision
        self.findings = findings
    }
}

extension App {
    /// The check the current catalog still needs, once per workspace revision.
    static func requestCheckIfNeeded(_ state: inout AppState) -> Effect? {
        let catalog = state.catalog
        guard catalog.isChecking || catalog.reachabilityIsStale, state.checkRequestedFor != state.workspaceRevision else {
            return nil
        }
        state.checkRequestedFor = state.workspaceRevision
        return .check(
            CheckRequest(
                revision: state.workspaceRevision, workspace: catalog.workspace,
                findings: catalog.isChecking ? nil : catalog.findings.validation))
    }

    static func applyCheck(_ result: CheckResult, _ state: inout AppState) {
        guard result.revision == state.workspaceRevision, state.catalog.isChecking || state.catalog.reachabilityIsStale else {
            return
        }
        state.adoptFindings(state.catalog.checked(result.findings))
    }
}

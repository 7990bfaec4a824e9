/// The formats of `switchboard export` (cli.md section 2), shared by the command and the TUI's
/// export screen so both write identical bytes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One project file at the target path.
    case project
    /// One `lk sip … create` request per trunk and rule, in the target directory.
    case lkCreate = "lk-create"
    /// One `lk sip … update` file per trunk and rule, in the target directory.
    case lkUpdate = "lk-update"

    /// The target is a directory holding one file per item (lk formats) rather than a file.
    public var writesDirectory: Bool { self != .project }

    /// What the format is for, in a few words (the export screen shows it).
    public var summary: String {
        switch self {
        case .project: return "one Switchboard project file (trunks, rules, settings, calls)"
        case .lkCreate: return "one `lk sip … create` request per trunk and rule, without IDs"
        case .lkUpdate: return "one `lk sip … update` file per trunk and rule, IDs included"
        }
    }

    /// The files to write: for ``project`` one file named by the caller (empty `name`); for
    /// the lk formats one per item, named `trunk-<ID>.json` / `rule-<ID>.json`.
    public func files(of workspace: Workspace, names: NameStyle = .keep) -> [WorkspaceWriter.OutputFile] {
        switch self {
        case .project: return [WorkspaceWriter.OutputFile(name: "", project: WorkspaceWriter.projectLayout(of: workspace, names: names))]
        case .lkCreate: return WorkspaceWriter.lkCreateFiles(of: workspace, names: names)
        case .lkUpdate: return WorkspaceWriter.lkUpdateFiles(of: workspace, names: names)
        }
    }

    /// What to tell the user before the files reach `lk`.
    public func warnings(for workspace: Workspace) -> [String] {
        ExportWarnings.warnings(for: workspace, lk: writesDirectory)
    }
}

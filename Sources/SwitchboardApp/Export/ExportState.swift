import SwitchboardCore
import TerminalKit

/// The export screen: format, key spelling, target path, a preview of exactly what would be
/// written (the workspace as edited now), and the write in progress.
public struct ExportState: Sendable, Equatable {
    public var format = ExportFormat.project
    public var names = NameStyle.keep
    public var path: TextFieldState
    /// The user typed the path: switching formats no longer replaces it with the default.
    public var pathEdited = false
    /// The path field has the keyboard.
    public var editingPath = false
    /// The path before editing started (Esc puts it back).
    var pathBeforeEdit = ""
    /// Secrets (API secret, trunk passwords) shown in clear in the preview (`r`); the file
    /// always holds them as they are.
    public var revealSecrets = false
    /// Preview rows scrolled off the top.
    public var offset = 0
    /// The files the export writes, built when the screen opens or the format or names
    /// change, so the preview and the write show and write the same bytes.
    public var files: [ExportFile] = []
    public var preview: [SimulatorContent.Line] = []
    public var warnings: [String] = []
    /// The write in flight, or waiting for the overwrite answer.
    public var batch: ExportBatch?
    /// Files that exist, waiting for the overwrite answer (``ConfirmIntent/overwriteExport``),
    /// with the count and bytes of the files already written in the same export.
    public var pendingOverwrite: [String] = []
    var pendingOverwriteWritten = 0
    var pendingOverwriteBytes = 0
    /// The last failure, in one line (shown until the next write or change).
    public var error: String?

    /// The project's directory (with its `/`), where default targets go.
    public var directory: String

    public init(directory: String = "") {
        self.directory = directory
        self.path = TextFieldState(directory + ExportState.defaultName(.project))
    }

    /// `project-export.json` for the project format, a directory `lk-create/` or
    /// `lk-update/` for the lk formats.
    public static func defaultName(_ format: ExportFormat) -> String {
        switch format {
        case .project: return "project-export.json"
        case .lkCreate: return "lk-create"
        case .lkUpdate: return "lk-update"
        }
    }

    public var keyContext: KeyContext { editingPath ? .exportPath : .export }

    /// Total bytes the export writes.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes.count } }
}

/// One file of an export: its path relative to the target (empty for the project format,
/// whose target is the file itself) and its bytes.
public struct ExportFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A write of one or more files: results come back one per file; files that already exist
/// are collected so one question covers them all.
public struct ExportBatch: Sendable, Equatable {
    /// Full paths still waiting for their result.
    public var waiting: Set<String>
    public var written: [String] = []
    public var bytesWritten = 0
    /// Paths that exist and were not replaced (yet).
    public var existing: [String] = []
    public var failures: [String] = []
    /// The target as shown to the user (file or directory).
    public var target: String

    public init(waiting: Set<String>, target: String) {
        self.waiting = waiting
        self.target = target
    }
}

/// A file the app asks to write (``Effect/writeFile(_:)``): the project on ctrl+s, an export,
/// a scenario appended to the scenarios file, the recovery file.
///
/// The bytes are complete when the effect is issued, so `update` decides exactly what goes to
/// disk and tests can read it; the runner only writes them atomically, off the UI thread, and
/// answers with ``Message/fileWritten(_:)``.
public struct FileWrite: Sendable, Equatable {
    /// Why the file is written: tells `update` which screen the result belongs to.
    public enum Purpose: Sendable, Equatable {
        case saveProject
        case export
        case saveScenario
        case recovery
    }

    public var path: String
    public var bytes: [UInt8]
    public var purpose: Purpose
    /// `false`: fail with ``FileWriteFailure/alreadyExists`` instead of replacing a file, so
    /// the screen can ask before overwriting (and nothing is lost when the user says no).
    public var replaceExisting: Bool
    /// Written before ``EffectRunner/run(_:)`` returns: the recovery file on SIGTERM, when the
    /// process ends right after.
    public var synchronous: Bool
    /// `true`: when the file exists, keep its layout: the runner reads it and writes
    /// ``JSONSplice/splice(original:updated:)`` of it and `bytes` (only the changed values'
    /// bytes change, so the user's `git diff` shows just the edit), or `bytes` when that fails.
    /// `bytes` must be JSON then. The file on disk holds the same JSON as `bytes` either way.
    public var preserveLayout: Bool

    public init(
        path: String, bytes: [UInt8], purpose: Purpose, replaceExisting: Bool = true, synchronous: Bool = false,
        preserveLayout: Bool = false
    ) {
        self.path = path
        self.bytes = bytes
        self.purpose = purpose
        self.replaceExisting = replaceExisting
        self.synchronous = synchronous
        self.preserveLayout = preserveLayout
    }
}

/// How a ``FileWrite`` ended.
public struct FileWriteResult: Sendable, Equatable {
    public var path: String
    public var purpose: FileWrite.Purpose
    /// Bytes written, or why nothing was.
    public var outcome: Result<Int, FileWriteFailure>
    /// The content hash (``ContentHash``) of what is on disk when it is not the request's
    /// bytes (a ``FileWrite/preserveLayout`` save kept the file's layout); nil otherwise.
    public var writtenHash: String?

    public init(path: String, purpose: FileWrite.Purpose, outcome: Result<Int, FileWriteFailure>, writtenHash: String? = nil) {
        self.path = path
        self.purpose = purpose
        self.outcome = outcome
        self.writtenHash = writtenHash
    }
}

/// Why a file was not written, as the user should read it.
public enum FileWriteFailure: Error, Sendable, Equatable {
    /// The path exists and the write asked not to replace it.
    case alreadyExists
    /// The system refused (`project.json: could not write: Permission denied`).
    case failed(String)

    public var message: String {
        switch self {
        case .alreadyExists: return "the file already exists"
        case .failed(let reason): return reason
        }
    }
}

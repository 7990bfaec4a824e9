import Foundation

/// How a ``Effect/readFile(path:)`` ended: the bytes, nil when there is no file at the path
/// (a scenarios file not created yet), or why it could not be read.
public struct FileReadResult: Sendable, Equatable {
    public var path: String
    public var outcome: Result<[UInt8]?, FileWriteFailure>

    public init(path: String, outcome: Result<[UInt8]?, FileWriteFailure>) {
        self.path = path
        self.outcome = outcome
    }
}

/// Reads files for the ``LiveEffectRunner`` (off the UI thread).
enum FileReader {
    static func read(_ path: String) -> FileReadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return FileReadResult(path: path, outcome: .success(nil))
        }
        if isDirectory.boolValue {
            return FileReadResult(path: path, outcome: .failure(.failed("it is a directory")))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return FileReadResult(path: path, outcome: .failure(.failed("this user may not read it")))
        }
        return FileReadResult(path: path, outcome: .success([UInt8](data)))
    }
}

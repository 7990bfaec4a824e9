import Dispatch
import SwitchboardCore
import SwitchboardIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Performs ``FileWrite``s for the ``LiveEffectRunner``: one serial queue, so two saves of the
/// same file land in the order they were asked for, and the UI thread never waits on a disk.
final class FileWriter: Sendable {
    private let queue = DispatchQueue(label: "switchboard.file-writer", qos: .userInitiated)

    /// Writes in the background and posts ``Message/fileWritten(_:)`` to `mailbox`.
    func write(_ request: FileWrite, mailbox: Mailbox) {
        if request.synchronous {
            // After any write already queued, and done before returning.
            queue.sync { mailbox.post(.fileWritten(Self.perform(request))) }
            return
        }
        queue.async {
            mailbox.post(.fileWritten(Self.perform(request)))
        }
    }

    /// Removes `path` in the background, after any write to it already asked for.
    func remove(_ path: String) {
        queue.async { _ = unlink(path) }
    }

    /// Writes now, on the calling thread (the recovery file on SIGTERM, when there is no later).
    static func perform(_ request: FileWrite) -> FileWriteResult {
        // An export into a directory creates it, as `switchboard export` does.
        if request.purpose == .export { ParentDirectory.create(for: request.path) }
        if !request.replaceExisting, access(request.path, F_OK) == 0 {
            return FileWriteResult(path: request.path, purpose: request.purpose, outcome: .failure(.alreadyExists))
        }
        let bytes = request.preserveLayout ? layoutPreserving(request) : request.bytes
        do {
            try AtomicFile.write(bytes, to: request.path)
            let hash = bytes == request.bytes ? nil : ContentHash.hex(ContentHash.fingerprint(bytes))
            return FileWriteResult(path: request.path, purpose: request.purpose, outcome: .success(bytes.count), writtenHash: hash)
        } catch {
            return FileWriteResult(path: request.path, purpose: request.purpose, outcome: .failure(.failed(error.description)))
        }
    }

    /// The file as it is on disk with only the values that differ from `request.bytes`
    /// rewritten; `request.bytes` when there is no readable file or the splice fails.
    static func layoutPreserving(_ request: FileWrite) -> [UInt8] {
        guard case .success(.some(let disk)) = FileReader.read(request.path).outcome,
            let updated = try? JSONParser.parse(request.bytes),
            let spliced = JSONSplice.splice(original: disk, updated: updated)
        else { return request.bytes }
        return spliced
    }
}

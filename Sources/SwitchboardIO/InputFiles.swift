import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the user's input files. Every failure becomes an `InputError` in the one-line
/// `FILE:LINE:COL: expected…, found…` form, so a missing file reads like a syntax error.
public enum InputFiles {
    public static func read(_ paths: [String]) throws(LoadFailure) -> [SourceDocument] {
        var documents: [SourceDocument] = []
        var errors: [InputError] = []
        for path in paths {
            switch readOne(path) {
            case .success(let document): documents.append(document)
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw LoadFailure(errors) }
        return documents
    }

    static func readOne(_ path: String) -> Result<SourceDocument, InputError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(InputError(file: path, message: "expected a JSON file, found no file at this path"))
        }
        if isDirectory.boolValue {
            return .failure(InputError(file: path, message: "expected a JSON file, found a directory (name the files inside it)"))
        }
        guard let bytes = readRegularFile(path) ?? FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
            return .failure(InputError(file: path, message: "expected a readable JSON file, found one this user may not read"))
        }
        return .success(SourceDocument(path: path, bytes: bytes))
    }

    /// A regular file's bytes read straight into the array. Through `Data` a 40 MB list was
    /// held twice while it was copied, and copied once more than needed. Nil when the file
    /// cannot be opened, is not a regular file, or changed size while read; the caller then
    /// reads it the general way (which also says why it could not).
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var filled = 0
            while filled < size, let base = buffer.baseAddress {
                let n = Glibc.read(fd, base + filled, size - filled)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                filled += n
            }
            count = filled
            // Nothing may follow: a file that grew is read again the general way.
            var extra: UInt8 = 0
            complete = filled == size && Glibc.read(fd, &extra, 1) == 0
        }
        return complete ? bytes : nil
    }

    /// Files from this size on are read as `ReleasableBytes`: the loader gives their pages back
    /// as it reads past them, so a large list and its model are not both held in full.
    static let releasableSize = 4 << 20

    /// A large regular file read into pages of its own (not the heap's), which the loader gives
    /// back with `madvise`; reading it again, for errors, reads the file. Nil for anything else,
    /// which `readOne` then reads (and reports) as before.
    static func readReleasable(_ path: String) -> SourceDocument? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= releasableSize else { return nil }
        let size = Int(info.st_size)
        let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let region = mapped, region != MAP_FAILED else { return nil }
        var filled = 0
        while filled < size {
            let n = Glibc.read(fd, region + filled, size - filled)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            filled += n
        }
        var extra: UInt8 = 0
        guard filled == size, Glibc.read(fd, &extra, 1) == 0 else {
            munmap(region, size)
            return nil
        }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let bytes = ReleasableBytes(
            buffer: UnsafeBufferPointer(start: region.assumingMemoryBound(to: UInt8.self), count: size),
            release: { range in
                // Whole pages only: the bytes around the range may still be read.
                let start = (range.lowerBound + page - 1) / page * page
                let end = range.upperBound / page * page
                if end > start { madvise(region + start, end - start, MADV_DONTNEED) }
            },
            contents: { readRegularFile(path) ?? FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] },
            deallocate: { munmap(region, size) })
        return SourceDocument(path: path, releasable: bytes)
    }

    /// Loads files into a workspace; IDs for new items come from `rng`. Files that cannot be
    /// read and files that cannot be parsed are reported together, in argument order.
    /// `parallel` reads long item lists in parts at once (`WorkspaceLoader.load`).
    public static func loadWorkspace(
        _ paths: [String], using rng: inout some RandomNumberGenerator, parallel: ParallelLoop = .sequential
    ) throws(LoadFailure) -> Workspace {
        var documents: [SourceDocument] = []
        var errors: [InputError] = []
        for path in paths {
            if let document = readReleasable(path) {
                documents.append(document)
                continue
            }
            switch readOne(path) {
            case .success(let document): documents.append(document)
            case .failure(let error): errors.append(error)
            }
        }
        do {
            let workspace = try WorkspaceLoader.load(documents, using: &rng, parallel: parallel)
            if errors.isEmpty { return workspace }
        } catch {
            errors += error.errors
        }
        let order = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        throw LoadFailure(errors.sorted { (order[$0.file] ?? 0) < (order[$1.file] ?? 0) })
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the TUI keeps unsaved edits between a session that ended badly (SIGTERM, SIGHUP, a
/// closed terminal) and the next one: `$XDG_STATE_HOME/switchboard/` (by default
/// `~/.local/state/switchboard/`), one file per project.
///
/// A project is the list of its input files, as absolute paths: the same files opened from
/// another directory find the same recovery file, and two projects never share one.
public enum RecoveryStore {
    /// The directory for recovery files, or `nil` when neither `XDG_STATE_HOME` nor `HOME`
    /// is set (then nothing is recovered).
    public static func directory(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/switchboard"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/switchboard"
    }

    /// The recovery file for these input files: the first file's name (for a person listing
    /// the directory) and a hash of all the absolute paths (for uniqueness).
    public static func path(forInputs paths: [String], directory: String, currentDirectory: String) -> String {
        let absolute = paths.map { absolutePath($0, currentDirectory: currentDirectory) }
        let hash = ContentHash.hex(ContentHash.fnv1a64(Array(absolute.joined(separator: "\u{0}").utf8)))
        let name: String = absolute.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "project"
        let first: [Character] = name.map { (c: Character) -> Character in
            c.isLetter || c.isNumber || c == "." || c == "-" || c == "_" ? c : "_"
        }
        return "\(directory)/\(String(first.prefix(40)))-\(hash).recovery.json"
    }

    /// `path` made absolute against `currentDirectory`, with `.` and `..` resolved (symlinks
    /// are kept: the user named the file through them).
    public static func absolutePath(_ path: String, currentDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Creates the directory (and its parents) with mode 0700: the edits may hold passwords.
    public static func prepare(directory: String) -> Bool {
        var built = ""
        for part in directory.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0, errno != EEXIST { return false }
        }
        var status = stat()
        return stat(directory, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The file's bytes, or `nil` when there is none (or it cannot be read).
    public static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// Each path's content hash now (files that cannot be read are left out), so a restore
    /// can tell whether the files changed since the edits were made.
    public static func hashes(of paths: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for path in paths {
            if let bytes = read(path) { out[path] = ContentHash.hex(ContentHash.fingerprint(bytes)) }
        }
        return out
    }
}

/// Fingerprints that only tell "changed since" (not security hashes).
public enum ContentHash {
    /// A file's content fingerprint, eight bytes per step: the TUI hashes every input file
    /// before its first frame, and FNV-1a's byte-at-a-time chain of multiplies took 7% of the
    /// start-up on 10,000 rules. Each word is mixed in with a multiply and a fold of the high
    /// half, the tail and the length at the end, so any changed, added or removed byte changes
    /// the result with overwhelming likelihood.
    public static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 32
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            hash = (hash ^ tail ^ UInt64(raw.count) << 56) &* 0x9E37_79B9_7F4A_7C15
            return hash ^ (hash >> 29)
        }
    }

    /// FNV-1a, 64 bits, for short keys (the recovery file's name from the input paths; kept so
    /// existing recovery files are still found).
    public static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Sixteen lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

import Foundation

/// The process's resident memory, for `bench-tui --rounds` (the TUI must hold a large
/// configuration without growing keystroke after keystroke).
enum BenchMemory {
    /// Resident set size in MiB, from `/proc/self/statm` (0 where it does not exist).
    static func residentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1024 * 1024)
    }
}

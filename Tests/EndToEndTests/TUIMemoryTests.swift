import Foundation
import Testing

/// The terminal UI holding 100,000 rules does not grow keystroke after keystroke: the
/// `bench-tui` workload (moves, paging, filtering, tab switches, sorting) runs three times over
/// the same catalog and the resident memory after the third round stays within a small margin
/// of the first (caches fill once; nothing accumulates per keystroke).
@Suite("TUI memory with 100,000 rules")
struct TUIMemoryTests {
    @Test("resident memory after three rounds of keystrokes stays near the first round's")
    func boundedMemory() throws {
        let result = try runSwitchboard([
            // No edits: they rightly keep undo history; this is about keystrokes keeping nothing.
            "bench-tui", "--rules", "100000", "--trunks", "1000", "--moves", "10", "--rounds", "3", "--size", "160x50",
            "--edits", "0",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        var resident: [String: Int] = [:]
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("memory: ") {
            let words = line.split(separator: " ")
            guard words.count > 2, let megabytes = Int(words[1]) else { continue }
            resident[words.suffix(2).joined(separator: " ")] = megabytes
        }
        let before = try #require(resident["the keystrokes"], "no memory lines:\n\(result.stdout)")
        let first = try #require(resident["round 1"], "\(result.stdout)")
        let third = try #require(resident["round 3"], "\(result.stdout)")
        #expect(first > 0 && before > 0)
        // A few MiB of allocator noise is allowed; keeping anything per keystroke (a frame, a
        // filtered copy of the list) over ~800 keystrokes a round would exceed it.
        #expect(third - first <= 24, "resident memory grew from \(first) MB to \(third) MB over two more rounds:\n\(result.stdout)")
    }
}

import Foundation

/// Test only: `SWITCHBOARD_TEST_TRAP_AFTER_MS=N` makes the terminal UI hit a Swift runtime
/// trap N milliseconds after the terminal started, so the end-to-end test can check that a
/// crash leaves the terminal usable (`Tests/EndToEndTests/TerminalRestoreTmuxTests.swift`,
/// `Sources/CursesTerminal/CrashRestore.swift`). Not a feature: nothing else reads it, and
/// without the variable nothing starts.
enum TestTrapHook {
    static let variable = "SWITCHBOARD_TEST_TRAP_AFTER_MS"

    static func startIfRequested(environment: [String: String]) {
        guard let text = environment[variable], let milliseconds = Int(text), milliseconds >= 0 else { return }
        // Its own thread: the UI loop keeps the main one. A real trap, not a signal sent to
        // ourselves: an index out of range, which the runtime turns into `ud2` (SIGILL).
        let thread = Thread {
            usleep(UInt32(min(milliseconds, 60_000)) * 1000)
            let empty: [Int] = Array(repeating: 0, count: milliseconds >= 0 ? 0 : 1)
            _ = empty[milliseconds]
        }
        thread.start()
    }
}

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal is usable again after the UI ends in any of the ways issue 8 names: SIGINT,
/// SIGTERM, SIGHUP (sent with `kill`, as a supervisor or a closing terminal would) and a Swift
/// runtime trap (the test-only `SWITCHBOARD_TEST_TRAP_AFTER_MS` hook). The pane's shell records
/// `stty -a` before the app starts and after it ends; the two must be identical, and tmux must
/// report the main screen, a visible cursor and no mouse reporting.
///
/// Only restoration and the process ending are asserted: what the app does on SIGTERM/SIGHUP
/// before it exits (a recovery file, for one) is tested elsewhere.
@Suite(
    "Terminal restored after signals and a crash (tmux)", .serialized,
    .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct TerminalRestoreTmuxTests {
    enum Ending: CustomStringConvertible {
        case signal(Int32)
        case trap

        var description: String {
            switch self {
            case .signal(SIGINT): return "SIGINT"
            case .signal(SIGTERM): return "SIGTERM"
            case .signal(SIGHUP): return "SIGHUP"
            case .signal(let number): return "signal \(number)"
            case .trap: return "a Swift runtime trap"
            }
        }
    }

    @Test("SIGINT restores the terminal") func interrupt() throws { try check(.signal(SIGINT)) }
    @Test("SIGTERM restores the terminal") func terminate() throws { try check(.signal(SIGTERM)) }
    @Test("SIGHUP restores the terminal") func hangUp() throws { try check(.signal(SIGHUP)) }

    @Test("a Swift runtime trap restores the terminal, and the process still dies of it")
    func trap() throws {
        let status = try check(.trap)
        // 128 + SIGILL (ud2) or SIGTRAP: the crash is still reported as a crash.
        #expect(status == 128 + SIGILL || status == 128 + SIGTRAP, "exit status after the trap: \(status)")
    }

    @Test("after the window grew while the UI ran, quitting leaves the shell's screen, not the frame")
    func quitAfterGrowing() throws {
        // tmux leaves the bottom of a non-empty alternate screen over the shell's screen when
        // the window grew meanwhile; the app blanks it before leaving (found by hand in tmux).
        let tmux = TUITmux()
        defer { tmux.kill() }
        let command =
            "cd '\(packageRoot.path)' && echo SB-BEFORE && env LANG=C.UTF-8 TERM=xterm-256color "
            + "'\(switchboardBinary.path)' samples/project.json; echo SB-DONE; exec sleep 120"
        tmux.start(columns: 80, rows: 24, command: command)
        let started = tmux.waitFor(seconds: 30) { $0.contains("TRUNKS") || $0.contains("SB-DONE") }
        try #require(started.screen.contains("TRUNKS"), "the app did not start:\n\(started.screen)")

        tmux.resize(columns: 120, rows: 40)
        // Repainted at the new size: the frame's lines are 120 columns wide.
        let grown = tmux.waitFor(seconds: 30) { screen in
            screen.contains("TRUNKS") && screen.split(separator: "\n").contains { $0.count >= 118 }
        }
        try #require(grown.ok, "no frame at 120 columns:\n\(grown.screen)")
        tmux.sendKeys("q")
        let ended = tmux.waitFor(seconds: 30) { $0.contains("SB-DONE") }
        try #require(ended.ok, "the app did not quit:\n\(ended.screen)")

        let lines = ended.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "SB-BEFORE", "the shell's first line moved or was covered:\n\(ended.screen)")
        #expect(!ended.screen.contains("│") && !ended.screen.contains("TRUNKS"), "parts of the frame are left:\n\(ended.screen)")
    }

    /// Runs the UI in tmux, ends it with `ending`, and checks the terminal; returns the exit
    /// status the shell saw.
    @discardableResult
    func check(_ ending: Ending) throws -> Int32 {
        let tmux = TUITmux()
        defer { tmux.kill() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-restore-\(tmux.socket)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = directory.appendingPathComponent("stty-before").path
        let after = directory.appendingPathComponent("stty-after").path
        let pidFile = directory.appendingPathComponent("pid").path

        var environment = "LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME='\(directory.path)'"
        if case .trap = ending { environment += " SWITCHBOARD_TEST_TRAP_AFTER_MS=1500" }
        // The inner shell writes its PID and then *becomes* the app (exec), so the PID is the
        // app's; the outer shell waits for it and records what it left behind.
        let command =
            "cd '\(packageRoot.path)' && stty -a > '\(before)' && env \(environment) "
            + "/bin/sh -c 'echo $$ > \"$0\"; exec \"$@\"' '\(pidFile)' '\(switchboardBinary.path)' samples/project.json; "
            + "echo \"SB-EXIT=$?\"; stty -a > '\(after)'; echo SB-DONE; exec sleep 120"
        tmux.start(columns: 120, rows: 40, command: command)

        let started = tmux.waitFor(seconds: 30) { $0.contains("TRUNKS") || $0.contains("SB-DONE") }
        try #require(started.ok, "the app did not start:\n\(started.screen)")
        if case .signal(let number) = ending {
            #expect(started.screen.contains("TRUNKS"), "the app ended before it was signalled:\n\(started.screen)")
            // While the UI runs, the modes the test checks afterwards are really on.
            let during = flags(tmux, in: directory)
            #expect(during["alternate_on"] == "1" && during["cursor_flag"] == "0", "\(during)")
            #expect(during["mouse_any_flag"] == "1", "the UI captures the mouse by default: \(during)")
            let pidText = try String(contentsOfFile: pidFile, encoding: .utf8)
            let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(kill(pid, number) == 0)
        }

        // The Swift backtracer (on by default on Linux) prints the crash report and, when its
        // input is a terminal, waits for a key: any key but space or D quits it.
        var ended = tmux.waitFor(seconds: 30) { $0.contains("SB-DONE") || $0.contains("Press space to interact") }
        if ended.ok, !ended.screen.contains("SB-DONE") {
            tmux.sendKeys("q")
            ended = tmux.waitFor(seconds: 30) { $0.contains("SB-DONE") }
        }
        try #require(ended.ok, "the app did not end after \(ending):\n\(ended.screen)")

        let modesBefore = try String(contentsOfFile: before, encoding: .utf8)
        let modesAfter = try String(contentsOfFile: after, encoding: .utf8)
        #expect(modesBefore.contains("icanon") && modesBefore.contains("echo"))
        #expect(modesAfter == modesBefore, "stty -a after \(ending) differs:\nbefore: \(modesBefore)\nafter:  \(modesAfter)")
        let restored = flags(tmux, in: directory)
        #expect(restored["alternate_on"] == "0", "still on the alternate screen after \(ending): \(restored)")
        #expect(restored["cursor_flag"] == "1", "cursor hidden after \(ending): \(restored)")
        #expect(restored["mouse_any_flag"] == "0", "mouse reporting left on after \(ending): \(restored)")
        #expect(restored["keypad_flag"] == "0", "keypad mode left on after \(ending): \(restored)")

        let line = ended.screen.components(separatedBy: "\n").first { $0.hasPrefix("SB-EXIT=") } ?? ""
        return Int32(line.dropFirst("SB-EXIT=".count)) ?? -1
    }

    /// The pane's terminal state as tmux tracks it.
    func flags(_ tmux: TUITmux, in directory: URL) -> [String: String] {
        let names = ["alternate_on", "cursor_flag", "mouse_any_flag", "keypad_flag"]
        let file = directory.appendingPathComponent("flags").path
        tmux.tmux(
            ["display-message", "-p", "-t", tmux.session, names.map { "\($0)=#{\($0)}" }.joined(separator: " ")],
            output: file)
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        var result: [String: String] = [:]
        for pair in text.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { result[parts[0]] = parts[1] }
        }
        return result
    }
}

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 8's recovery file against the real binary: an unsaved delete survives `kill -TERM`
/// (the terminal is restored and the exit status is 128+15), the next start offers it back,
/// restoring brings the edit back unsaved, and ctrl+s writes it and removes the recovery file.
@Suite(
    "Recovery file after SIGTERM and ctrl+c (tmux)", .serialized,
    .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct RecoveryTmuxTests {
    @Test("an unsaved edit survives SIGTERM and is offered back on the next start")
    func recoverAfterTerm() throws {
        let directory = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state")
        let pidFile = directory.appendingPathComponent("pid").path
        let before = directory.appendingPathComponent("stty-before").path
        let after = directory.appendingPathComponent("stty-after").path
        func command(_ tag: String) -> String {
            "cd '\(directory.path)' && stty -a > '\(before)' && env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME='\(state.path)' "
                + "/bin/sh -c 'echo $$ > \"$0\"; exec \"$@\"' '\(pidFile)' '\(switchboardBinary.path)' project.json; "
                + "echo \"SB-EXIT=$?\"; stty -a > '\(after)'; echo SB-DONE-\(tag); exec sleep 120"
        }

        // First run: delete "Support queue" (the fifth rule), leave it unsaved, get SIGTERM.
        let first = TUITmux()
        defer { first.kill() }
        first.start(columns: 120, rows: 40, command: command("1"))
        try #require(first.waitFor(seconds: 30) { $0.contains("TRUNKS") }.ok, "the app did not start:\n\(first.capture())")
        first.sendKeys("2", "g", "j", "j", "j", "j", "DC")
        let asked = first.waitFor { $0.contains(#"Delete rule SDR_SupportQue7x "Support queue"?"#) }
        try #require(asked.ok, "no delete question:\n\(asked.screen)")
        first.sendKeys("y")
        let deleted = first.waitFor { $0.contains("1 unsaved change (1 deleted)") }
        try #require(deleted.ok, "no unsaved marker:\n\(deleted.screen)")
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8)
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTERM) == 0)
        let ended = first.waitFor(seconds: 10) { $0.contains("SB-DONE-1") }
        try #require(ended.ok, "the app did not end after SIGTERM:\n\(ended.screen)")
        #expect(ended.screen.contains("SB-EXIT=143"), "exit status after SIGTERM:\n\(ended.screen)")
        #expect(
            try String(contentsOfFile: after, encoding: .utf8) == String(contentsOfFile: before, encoding: .utf8),
            "the terminal modes differ after SIGTERM")

        let recoveryDirectory = state.appendingPathComponent("switchboard")
        let files = try FileManager.default.contentsOfDirectory(atPath: recoveryDirectory.path).filter { $0.hasSuffix(".recovery.json") }
        try #require(files.count == 1, "recovery files: \(files)")
        let recovery = try String(contentsOf: recoveryDirectory.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(recovery.contains(#""id": "SDR_SupportQue7x""#) && recovery.contains(#""change": "deleted""#), "\(recovery)")
        first.kill()

        try checkSecondRun(directory: directory, recoveryFile: recoveryDirectory.appendingPathComponent(files[0]), command: command)
    }

    @Test("ctrl+c with an unsaved edit writes the recovery file first, and ends as SIGINT")
    func recoverAfterControlC() throws {
        let directory = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state")
        let tmux = TUITmux()
        defer { tmux.kill() }
        tmux.start(
            columns: 120, rows: 40,
            // ctrl+c reaches the whole foreground group: the shell traps it (a handler, which
            // exec resets for the app) so it lives on to print the status.
            command: "trap true INT; cd '\(directory.path)' && env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME='\(state.path)' "
                + "'\(switchboardBinary.path)' project.json; echo \"SB-EXIT=$?\"; echo SB-DONE; exec sleep 120")
        try #require(tmux.waitFor(seconds: 30) { $0.contains("TRUNKS") }.ok, "the app did not start:\n\(tmux.capture())")
        tmux.sendKeys("2", "g", "j", "j", "j", "j", "DC")
        try #require(tmux.waitFor { $0.contains("Delete rule SDR_SupportQue7x") }.ok, "no delete question:\n\(tmux.capture())")
        tmux.sendKeys("y")
        try #require(tmux.waitFor { $0.contains("1 unsaved change (1 deleted)") }.ok, "no unsaved marker:\n\(tmux.capture())")
        // The terminal's interrupt key, through the pseudo-terminal: SIGINT from the tty driver.
        tmux.sendKeys("C-c")
        let ended = tmux.waitFor(seconds: 10) { $0.contains("SB-DONE") }
        try #require(ended.ok, "the app did not end after ctrl+c:\n\(ended.screen)")
        #expect(ended.screen.contains("SB-EXIT=130"), "exit status after ctrl+c:\n\(ended.screen)")
        let recoveryDirectory = state.appendingPathComponent("switchboard")
        let files = try FileManager.default.contentsOfDirectory(atPath: recoveryDirectory.path).filter { $0.hasSuffix(".recovery.json") }
        try #require(files.count == 1, "recovery files: \(files)")
        let recovery = try String(contentsOf: recoveryDirectory.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(recovery.contains(#""id": "SDR_SupportQue7x""#) && recovery.contains(#""change": "deleted""#), "\(recovery)")
    }

    /// A scratch directory with a copy of the samples the test may change.
    static func sandbox() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-recovery-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["project.json", "mock-webhook.json"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("samples/\(name)"), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// The next start offers the edit back; restoring and saving removes the recovery file.
    func checkSecondRun(directory: URL, recoveryFile: URL, command: (String) -> String) throws {
        let second = TUITmux()
        defer { second.kill() }
        second.start(columns: 120, rows: 40, command: command("2"))
        let offered = second.waitFor(seconds: 30) { $0.contains("Recover unsaved edits") }
        try #require(offered.ok, "no restore offer:\n\(offered.screen)")
        #expect(offered.screen.contains("rule SDR_SupportQue7x"))
        second.sendKeys("r")
        let restored = second.waitFor { $0.contains("1 unsaved change (1 deleted)") && $0.contains("2 Rules 10") }
        try #require(restored.ok, "the edit did not come back:\n\(restored.screen)")
        second.sendKeys("C-s")
        let saved = second.waitFor { $0.contains("Saved project.json") }
        try #require(saved.ok, "ctrl+s did not save:\n\(saved.screen)")
        let project = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("project.json")))
        let rules = (project as? [String: Any])?["dispatchRules"] as? [[String: Any]] ?? []
        #expect(rules.count == 10)
        #expect(!rules.contains { $0["sipDispatchRuleId"] as? String == "SDR_SupportQue7x" })
        // Saved: the recovery file is gone (removed in the background; poll briefly).
        let deadline = Date().addingTimeInterval(5)
        while FileManager.default.fileExists(atPath: recoveryFile.path), Date() < deadline {
            usleep(50_000)
        }
        #expect(!FileManager.default.fileExists(atPath: recoveryFile.path))
        second.sendKeys("q")
        #expect(second.waitFor { $0.contains("SB-DONE-2") }.screen.contains("SB-EXIT=0"))
    }
}

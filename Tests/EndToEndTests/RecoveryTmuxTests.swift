import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 8's recovery file against the real binary: an unsaved delete survives `kill -TERM`
/// (the terminal is restored and the exit status is 128+15), the next start offers it back,
/// restoring brings the edit back unsaved, and ctrl+s writes it and removes the recovery file.
@Suite("Recovery file after SIGTERM (tmux)", .serialized, .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct RecoveryTmuxTests {
    @Test("an unsaved edit survives SIGTERM and is offered back on the next start")
    func recoverAfterTerm() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-recovery-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["project.json", "mock-webhook.json"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("samples/\(name)"), to: directory.appendingPathComponent(name))
        }
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

        // Second run: the offer, restore, save.
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
        while FileManager.default.fileExists(atPath: recoveryDirectory.appendingPathComponent(files[0]).path), Date() < deadline {
            usleep(50_000)
        }
        #expect(!FileManager.default.fileExists(atPath: recoveryDirectory.appendingPathComponent(files[0]).path))
        second.sendKeys("q")
        #expect(second.waitFor { $0.contains("SB-DONE-2") }.screen.contains("SB-EXIT=0"))
    }
}

import Foundation
import SwitchboardCore
import Testing

/// `switchboard --server` in a real terminal against the LiveKit stand-in: it pulls and shows
/// the server's lists with the server in the header, an edit saved in the TUI goes out from
/// the push screen only after `y`, and the server then holds exactly that edit.
@Suite("The TUI on a LiveKit server, in tmux", .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct ServerTUITmuxTests {
    @Test("--server pulls and shows the server's rules; an edit is pushed from the push screen after y")
    func editAndPush() throws {
        let server = try LiveKitStandIn(["--seed-trunks", "2", "--seed-rules", "3"])
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = server.environment()
        let variables = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"].map { "\($0)='\(environment[$0] ?? "")'" }
        let tmux = TUITmux()
        defer { tmux.kill() }
        tmux.start(
            columns: 140, rows: 40,
            command: "cd '\(directory.path)' && env LANG=C.UTF-8 TERM=xterm-256color \(variables.joined(separator: " ")) "
                + "'\(switchboardBinary.path)' --server --pull-dir '\(directory.path)'; echo SB-DONE; exec sleep 120")
        var step = tmux.waitFor(seconds: 30) { $0.contains("server 127.0.0.1") && $0.contains("2 Rules 3") }
        try #require(step.ok, "the TUI did not open on the server:\n\(step.screen)")
        #expect(!step.screen.contains(LiveKitStandIn.apiSecret), "the secret is never shown")

        tmux.sendKeys("2", "/", "Rule 1", "Enter")
        step = tmux.waitFor { $0.contains("room-1") && !$0.contains("FILTER") }
        tmux.sendKeys("e")
        step = tmux.waitFor { $0.contains("Edit rule SDR_") }
        try #require(step.ok, "the form did not open:\n\(step.screen)")
        tmux.sendKeys("Tab", "Tab", "C-u", "room-from-the-tui", "C-s")
        // The push screen opens on saved files only: wait for the write to land.
        step = tmux.waitFor { !$0.contains("Edit rule") && $0.contains("room-from-the-tui") && $0.contains("Saved ") }
        #expect(step.ok, "the edit was not saved:\n\(step.screen)")

        tmux.sendKeys("p")
        step = tmux.waitFor { $0.contains("y sends this change to 127.0.0.1") && $0.contains("room-from-the-tui") }
        #expect(step.ok, "the push screen did not show the plan:\n\(step.screen)")
        let before = try server.state()
        #expect(!"\(before)".contains("room-from-the-tui"), "nothing is sent before y")
        tmux.sendKeys("y")
        step = tmux.waitFor { $0.contains("Pushed to 127.0.0.1") }
        #expect(step.ok, "the push did not finish:\n\(step.screen)")

        let rules = try #require(try server.state()["rules"]?.arrayValue)
        let rooms = rules.compactMap { $0.objectValue?["rule"]?.objectValue?["dispatchRuleDirect"]?.objectValue?["roomName"]?.stringValue }
        #expect(rooms.sorted() == ["room-0", "room-2", "room-from-the-tui"])
        tmux.sendKeys("Escape", "q")
    }
}

import Foundation
import Testing

/// The Live calls screen against real calls: the TUI in tmux starts its SIP endpoint on `L`,
/// sipp calls it, the call appears with its outcome, Enter opens it in the simulator's panes,
/// and after an edit of the rule the next real call follows the edit.
@Suite(
    "Live calls in tmux",
    .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"), .serialized)
struct LiveCallsTmuxTests {
    @Test("L listens, a sipp call is listed and opens in the panes, an edited room decides the next call")
    func liveCalls() async throws {
        // A scratch copy: the edit below is saved.
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["project.json", "mock-webhook.json"] {
            try FileManager.default.copyItem(
                at: sipScenarios.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let tmux = TUITmux()
        defer { tmux.kill() }
        tmux.start(
            columns: 120, rows: 36,
            command: "cd '\(directory.path)' && env LANG=C.UTF-8 TERM=xterm-256color '\(switchboardBinary.path)' project.json "
                + "--sip-listen 127.0.0.1:0; echo SB-DONE; exec sleep 120")
        var step = tmux.waitFor { $0.contains("1 Trunks") && $0.contains("TRUNKS") }
        try #require(step.ok, "the app did not start:\n\(step.screen)")

        tmux.sendKeys("L")
        step = tmux.waitFor { $0.contains("Listening on sip:127.0.0.1:") && $0.contains("No calls yet") }
        try #require(step.ok, "the endpoint did not start:\n\(step.screen)")
        let port = try #require(Self.port(in: step.screen), "no port on screen:\n\(step.screen)")

        let first = try await Sipp.run("accept.xml", port: port, from: "+12025550100", to: "+15550100")
        #expect(first.status == 0, "sipp: \(first.errors)")
        step = tmux.waitFor { $0.contains("Live calls · 1 call") && $0.contains("ACCEPT lobby") && $0.contains("200 OK") }
        #expect(step.ok, "the call is not listed:\n\(step.screen)")

        // A datagram that is no SIP message is reported on the screen, and nothing stops.
        try UDPPeer().send(Array("hello, is this SIP?".utf8), to: port)
        step = tmux.waitFor { $0.contains("1 problem reported; latest: 127.0.0.1:") && $0.contains("malformed message") }
        #expect(step.ok, "the malformed datagram is not reported:\n\(step.screen)")

        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("3 Outcome · ACCEPT") && $0.contains("SDR_Lobby \"Lobby\"") }
        #expect(step.ok, "Enter did not open the call's panes:\n\(step.screen)")
        tmux.sendKeys("Escape")
        step = tmux.waitFor { $0.contains("Live calls · 1 call") }
        #expect(step.ok, "Esc did not go back to the live calls:\n\(step.screen)")

        // Edit the rule's room; the endpoint routes the next call on the edited workspace.
        tmux.sendKeys("Escape", "2", "/", "Lobby", "Enter")
        step = tmux.waitFor { $0.contains("SDR_Lobby") && !$0.contains("FILTER") }
        tmux.sendKeys("e")
        step = tmux.waitFor { $0.contains("Edit rule SDR_Lobby") }
        try #require(step.ok, "the form did not open:\n\(step.screen)")
        tmux.sendKeys("Tab", "Tab", "C-u", "lobby-edited", "C-s")
        step = tmux.waitFor { !$0.contains("Edit rule") && $0.contains("lobby-edited") }
        #expect(step.ok, "the edit was not applied:\n\(step.screen)")

        let second = try await Sipp.run("accept.xml", port: port, from: "+12025550100", to: "+15550100")
        #expect(second.status == 0, "sipp: \(second.errors)")
        step = tmux.waitFor { $0.contains("Live call (L): +12025550100 → +15550100, ACCEPT lobby") }
        #expect(step.ok, "no toast for the call:\n\(step.screen)")
        tmux.sendKeys("L")
        step = tmux.waitFor { $0.contains("Live calls · 2 calls") && $0.contains("ACCEPT lobby-edited") && $0.contains("ACCEPT lobby ") }
        #expect(step.ok, "both calls, newest first with the edited room:\n\(step.screen)")

        tmux.sendKeys("Escape", "q")
        _ = tmux.waitFor { $0.contains("SB-DONE") || $0.contains("Quit") }
    }

    static func port(in screen: String) -> Int? {
        guard let range = screen.range(of: "Listening on sip:127.0.0.1:") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }
}

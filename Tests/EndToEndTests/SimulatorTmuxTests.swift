import Foundation
import Testing

/// The call simulator in the real binary, in tmux, against the built-in mock webhook: a call
/// to the dynamic rule read back from the three panes, copy over OSC 52 into tmux's buffer, a
/// hanging webhook cancelled with Esc, and a webhook answering with escape sequences.
@Suite("Simulator in tmux", .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct SimulatorTmuxTests {
    /// A copy of the samples in a scratch directory, with two test routes in front of the mock
    /// script's own (the samples stay as the other tests expect them) and a long webhook
    /// timeout, so only Esc can end the hanging call during the test.
    static func project() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sbsim-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let samples = packageRoot.appendingPathComponent("samples")
        var project = try String(contentsOf: samples.appendingPathComponent("project.json"), encoding: .utf8)
        project = project.replacingOccurrences(of: #""timeoutMs": 5000"#, with: #""timeoutMs": 60000"#)
        try project.write(to: directory.appendingPathComponent("project.json"), atomically: true, encoding: .utf8)
        var script = try String(contentsOf: samples.appendingPathComponent("mock-webhook.json"), encoding: .utf8)
        let routes = #"""
            "routes": [
                {"match": {"from_user": "+12025550171"}, "status": 200,
                 "body": "plain \u001b[2J\u001b[31m text with escapes"},
                {"match": {"from_user": "+12025550173"}, "status": 200,
                 "headers": {"X-Evil": "\u001b[2J\u001b[31mred"}, "body": {"dispatch_action": "accept"}},
                {"match": {"from_user": "+12025550172"}, "status": 200,
                 "body": {"dispatch_action": "accept", "room_name": "lobby\u001b[2J\u001b[31m"}},
            """#
        script = script.replacingOccurrences(of: #""routes": ["#, with: routes)
        try script.write(to: directory.appendingPathComponent("mock-webhook.json"), atomically: true, encoding: .utf8)
        return directory
    }

    static func command(_ directory: URL) -> String {
        "cd '\(directory.path)' && env LANG=C.UTF-8 TERM=xterm-256color '\(switchboardBinary.path)' project.json; "
            + "echo SB-DONE; exec sleep 120"
    }

    /// Starts the app on `directory`'s project and waits for its first screen.
    static func launch(_ tmux: TUITmux, in directory: URL, columns: Int) throws {
        tmux.start(columns: columns, rows: 40, command: command(directory))
        let step = tmux.waitFor { $0.contains("1 Trunks") && $0.contains("TRUNKS") }
        try #require(step.ok, "the app did not start:\n\(step.screen)")
    }

    /// `c`, then the saved call "Carrier call via webhook" (third), whose To reaches the
    /// carrier trunk's dynamic rule; the form's focus stays on From.
    static func openCarrierCall(_ tmux: TUITmux) -> (screen: String, ok: Bool) {
        tmux.sendKeys("c")
        _ = tmux.waitFor { $0.contains("Saved call") && $0.contains("CALL") }
        tmux.sendKeys("C-o")
        _ = tmux.waitFor { $0.contains("SAVED CALLS") }
        tmux.sendKeys("j", "j", "Enter")
        return tmux.waitFor { $0.contains("Carrier call via webhook") && $0.contains("+13105550188") && $0.contains(" CALL ") }
    }

    static func setFrom(_ tmux: TUITmux, _ number: String) {
        tmux.sendKeys("C-u")
        tmux.sendKeys(number)
        _ = tmux.waitFor { $0.contains("From         " + number) }
    }

    @Test("a call to the dynamic rule: Request, Response and Outcome on screen; C copies curl over OSC 52")
    func dynamicRuleAndCopy() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = TUITmux()
        defer { tmux.kill() }
        try Self.launch(tmux, in: directory, columns: 160)
        // Programs inside may set tmux's clipboard (and paste buffer) with OSC 52.
        tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        var step: (screen: String, ok: Bool)

        step = Self.openCarrierCall(tmux)
        #expect(step.ok, "the saved call did not fill the form:\n\(step.screen)")
        tmux.sendKeys("Enter")
        step = tmux.waitFor {
            $0.contains("POST http://127.0.0.1:8089/dispatch") && $0.contains("HTTP 200 OK")
                && $0.contains("Answer → room dynamic-lobby as sip_+12025550100") && $0.contains("RESULT")
        }
        #expect(step.ok, "the three panes did not show the call:\n\(step.screen)")
        #expect(step.screen.contains("1 Request") && step.screen.contains("2 Response") && step.screen.contains("3 Outcome"))
        #expect(step.screen.contains(#""room_name": "dynamic-lobby""#))
        #expect(!step.screen.contains("demo-secret"), "the API secret is never shown")

        tmux.sendKeys("C")
        step = tmux.waitFor { $0.contains("Copied the request as curl") }
        #expect(step.ok, "no toast after C:\n\(step.screen)")
        let buffer = FileManager.default.temporaryDirectory.appendingPathComponent("sbsim-buffer-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: buffer) }
        let deadline = Date().addingTimeInterval(5)
        var copied = ""
        while Date() < deadline, !copied.contains("--data-raw") {
            tmux.tmux(["show-buffer"], output: buffer.path)
            copied = (try? String(contentsOf: buffer, encoding: .utf8)) ?? ""
            if !copied.contains("--data-raw") { usleep(50_000) }
        }
        #expect(copied.hasPrefix("curl 'http://127.0.0.1:8089/dispatch'"), "tmux buffer: \(copied)")
        #expect(copied.contains("-H 'Authorization: ey") && copied.contains(#"--data-raw '{"project_id":"p_switchboard_demo""#))
    }

    @Test("a hanging webhook: the spinner counts, Esc cancels at once and the app stays responsive")
    func hangingWebhookCancels() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = TUITmux()
        defer { tmux.kill() }
        try Self.launch(tmux, in: directory, columns: 120)
        var step: (screen: String, ok: Bool)
        _ = Self.openCarrierCall(tmux)
        // +12025550115 is the mock script's `hang` route.
        Self.setFrom(tmux, "+12025550115")
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("CALLING") && $0.contains("calling… 0.") }
        #expect(step.ok, "no spinner while the webhook hangs:\n\(step.screen)")
        step = tmux.waitFor { $0.range(of: #"calling… [1-9]\.[0-9] s"#, options: .regularExpression) != nil }
        #expect(step.ok, "the elapsed time does not advance:\n\(step.screen)")
        tmux.sendKeys("Escape")
        step = tmux.waitFor { $0.contains("Cancelled after") && $0.contains("RESULT") }
        #expect(step.ok, "Esc did not cancel:\n\(step.screen)")
        tmux.sendKeys("Escape", "Escape")
        step = tmux.waitFor { $0.contains("TRUNKS") && !$0.contains("Cancelled after") }
        #expect(step.ok, "the app does not respond after the cancel:\n\(step.screen)")
        tmux.sendKeys("q")
        step = tmux.waitFor { $0.contains("SB-DONE") }
        #expect(step.ok, "q did not quit after a cancelled call:\n\(step.screen)")
    }

    @Test("escape sequences in a webhook's header and body are shown escaped; the screen stays intact")
    func hostileWebhook() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = TUITmux()
        defer { tmux.kill() }
        try Self.launch(tmux, in: directory, columns: 120)
        var step: (screen: String, ok: Bool)
        _ = Self.openCarrierCall(tmux)

        Self.setFrom(tmux, "+12025550171")
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("RESULT") && $0.contains("Outcome") && !$0.contains("CALLING") }
        #expect(step.ok, "the call did not end:\n\(step.screen)")
        tmux.sendKeys("2")
        step = tmux.waitFor { $0.contains(#"plain \x1b[2J\x1b[31m text with escapes"#) }
        #expect(step.ok, "the raw body is not shown escaped:\n\(step.screen)")
        Self.assertIntact(step.screen, mode: "RESULT")

        tmux.sendKeys("Escape")
        _ = tmux.waitFor { $0.contains("Saved call") }
        Self.setFrom(tmux, "+12025550172")
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains(#"lobby\u001b[2J\u001b[31m"#) && $0.contains("RESULT") }
        #expect(step.ok, "the JSON body's escapes are not shown escaped:\n\(step.screen)")
        Self.assertIntact(step.screen, mode: "RESULT")

        // A raw ESC in a header does not survive HTTP here (NIO will not write it, and a real
        // server's would fail the client's parser): the call ends in a fault, the screen intact.
        tmux.sendKeys("Escape")
        _ = tmux.waitFor { $0.contains("Saved call") }
        Self.setFrom(tmux, "+12025550173")
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("RESULT") && $0.contains("Outcome · ERROR") }
        #expect(step.ok, "the call with an ESC in a header did not end in an error:\n\(step.screen)")
        #expect(!step.screen.contains("red") || step.screen.contains(#"\x1b"#))
        Self.assertIntact(step.screen, mode: "RESULT")
    }

    /// The header row and the status bar are where they belong: nothing cleared the screen.
    static func assertIntact(_ screen: String, mode: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = screen.components(separatedBy: "\n")
        #expect(lines.first?.contains("1 Trunks") == true, "header row:\n\(screen)", sourceLocation: sourceLocation)
        let status = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(status.contains(mode), "status bar:\n\(screen)", sourceLocation: sourceLocation)
    }
}

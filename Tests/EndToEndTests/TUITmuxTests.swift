import Foundation
import Testing

let tmuxIsInstalled = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// The real binary in a real terminal (tmux): start on the samples at 120×40, switch lists,
/// filter, open help, shrink to 30×8 and back, quit, and check the terminal was restored.
@Suite("TUI in tmux", .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct TUITmuxTests {
    /// The app, then a marker with its exit status and the terminal modes it left behind.
    static var command: String {
        let binary = switchboardBinary.path
        return "cd '\(packageRoot.path)' && env LANG=C.UTF-8 TERM=xterm-256color '\(binary)' samples/project.json; "
            + "echo \"SB-EXIT=$?\"; stty -a | tr '\\n' ' '; echo; echo SB-DONE; exec sleep 120"
    }

    @Test("browse, filter, help, resize to 30×8 and back, quit: the terminal is restored")
    func browseAndQuit() throws {
        let tmux = TUITmux()
        defer { tmux.kill() }
        tmux.start(columns: 120, rows: 40, command: Self.command)

        var step = tmux.waitFor { $0.contains("1 Trunks") && $0.contains("Trunk ST_") && $0.contains("TRUNKS") }
        #expect(step.ok, "the app did not start:\n\(step.screen)")
        try #require(step.ok)
        #expect(step.screen.contains("┌─ Trunks"), "box drawing under UTF-8")

        tmux.sendKeys("2")
        step = tmux.waitFor { $0.contains("RULES") && $0.contains("Rule SDR_") }
        #expect(step.ok, "2 did not show the rules:\n\(step.screen)")

        tmux.sendKeys("/", "d", "e", "s", "k")
        step = tmux.waitFor { $0.contains("/desk") && $0.contains("FILTER") && $0.contains("Front desk") }
        #expect(step.ok, "the filter did not apply:\n\(step.screen)")
        #expect(!step.screen.contains("Conference bridge"), "the filter hides non-matching rules")

        tmux.sendKeys("Escape")
        step = tmux.waitFor { !$0.contains("/desk") && $0.contains("Conference bridge") && $0.contains("RULES") }
        #expect(step.ok, "Esc did not clear the filter:\n\(step.screen)")

        tmux.sendKeys("?")
        step = tmux.waitFor { $0.contains("Help") && $0.contains("esc close") && $0.contains("HELP") }
        #expect(step.ok, "? did not open help:\n\(step.screen)")
        tmux.sendKeys("Escape")
        step = tmux.waitFor { !$0.contains("esc close") && $0.contains("RULES") }
        #expect(step.ok, "Esc did not close help:\n\(step.screen)")

        tmux.resize(columns: 30, rows: 8)
        step = tmux.waitFor { $0.contains("Window too small") && $0.contains("30×8 now") }
        #expect(step.ok, "no minimum-size message at 30×8:\n\(step.screen)")

        tmux.resize(columns: 120, rows: 40)
        step = tmux.waitFor { $0.contains("Rule SDR_") && $0.contains("RULES") && !$0.contains("Window too small") }
        #expect(step.ok, "the layout did not come back at 120×40:\n\(step.screen)")

        tmux.sendKeys("q")
        step = tmux.waitFor { $0.contains("SB-DONE") }
        #expect(step.ok, "q did not quit:\n\(step.screen)")
        #expect(step.screen.contains("SB-EXIT=0"), "exit status:\n\(step.screen)")
        let modes = step.screen.components(separatedBy: "\n").first { $0.contains("speed") } ?? ""
        let words = Set(modes.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init))
        #expect(
            words.contains("icanon") && words.contains("echo") && !words.contains("-icanon") && !words.contains("-echo"),
            "terminal modes after exit: \(modes)")
        #expect(!step.screen.contains("RULES"), "the UI's screen is gone after quitting:\n\(step.screen)")
    }
}

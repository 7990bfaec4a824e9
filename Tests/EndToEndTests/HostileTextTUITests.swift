import Foundation
import Testing

/// Names and metadata from a file reach the terminal UI's screen escaped: a trunk named
/// `ESC [ 2 J` and `ESC ] 0 ; … BEL` shows those as visible text (`\x1b[2J`) instead of
/// clearing the screen or retitling the window.
@Suite("Escape sequences from files reach the TUI escaped (tmux)", .enabled(if: tmuxIsInstalled, "tmux is not installed"))
struct HostileTextTUITests {
    @Test("a trunk's name and a rule's metadata with ESC sequences show as visible escapes")
    func hostileNames() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-hostile-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = #"""
            {"trunks": [{"sipTrunkId": "ST_Hostile00001", "name": "Evil\u001b[2J\u001b]0;pwned\u0007", "numbers": ["+15550100"]}],
             "dispatchRules": [
               {"sipDispatchRuleId": "SDR_Hostile0001", "name": "Rule\u001b[31mred", "metadata": "m\u009b2J",
                "rule": {"dispatchRuleDirect": {"roomName": "room\u001b[5m"}}}]}
            """#
        let file = directory.appendingPathComponent("project.json")
        try Data(project.utf8).write(to: file)

        let tmux = TUITmux()
        defer { tmux.kill() }
        tmux.start(
            columns: 160, rows: 40,
            command: "env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME='\(directory.path)' "
                + "'\(switchboardBinary.path)' '\(file.path)'; exec sleep 120")
        let trunks = tmux.waitFor(seconds: 30) { $0.contains("TRUNKS") && $0.contains(#"Evil\x1b[2J\x1b]0;pwned\x07"#) }
        #expect(trunks.ok, "the trunk's name is not shown escaped:\n\(trunks.screen)")

        tmux.sendKeys("2")
        let rules = tmux.waitFor(seconds: 15) { $0.contains("RULES") && $0.contains(#"Rule\x1b[31mred"#) }
        #expect(rules.ok, "the rule's name is not shown escaped:\n\(rules.screen)")

        let titleFile = directory.appendingPathComponent("title").path
        tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{pane_title}"], output: titleFile)
        let title = (try? String(contentsOfFile: titleFile, encoding: .utf8)) ?? ""
        #expect(!title.contains("pwned"), "a name retitled the window: \(title)")
        tmux.sendKeys("q")
    }
}

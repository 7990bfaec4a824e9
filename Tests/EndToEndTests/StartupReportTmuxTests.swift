import Foundation
import Testing

/// `--startup-report` (hidden) is how scripts/bench.sh measures issue 7's "start to first
/// frame": the app must draw one frame, end by itself, leave the terminal as it found it, and
/// print every step with the total the script parses (`… ms after exec`).
@Suite("Start-up report (tmux)", .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct StartupReportTmuxTests {
    @Test("one frame, then the steps and the time since exec on standard error")
    func reportsAndEnds() throws {
        let tmux = TUITmux()
        defer { tmux.kill() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-startup-\(tmux.socket)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report").path
        tmux.start(
            columns: 120, rows: 40,
            command: "cd '\(packageRoot.path)' && env LANG=C.UTF-8 TERM=xterm-256color '\(switchboardBinary.path)' "
                + "--startup-report samples/project.json 2>'\(report)'; echo \"SB-EXIT=$?\"; exec sleep 60")
        let ended = tmux.waitFor(seconds: 30) { $0.contains("SB-EXIT=") }
        try #require(ended.ok, "the app did not end after its first frame:\n\(ended.screen)")
        #expect(ended.screen.contains("SB-EXIT=0"))
        #expect(!ended.screen.contains("TRUNKS"), "the frame is left on the screen:\n\(ended.screen)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        for step in ["theme", "load", "catalog", "mock webhook", "terminal", "first frame"] {
            #expect(text.contains("\(step) "), "no \"\(step)\" step in: \(text)")
        }
        // The figure bench.sh reads with sed: a number, then " ms after exec".
        #expect(text.range(of: #"[0-9.]+ ms after exec"#, options: .regularExpression) != nil, "\(text)")
    }
}

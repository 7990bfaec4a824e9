import Foundation
import Testing

/// Issue #6's combined test, in tmux against the real binary and the built-in mock webhook:
/// edit the dynamic rule's URL, run a call and read the three panes, see the run in the
/// history and save it as a scenario, export, and check the files with a JSON parser and with
/// `switchboard test`.
@Suite("Edit, simulate, history and export in tmux", .enabled(if: tmuxIsInstalled, "tmux is not installed (.ci/run installs it)"))
struct TUIEditSimulateExportTests {
    /// A scratch copy of the samples (the test edits and exports).
    static func project() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sbflow-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let samples = packageRoot.appendingPathComponent("samples")
        for name in ["project.json", "mock-webhook.json", "scenarios.json"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    @Test("the dynamic rule's URL edited, a call run, the run saved as a scenario, the export parsed")
    func editSimulateExport() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = TUITmux()
        defer { tmux.kill() }
        tmux.start(
            columns: 160, rows: 45,
            command: "cd '\(directory.path)' && env LANG=C.UTF-8 TERM=xterm-256color '\(switchboardBinary.path)' project.json; "
                + "echo SB-DONE; exec sleep 120")
        var step = tmux.waitFor { $0.contains("1 Trunks") && $0.contains("TRUNKS") }
        try #require(step.ok, "the app did not start:\n\(step.screen)")

        // Open the carrier router (dynamic, POST /dispatch) and point it at the /overflow route.
        tmux.sendKeys("2", "/")
        tmux.sendKeys("DynRouter")
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("SDR_DynRouter8Hk") && !$0.contains("FILTER") }
        #expect(step.ok, "the filter did not find the rule:\n\(step.screen)")
        tmux.sendKeys("e")
        step = tmux.waitFor { $0.contains("Edit rule SDR_DynRouter8Hk") && $0.contains("http://127.0.0.1:8089/dispatch") }
        try #require(step.ok, "the form did not open:\n\(step.screen)")
        tmux.sendKeys("C-u")
        tmux.sendKeys("http://127.0.0.1:8089/overflow")
        step = tmux.waitFor { $0.contains("http://127.0.0.1:8089/overflow") && $0.contains("●") }
        #expect(step.ok, "the URL was not typed:\n\(step.screen)")
        tmux.sendKeys("C-s")
        step = tmux.waitFor { !$0.contains("Edit rule") && $0.contains("http://127.0.0.1:8089/overflow") }
        #expect(step.ok, "the edit was not applied:\n\(step.screen)")

        // Run the saved "Carrier call via webhook": the request goes to the new URL.
        tmux.sendKeys("c")
        _ = tmux.waitFor { $0.contains("Saved call") }
        tmux.sendKeys("C-o")
        _ = tmux.waitFor { $0.contains("SAVED CALLS") }
        tmux.sendKeys("j", "j", "Enter")
        step = tmux.waitFor { $0.contains("+13105550188") && $0.contains(" CALL ") }
        #expect(step.ok, "the saved call did not fill the form:\n\(step.screen)")
        tmux.sendKeys("Enter")
        // The whole frame: a capture can catch the terminal mid-paint (outcome drawn, bodies and
        // status line not yet), so wait until the call has ended and the response body shows.
        step = tmux.waitFor {
            $0.contains("POST http://127.0.0.1:8089/overflow") && $0.contains("HTTP 200 OK")
                && $0.contains("Answer → room dynamic-lobby as sip_+12025550100") && !$0.contains("CALLING")
                && $0.contains(#""room_name": "dynamic-lobby""#)
        }
        #expect(step.ok, "the three panes did not show the call to the new URL:\n\(step.screen)")
        #expect(step.screen.contains("1 Request") && step.screen.contains("2 Response") && step.screen.contains("3 Outcome"))
        #expect(step.screen.contains(#""room_name": "dynamic-lobby""#))

        // The run is in the history; save it as a scenario under its default name.
        tmux.sendKeys("Escape")
        _ = tmux.waitFor { $0.contains(" CALL ") }
        tmux.sendKeys("Escape")
        _ = tmux.waitFor { $0.contains("RULES") }
        tmux.sendKeys("H")
        step = tmux.waitFor { $0.contains("History · 1 run") && $0.contains("#1") && $0.contains("answer") }
        #expect(step.ok, "the history does not list the run:\n\(step.screen)")
        tmux.sendKeys("s")
        step = tmux.waitFor { $0.contains("Save run #1 as a scenario") }
        #expect(step.ok, "no scenario prompt:\n\(step.screen)")
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("Saved in scenarios.json") }
        #expect(step.ok, "the scenario was not saved:\n\(step.screen)")

        // Export the workspace as edited.
        tmux.sendKeys("Escape")
        _ = tmux.waitFor { $0.contains("RULES") }
        tmux.sendKeys("x")
        step = tmux.waitFor { $0.contains("Preview") && $0.contains("project-export.json") }
        #expect(step.ok, "the export screen did not open:\n\(step.screen)")
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("Exported to project-export.json") }
        #expect(step.ok, "no export toast:\n\(step.screen)")
        // A second Enter finds the file and asks before replacing it.
        tmux.sendKeys("Enter")
        step = tmux.waitFor { $0.contains("project-export.json already exists") }
        #expect(step.ok, "no overwrite question:\n\(step.screen)")
        tmux.sendKeys("n")
        tmux.sendKeys("q")
        _ = tmux.waitFor { $0.contains("SB-DONE") || $0.contains("Quit") }

        // The exported file parses and holds the new URL.
        let exported = try Data(contentsOf: directory.appendingPathComponent("project-export.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
        let rules = try #require(root["dispatchRules"] as? [[String: Any]])
        let router = try #require(rules.first { $0["sipDispatchRuleId"] as? String == "SDR_DynRouter8Hk" })
        let dynamic = (router["rule"] as? [String: Any])?["dispatchRuleDynamic"] as? [String: Any]
        #expect(dynamic?["url"] as? String == "http://127.0.0.1:8089/overflow")
        #expect(dynamic?["method"] as? String == "POST")

        // The saved scenario passes `switchboard test` against the edited workspace, and the
        // scenarios the file had are still there.
        let scenarios = try Data(contentsOf: directory.appendingPathComponent("scenarios.json"))
        let list = try #require((try JSONSerialization.jsonObject(with: scenarios) as? [String: Any])?["scenarios"] as? [[String: Any]])
        #expect(list.last?["name"] as? String == "+12025550100 → +13105550188 ACCEPT")
        let original = try Data(contentsOf: packageRoot.appendingPathComponent("samples/scenarios.json"))
        let originalCount = ((try JSONSerialization.jsonObject(with: original) as? [String: Any])?["scenarios"] as? [Any])?.count
        #expect(list.count == (originalCount ?? 0) + 1)
        let single = directory.appendingPathComponent("saved.json")
        let saved = try JSONSerialization.data(withJSONObject: ["scenarios": [list.last!]])
        try saved.write(to: single)
        let result = try runSwitchboard(["test", single.path, directory.appendingPathComponent("project-export.json").path], in: directory)
        #expect(result.status == 0, "switchboard test failed:\n\(result.stdout)\n\(result.stderr)")
    }
}

import Foundation
import SwitchboardCore
import Testing

/// `switchboard test` as CI sees it: the real binary on the bundled project and its mock
/// webhook, five scenarios that pass, fail and error, and the options that pick, stop and
/// report them.
@Suite("switchboard test: failures, errors, reports, --bail, --filter, --tag")
struct TestRunnerCLITests {
    /// Two pass on plain rules and the webhook's two spellings of an action, one misses an
    /// attribute (a failure), one meets a webhook answering 500 (an error).
    static let scenarios = #"""
        {"scenarios": [
          {"name": "front desk", "tags": ["smoke"], "call": {"from": "+12025550100", "to": "+14155550100"},
           "expect": {"result": "ACCEPT", "room": "front-desk", "trunkName": "*", "webhook": null}},
          {"name": "transfer by webhook", "tags": ["webhook"],
           "call": {"from": "+12025550112", "to": "+13105550188", "sourceIp": "203.0.113.7"},
           "expect": {"result": "TRANSFER", "webhook": {"action": "transfer", "status": 200},
                      "transferDestinationName": "Front desk via carrier"}},
          {"name": "pin via snake_case", "tags": ["webhook"],
           "call": {"from": "+12025550113", "to": "+13105550188", "sourceIp": "203.0.113.7"},
           "expect": {"webhook": {"action": "accept"}}},
          {"name": "wrong participant", "tags": ["webhook"],
           "call": {"from": "+12025550100", "to": "+13105550188", "sourceIp": "203.0.113.7"},
           "expect": {"participant": {"attributes": {"lobby": "side"}}}},
          {"name": "webhook down", "tags": ["webhook"],
           "call": {"from": "+12025550116", "to": "+13105550188", "sourceIp": "203.0.113.7"},
           "expect": {"result": "ACCEPT"}}
        ]}
        """#

    static let failureLine = #"FAIL "wrong participant": participant.attributes.lobby: expected "side", got "main""#
    static let errorLine = #"ERROR "webhook down": webhook returned non-200 status: 500"#

    func run(_ options: [String]) throws -> (ProcessResult, URL) {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("calls.json")
        try Data(Self.scenarios.utf8).write(to: file)
        let result = try runSwitchboard(["test", file.path, "samples/project.json"] + options)
        return (result, directory)
    }

    @Test("a failure and an error: exit 3, one line each (the error says why once), the summary counts both")
    func failureAndError() throws {
        let (result, directory) = try run([])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout == [Self.failureLine, Self.errorLine, "3 passed, 1 failed, 1 error", ""].joined(separator: "\n"))
    }

    @Test("failures without errors exit 1; --filter takes a substring or a * glob")
    func failuresOnly() throws {
        let (substring, d1) = try run(["--filter", "participant"])
        defer { try? FileManager.default.removeItem(at: d1) }
        #expect(substring.status == 1)
        #expect(substring.stdout == Self.failureLine + "\n0 passed, 1 failed\n")

        let (glob, d2) = try run(["--filter", "*by*", "--filter", "front*"])
        defer { try? FileManager.default.removeItem(at: d2) }
        #expect(glob.status == 0, "\(glob.stdout)")
        #expect(glob.stdout == "2 passed, 0 failed\n")
    }

    @Test("--tag runs only the tagged scenarios")
    func tag() throws {
        let (result, directory) = try run(["--tag", "smoke"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0)
        #expect(result.stdout == "1 passed, 0 failed\n")
    }

    @Test("--bail stops at the first failure; what did not run is counted as skipped")
    func bail() throws {
        let (result, directory) = try run(["--bail", "--jobs", "1"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 1)
        #expect(result.stdout == Self.failureLine + "\n3 passed, 1 failed, 1 skipped\n")
    }

    @Test("--format tap on standard output, junit and json to files at once; the human lines move to standard error")
    func reports() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("report.xml")
        let json = directory.appendingPathComponent("report.json")
        let (result, scenarios) = try run(["--format", "tap", "--format", "junit:" + junit.path, "--format", "json:" + json.path])
        defer { try? FileManager.default.removeItem(at: scenarios) }
        #expect(result.status == 3)
        #expect(result.stderr == [Self.failureLine, Self.errorLine, "3 passed, 1 failed, 1 error", ""].joined(separator: "\n"))

        let tap = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(tap.prefix(2)) == ["TAP version 13", "1..5"])
        #expect(
            tap.filter { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") } == [
                "ok 1 - front desk", "ok 2 - transfer by webhook", "ok 3 - pin via snake_case",
                "not ok 4 - wrong participant", "not ok 5 - webhook down",
            ])
        #expect(tap.contains("  severity: error"))

        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains(#"<testsuite name="calls" tests="5" failures="1" errors="1" skipped="0""#))

        let report = try #require(try JSONParser.parse(String(contentsOf: json, encoding: .utf8)).objectValue)
        #expect(report["passed"] == 3)
        #expect(report["failed"] == 1)
        #expect(report["errors"] == 1)
        let cases = try #require(report["cases"]?.arrayValue)
        #expect(cases.compactMap { $0.objectValue?["status"]?.stringValue } == ["passed", "passed", "passed", "failed", "error"])
        #expect(cases.last?.objectValue?["error"] == "webhook returned non-200 status: 500")
    }
}

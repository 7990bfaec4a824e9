import Foundation
import SwitchboardCore
import Testing

/// `test`, `verify-signature`, `mock-webhook` and `simulate` with a webhook, run as a user runs them.
@Suite("webhook commands on the command line")
struct WebhookCommandTests {
    @Test("the samples' scenarios all pass, and the summary line is exact")
    func samplesPass() throws {
        let result = try runSwitchboard(["test", "samples/scenarios.json", "--jobs", "4"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last.map(String.init)?.range(of: #"^\d+ passed, 0 failed$"#, options: .regularExpression) != nil)
    }

    @Test("a deliberate mismatch: exit 1, one readable line per mismatch, JUnit written")
    func mismatch() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenarios = directory.appendingPathComponent("mismatch.json")
        try Data(
            #"""
            {"scenarios": [
              {"name": "front desk", "call": {"from": "+12025550100", "to": "+14155550100"}, "expect": {"room": "front-*"}},
              {"name": "wrong room", "call": {"from": "+12025550100", "to": "+13105550188", "sourceIp": "203.0.113.7"},
               "expect": {"result": "ACCEPT", "room": "sales*", "ruleId": "SDR_DynRouter8Hk"}}
            ]}
            """#.utf8
        ).write(to: scenarios)
        let junit = directory.appendingPathComponent("report.xml")
        let result = try runSwitchboard(["test", scenarios.path, "samples/project.json", "--junit", junit.path])
        #expect(result.status == 1)
        #expect(result.stdout == "FAIL \"wrong room\": room: expected \"sales*\", got \"dynamic-lobby\"\n1 passed, 1 failed\n")
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains(#"<testsuite name="mismatch" tests="2" failures="1""#))
        #expect(xml.contains(#"<failure message="room: expected &quot;sales*&quot;, got &quot;dynamic-lobby&quot;""#))
    }

    @Test("a bad scenarios file: exit 2 and FILE:LINE:COL")
    func badScenarios() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenarios = directory.appendingPathComponent("bad.json")
        try Data(#"{"scenarios": [{"call": {"from": "+1"}, "expect": {"result": "MAYBE"}}]}"#.utf8).write(to: scenarios)
        let result = try runSwitchboard(["test", scenarios.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(scenarios.path):1:62: expected one of ACCEPT, REQUEST_PIN, REJECT, TRANSFER, DROP, ERROR"))
    }

    @Test("simulate fills the webhook object; its token verifies against its body, and not against another")
    func simulateAndVerify() throws {
        let result = try runSwitchboard([
            "simulate", "--json", "--from", "+12025550111", "--to", "+13105550188", "--source-ip", "203.0.113.7",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(try JSONParser.parse(result.stdout).objectValue)
        #expect(doc["result"] == "REJECT")
        #expect(doc["reject"] == .object(["statusCode": 486, "reason": "Busy Here"]))
        let webhook = try #require(doc["webhook"]?.objectValue)
        let request = try #require(webhook["request"]?.objectValue)
        #expect(request["method"] == "POST")
        #expect(request["url"] == "http://127.0.0.1:8089/dispatch")
        #expect(webhook["response"]?.objectValue?["status"] == 200)
        #expect(webhook["error"] == .null)
        let token = try #require(request["headers"]?.objectValue?["Authorization"]?.stringValue)
        let body = try #require(request["body"]?.stringValue)

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bodyFile = directory.appendingPathComponent("body.json")
        try Data(body.utf8).write(to: bodyFile)
        let credentials = ["--key", "APIsbDemo4Key", "--secret", "demo-secret-do-not-use-in-production-0123456789"]
        let valid = try runSwitchboard(["verify-signature"] + credentials + ["--body", bodyFile.path, token])
        #expect(valid.status == 0, "\(valid.stdout)")
        #expect(valid.stdout.hasPrefix("valid: signed by APIsbDemo4Key"))

        try Data(body.replacingOccurrences(of: "+12025550111", with: "+12025550112").utf8).write(to: bodyFile)
        let tampered = try runSwitchboard(["verify-signature"] + credentials + ["--body", bodyFile.path, token])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("could not verify authenticity of message: sha256 claim is"))
    }

    @Test("mock-webhook serves a script in the foreground until SIGINT")
    func mockWebhookCommand() async throws {
        let process = Process()
        process.executableURL = switchboardBinary
        process.arguments = ["mock-webhook", "samples/mock-webhook.json", "--port", "0"]
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The first line names the URL; poll for it with a deadline (a blocking read could hang).
        let collected = Collected()
        output.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        let deadline = ContinuousClock.now + .seconds(20)
        while !collected.text.contains("\n"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let text = collected.text
        let url = try #require(text.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = directory.appendingPathComponent("project.json")
        try Data(
            #"{"dispatchRules": [{"sipDispatchRuleId": "SDR_ExternalMock", "rule": {"dispatchRuleDynamic": {"url": "\#(url)/dispatch"}}}]}"#
                .utf8
        ).write(to: project)
        let simulated = try runSwitchboard(["simulate", project.path, "--json", "--from", "+12025550100", "--to", "+13105550188"])
        let doc = try #require(try JSONParser.parse(simulated.stdout).objectValue)
        #expect(doc["room"] == "dynamic-lobby", "\(simulated.stderr)")

        process.interrupt()
        // Never wait unbounded: a mock that ignores SIGINT must fail this test, not hang the run.
        let stopDeadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < stopDeadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("mock-webhook did not stop within 10 s of SIGINT")
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        while !collected.text.hasSuffix("stopped\n"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        output.fileHandleForReading.readabilityHandler = nil
        let rest = collected.text
        #expect(rest.contains("POST /dispatch from_user=+12025550100 to_user=+13105550188"))
        #expect(rest.hasSuffix("mock webhook stopped\n"))
    }
}

/// Output of a running child, gathered as it arrives.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

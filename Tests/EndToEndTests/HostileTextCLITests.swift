import Foundation
import SwitchboardCore
import Testing

/// A webhook (or a file) that answers with terminal escape sequences must never get them to
/// the user's terminal raw: the human output of `simulate`, `test` and `validate`, and the
/// error lines, show them escaped (`\x1b[2J`); `--json` escapes them through the JSON writer.
/// The real binary, answering from a mock webhook script served in-process.
@Suite("Escape sequences from webhooks and files reach the terminal escaped")
struct HostileTextCLITests {
    static let clear = "\u{1B}[2J"

    /// A directory with a one-rule project whose dynamic rule asks the hostile mock script.
    static func fixture() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let project = #"""
            {"trunks": [{"sipTrunkId": "ST_Hostile00001", "name": "Carrier", "numbers": ["+15550100"]}],
             "dispatchRules": [
               {"sipDispatchRuleId": "SDR_Hostile0001", "name": "Router \u001b]0;pwned\u0007", "trunkIds": ["ST_Hostile00001"],
                "rule": {"dispatchRuleDynamic": {"url": "http://127.0.0.1:8089/dispatch", "method": "POST"}}}]}
            """#
        let script = #"""
            {"routes": [
              {"match": {"from_user": "+15551111"}, "status": 200,
               "body": {"dispatch_action": "accept", "room_name": "room\u001b[2J", "metadata": "meta\u001b[31m\u009b1m",
                        "attributes": {"key\u001b[1m": "value\u001b[5m\u202e"}, "unknown\u001b[2J": 1}},
              {"match": {"from_user": "+15552222"}, "status": 200,
               "body": {"action": "reject", "reject_status_code": 486, "reject_reason": "busy\u001b[2J\r\nresult  ACCEPT"}},
              {"match": {"from_user": "+15553333"}, "status": 200,
               "body": {"action": "transfer", "transfer_to": "+15550001", "destination_name": "desk\u001b[2J"}},
              {"match": {"from_user": "+15554444"}, "status": 500, "body": "down\u001b[2J"}
            ]}
            """#
        let scenarios = #"""
            {"scenarios": [
              {"name": "hostile \u001b[2J room", "call": {"from": "+15551111", "to": "+15550100"},
               "expect": {"result": "ACCEPT", "room": "expected-room"}}
            ]}
            """#
        try Data(project.utf8).write(to: directory.appendingPathComponent("project.json"))
        try Data(script.utf8).write(to: directory.appendingPathComponent("hostile.json"))
        try Data(scenarios.utf8).write(to: directory.appendingPathComponent("scenarios.json"))
        return directory
    }

    /// No ESC, BEL, CR or C1 control (as UTF-8: C2 80…C2 9F) anywhere in `text`.
    static func expectNoControls(_ text: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        let raw = bytes.enumerated().first { index, byte in
            byte == 0x1B || byte == 0x07 || byte == 0x0D || byte == 0x9B
                || (byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]))
        }
        #expect(raw == nil, "raw control byte in \(context):\n\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    func simulate(_ from: String, in directory: URL, _ extra: [String] = []) throws -> ProcessResult {
        try runSwitchboard(
            ["simulate", "project.json", "--from", from, "--to", "+15550100", "--mock-webhook", "hostile.json", "--seed", "1"] + extra,
            in: directory)
    }

    @Test("simulate: an answer's room, metadata, attributes and ignored keys, escaped")
    func answer() throws {
        let directory = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try simulate("+15551111", in: directory, ["--explain"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        Self.expectNoControls(result.stdout, "simulate output")
        Self.expectNoControls(result.stderr, "simulate errors")
        #expect(result.stdout.contains(#"room\x1b[2J"#), "\(result.stdout)")
        #expect(result.stdout.contains(#"meta\x1b[31m\x9b1m"#), "\(result.stdout)")
        #expect(result.stdout.contains(#"key\x1b[1m=value\x1b[5m\u{202e}"#), "\(result.stdout)")
        #expect(result.stdout.contains(#"Router \x1b]0;pwned\x07"#), "the rule's name from the file: \(result.stdout)")
        // The note quotes the key the way Swift debug-prints it (`\u{1B}`): escaped either way.
        #expect(
            result.stdout.contains(#"unknown\x1b[2J"#) || result.stdout.contains(#"unknown\u{1B}[2J"#),
            "the ignored key's note: \(result.stdout)")
    }

    @Test("simulate: a reject reason cannot forge an output line; transfer and error text escaped")
    func rejectTransferError() throws {
        let directory = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reject = try simulate("+15552222", in: directory)
        Self.expectNoControls(reject.stdout, "reject output")
        #expect(reject.stdout.contains(#"busy\x1b[2J\r\nresult  ACCEPT"#), "\(reject.stdout)")
        #expect(!reject.stdout.contains("\nresult  ACCEPT"), "a value started a line of its own:\n\(reject.stdout)")

        let transfer = try simulate("+15553333", in: directory)
        Self.expectNoControls(transfer.stdout, "transfer output")
        #expect(transfer.stdout.contains(#"desk\x1b[2J"#), "\(transfer.stdout)")

        let failure = try simulate("+15554444", in: directory, ["--explain"])
        Self.expectNoControls(failure.stdout, "error output")
        Self.expectNoControls(failure.stderr, "error stderr")
    }

    @Test("simulate --json: the JSON writer escapes the same values")
    func json() throws {
        let directory = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try simulate("+15551111", in: directory, ["--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        Self.expectNoControls(result.stdout, "simulate --json")
        let document = try #require(try JSONParser.parse(result.stdout).objectValue)
        #expect(document["room"] == .string("room" + Self.clear), "the value itself is unchanged")
    }

    @Test("test: a FAIL line quoting a webhook's room and a scenario's name is escaped")
    func scenarioFailure() throws {
        let directory = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runSwitchboard(
            ["test", "scenarios.json", "project.json", "--mock-webhook", "hostile.json", "--jobs", "1"], in: directory)
        #expect(result.status == 1, "one mismatch: \(result.stdout)\n\(result.stderr)")
        Self.expectNoControls(result.stdout, "test output")
        Self.expectNoControls(result.stderr, "test errors")
        #expect(result.stdout.contains(#"FAIL "hostile \x1b[2J room""#), "\(result.stdout)")
        #expect(result.stdout.contains(#"room\x1b[2J"#), "\(result.stdout)")
    }

    @Test("validate and load errors: names, IDs and file names from files are escaped")
    func validateAndLoadErrors() throws {
        let directory = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = #"""
            {"dispatchRules": [
              {"sipDispatchRuleId": "SDR_Hostile0002", "name": "Name \u001b[2J",
               "rule": {"dispatchRuleDirect": {"roomName": "r", "pin": "1\u001b[2J"}}}]}
            """#
        try Data(rules.utf8).write(to: directory.appendingPathComponent("rules.json"))
        let validate = try runSwitchboard(["validate", "rules.json"], in: directory)
        Self.expectNoControls(validate.stdout, "validate output")
        Self.expectNoControls(validate.stderr, "validate errors")
        #expect(validate.stdout.contains(#"Name \x1b[2J"#), "\(validate.stdout)\n\(validate.stderr)")
        #expect(validate.stdout.contains(#"pin "1\x1b[2J""#), "the value quoted in the message: \(validate.stdout)")

        let badName = "bad\(Self.clear).json"
        try Data("{\"trunks\": [1,}".utf8).write(to: directory.appendingPathComponent(badName))
        let load = try runSwitchboard(["validate", badName], in: directory)
        #expect(load.status == 2, "\(load.stderr)")
        Self.expectNoControls(load.stderr, "load error")
        #expect(load.stderr.contains(#"bad\x1b[2J.json:1:"#), "\(load.stderr)")
    }
}

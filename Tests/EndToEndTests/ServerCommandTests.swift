import Foundation
import SwitchboardCore
import Testing

/// Issue 17: `pull`, `diff` and `push` against a LiveKit SIP service — the stand-in built on
/// LiveKit's own protobufs (`Tests/LiveKitStandIn/standin.py`), itself checked with LiveKit's
/// official Python client — as a user runs them: the real binary, the real socket, and what
/// the server holds afterwards read back from it. Every run's output is checked for the API
/// secret.
@Suite("pull, diff and push with a LiveKit server")
struct ServerCommandTests {
    /// The stand-in as `livekit-api` (LiveKit's Python server SDK) sees it: its SIP service's
    /// list, create, update and delete calls, a page at a time too, and a wrong secret refused.
    @Test("LiveKit's official Python client works against the stand-in")
    func officialClientAgrees() throws {
        let check = try ChildProcess(try livekitPython(), [standInScript("check_with_livekit_api.py")])
        let status = try check.finish(within: .seconds(120))
        #expect(status == 0, "stdout: \(check.stdout)\nstderr: \(check.stderr)")
        #expect(check.stdout == "ok\n")
    }

    @Test("pull then diff with no edit: no differences")
    func pullThenDiffIsEmpty() throws {
        let server = try LiveKitStandIn(["--seed-trunks", "3", "--seed-rules", "5"])
        let work = try PullDir(server)
        let pulled = try work.run(["pull", "--output", work.dir.path])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("inbound-trunks.json: 3 inbound trunks"))
        #expect(pulled.stdout.contains("dispatch-rules.json: 5 dispatch rules"))
        try work.expectInSync()
    }

    @Test("edit one rule, push: the server holds exactly that change, and the next diff is empty")
    func pushSendsExactlyTheEdit() throws {
        let server = try LiveKitStandIn(["--seed-trunks", "2", "--seed-rules", "5"])
        let work = try PullDir(server)
        #expect(try work.run(["pull", "--output", work.dir.path]).status == 0)
        let before = try server.state()
        try work.replaceInRules(#""room-2""#, with: #""room-two""#)

        let diff = try work.run(["diff"] + work.files)
        #expect(diff.status == 1)
        let id = try Self.id(ofRule: "Rule 2", in: before)
        #expect(diff.stdout == "~ rule \(id) \"Rule 2\"\n    rule.dispatchRuleDirect.roomName: \"room-2\" → \"room-two\"\n")

        let unconfirmed = try work.run(["push"] + work.files)
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stderr.contains("not confirmed: nothing was sent"))
        #expect(try Self.withoutTimes(server.state()) == Self.withoutTimes(before))

        let pushed = try work.run(["push", "--yes"] + work.files)
        #expect(pushed.status == 0, "\(pushed.stdout)\(pushed.stderr)")
        #expect(pushed.stdout.contains("update rule \(id) \"Rule 2\""))
        #expect(pushed.stdout.contains("rule.dispatchRuleDirect.roomName: \"room-2\" → \"room-two\""))

        // Every item as it was but that one field: a full replace lost nothing (attributes,
        // agents, numbers, trunk IDs), and no other item was written.
        let after = try server.state()
        var expected = Self.withoutTimes(before)
        expected = Self.replacing(#""room-2""#, with: #""room-two""#, in: expected)
        #expect(Self.withoutTimes(after) == expected)
        #expect(Self.updatedAt(of: id, in: after) != Self.updatedAt(of: id, in: before))

        try work.expectInSync()
    }

    @Test("a rule changed on the server since the pull and edited here: push reports a conflict and sends nothing")
    func conflictSendsNothing() throws {
        let server = try LiveKitStandIn(["--seed-rules", "4"])
        let work = try PullDir(server)
        #expect(try work.run(["pull", "--output", work.dir.path]).status == 0)
        let pulled = try server.state()
        let id = try Self.id(ofRule: "Rule 1", in: pulled)
        try server.touch(id: id, name: "Renamed on the server")
        let touched = try server.state()
        try work.replaceInRules(#""room-1""#, with: #""room-one""#)
        try work.replaceInRules(#""room-3""#, with: #""room-three""#)  // not a conflict, and not sent either

        let pushed = try work.run(["push", "--yes"] + work.files)
        #expect(pushed.status == 1)
        #expect(pushed.stdout.contains("CONFLICT: rule \(id) \"Rule 1\": changed on the server since the pull (updatedAt"))
        #expect(pushed.stderr == "error: 1 conflict(s): nothing was sent (pull again, redo your edits, then push)\n")
        #expect(try Self.held(server.state()) == Self.held(touched))
    }

    @Test("a wrong secret: one line with the Twirp code and message, exit status 2, nothing written")
    func wrongSecret() throws {
        let server = try LiveKitStandIn(["--seed-rules", "1"])
        let work = try PullDir(server)
        let wrong = "not-the-secret-5512"
        let empty = try work.emptyList()
        for command in [["pull", "--output", work.dir.path], ["diff", empty], ["push", empty]] {
            let result = try work.run(command, secret: wrong)
            #expect(result.status == 2, "\(command[0]): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command[0]): \(result.stdout)")
            #expect(
                result.stderr
                    == "error: LiveKit server refused ListSIPInboundTrunk (HTTP 401, unauthenticated): invalid token: Signature verification failed (check LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or --api-key/--api-secret)\n",
                "\(command[0])")
            #expect(!result.stdout.contains(wrong) && !result.stderr.contains(wrong))
        }
        #expect(!FileManager.default.fileExists(atPath: work.dir.appendingPathComponent("dispatch-rules.json").path))
    }

    @Test("the server down (a closed port): one clear line and exit status 2, well within the connect timeout")
    func serverDown() throws {
        var server: LiveKitStandIn? = try LiveKitStandIn()
        let url = server!.url
        let work = try PullDir(server!)
        server = nil  // killed: nothing listens on its port any more
        var environment = work.environment
        environment["LIVEKIT_URL"] = url
        let started = ContinuousClock.now
        let result = try work.run(["pull", "--output", work.dir.path, "--connect-timeout-ms", "1000"], environment: environment)
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 2)
        let port = url.split(separator: ":").last!
        #expect(
            result.stderr
                == "error: LiveKit server at \(url) is unreachable: connection refused by 127.0.0.1:\(port) (is the server running?)\n")
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test("a server that accepts and never answers: one clear line naming --timeout-ms, soon after it")
    func serverHangs() throws {
        let server = try LiveKitStandIn(["--stall"])
        let work = try PullDir(server)
        let started = ContinuousClock.now
        let result = try work.run(["diff", "--timeout-ms", "500", try work.emptyList()])
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 2)
        #expect(result.stderr == "error: LiveKit server at \(server.url) is unreachable: no answer within 500 ms (--timeout-ms)\n")
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test("the secret never shows, given as --api-secret either")
    func secretNeverPrinted() throws {
        let server = try LiveKitStandIn(["--seed-trunks", "1", "--seed-rules", "2"])
        let work = try PullDir(server)
        var environment = work.environment
        environment["LIVEKIT_API_SECRET"] = nil
        let flag = ["--api-secret", LiveKitStandIn.apiSecret]
        // Workspace.run checks each run's stdout and stderr for the secret.
        #expect(try work.run(["pull", "--output", work.dir.path] + flag, environment: environment).status == 0)
        try work.replaceInRules(#""room-1""#, with: #""room-one""#)
        #expect(try work.run(["diff", "--json"] + work.files + flag, environment: environment).status == 1)
        #expect(try work.run(["push", "--yes"] + work.files + flag, environment: environment).status == 0)
        #expect(try work.run(["diff"] + work.files + flag, environment: environment).status == 0)
        let unset = try work.run(["pull"], environment: environment, in: work.dir)
        #expect(unset.stderr == "error: no API secret: set LIVEKIT_API_SECRET or pass --api-secret\n")
    }

    @Test("a dynamic rule is never pushed, and the plan says so; a new static rule is created beside it")
    func dynamicRuleNeverPushed() throws {
        let server = try LiveKitStandIn(["--seed-trunks", "1", "--seed-rules", "2"])
        let work = try PullDir(server)
        #expect(try work.run(["pull", "--output", work.dir.path]).status == 0)
        try work.appendRules(
            #"{"name": "Dyn", "rule": {"dispatchRuleDynamic": {"url": "http://127.0.0.1:9/dispatch"}}}"#,
            #"{"name": "New", "rule": {"dispatchRuleDirect": {"roomName": "new-room"}}}"#)

        let pushed = try work.run(["push", "--yes"] + work.files)
        #expect(pushed.status == 0, "\(pushed.stdout)\(pushed.stderr)")
        #expect(pushed.stdout.contains("\"Dyn\": dynamic rule: LiveKit has no dynamic rule type"))
        #expect(pushed.stdout.contains("  not pushed: rule "))
        let rules = try #require(try server.state()["rules"]?.arrayValue)
        #expect(rules.compactMap { $0.objectValue?["name"]?.stringValue } == ["Rule 0", "Rule 1", "New"])

        // The created rule now has the server's ID in the file; only the dynamic one differs.
        let diff = try work.run(["diff", "--json"] + work.files)
        #expect(diff.status == 1)
        let report = try #require(try JSONParser.parse(diff.stdout).objectValue)
        let items = try #require(report["items"]?.arrayValue)
        #expect(items.count == 1)
        #expect(items.first?.objectValue?["name"] == "Dyn")
        #expect(items.first?.objectValue?["dynamic"] == true)
    }

    @Test("lists longer than a page: pull asks a page at a time and follows afterId until an empty page")
    func pagedPull() throws {
        // The server caps pages at 2 items, below the 1000 asked: stopping at a short page would lose items.
        let server = try LiveKitStandIn(["--seed-trunks", "3", "--seed-rules", "7", "--max-page", "2"])
        let work = try PullDir(server)
        let pulled = try work.run(["pull", "--output", work.dir.path])
        #expect(pulled.stdout.contains("3 inbound trunks") && pulled.stdout.contains("7 dispatch rules"), "\(pulled.stderr)")
        let state = try server.state()
        let calls = try #require(state["listCalls"]?.arrayValue)
        #expect(calls.count == 3 + 5)  // 2+1 trunks then an empty page; 2+2+2+1 rules then an empty page
        #expect(calls.allSatisfy { $0.objectValue?["limit"] == 1000 })
        let ruleIDs = try #require(state["rules"]?.arrayValue).compactMap { $0.objectValue?["sipDispatchRuleId"]?.stringValue }.sorted()
        #expect(
            calls.suffix(5).map { $0.objectValue?["afterId"]?.stringValue ?? "" } == ["", ruleIDs[1], ruleIDs[3], ruleIDs[5], ruleIDs[6]])
        try work.expectInSync()
    }

    @Test("a server that ignores page answers whole lists: pull takes them once, without duplicates")
    func serverWithoutPaging() throws {
        let server = try LiveKitStandIn(["--seed-trunks", "2", "--seed-rules", "3", "--ignore-page"])
        let work = try PullDir(server)
        let pulled = try work.run(["pull", "--output", work.dir.path])
        #expect(pulled.stdout.contains("2 inbound trunks") && pulled.stdout.contains("3 dispatch rules"), "\(pulled.stderr)")
        // Each list asked twice: the second answer brings nothing new, which ends it.
        #expect(try #require(try server.state()["listCalls"]?.arrayValue).count == 4)
        try work.expectInSync()
    }

    @Test("1,001 rules come in pages of 1,000")
    func thousandAndOne() throws {
        let server = try LiveKitStandIn(["--seed-rules", "1001"])
        let work = try PullDir(server)
        let pulled = try work.run(["pull", "--output", work.dir.path])
        #expect(pulled.stdout.contains("1001 dispatch rules"), "\(pulled.stderr)")
        let calls = try #require(try server.state()["listCalls"]?.arrayValue)
        #expect(calls.count == 1 + 3)  // no trunks: one empty page; rules: 1000, 1, then empty
        let file = try JSONParser.parse(String(contentsOf: work.dir.appendingPathComponent("dispatch-rules.json"), encoding: .utf8))
        let ids = Set(try #require(file.objectValue?["items"]?.arrayValue).compactMap { $0.objectValue?["sipDispatchRuleId"]?.stringValue })
        #expect(ids.count == 1001)
    }

    // MARK: - Helpers

    /// A pull directory and the runs against one stand-in.
    final class PullDir {
        let dir: URL
        let environment: [String: String]
        var files: [String] { ["inbound-trunks.json", "dispatch-rules.json"].map { dir.appendingPathComponent($0).path } }

        init(_ server: LiveKitStandIn) throws {
            dir = try temporaryDirectory()
            environment = server.environment()
        }

        deinit { try? FileManager.default.removeItem(at: dir) }

        /// Runs the binary against the stand-in; fails the test if the secret shows.
        func run(
            _ arguments: [String], secret: String? = nil, environment: [String: String]? = nil, in directory: URL = packageRoot,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws -> ProcessResult {
            var environment = environment ?? self.environment
            if let secret { environment["LIVEKIT_API_SECRET"] = secret }
            let result = try runSwitchboard(arguments, in: directory, environment: environment)
            for text in [result.stdout, result.stderr] {
                #expect(!text.contains(LiveKitStandIn.apiSecret), "the API secret was printed", sourceLocation: sourceLocation)
            }
            return result
        }

        /// A list file with no items, to diff or push without a pull.
        func emptyList() throws -> String {
            let url = dir.appendingPathComponent("empty.json")
            try Data(#"{"items": []}"#.utf8).write(to: url)
            return url.path
        }

        /// `diff` of the pulled files against the server: no differences.
        func expectInSync(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let diff = try run(["diff"] + files, sourceLocation: sourceLocation)
            #expect(diff.status == 0, "\(diff.stderr)", sourceLocation: sourceLocation)
            #expect(diff.stdout == "no differences\n", sourceLocation: sourceLocation)
        }

        func replaceInRules(_ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let url = dir.appendingPathComponent("dispatch-rules.json")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.components(separatedBy: old).count == 2, "\(old) once in the rules", sourceLocation: sourceLocation)
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }

        /// Adds rules (JSON objects) to the end of the pulled rule list.
        func appendRules(_ rules: String...) throws {
            let url = dir.appendingPathComponent("dispatch-rules.json")
            var root = try #require(try JSONParser.parse(String(contentsOf: url, encoding: .utf8)).objectValue)
            let added = try rules.map { try JSONParser.parse($0) }
            root["items"] = .array((root["items"]?.arrayValue ?? []) + added)
            try Data(JSONWriter.bytes(.object(root))).write(to: url)
        }
    }

    static func id(ofRule name: String, in state: JSONObject) throws -> String {
        let rule = state["rules"]?.arrayValue?.first { $0.objectValue?["name"]?.stringValue == name }
        return try #require(rule?.objectValue?["sipDispatchRuleId"]?.stringValue)
    }

    static func updatedAt(of id: String, in state: JSONObject) -> String? {
        state["rules"]?.arrayValue?.first { $0.objectValue?["sipDispatchRuleId"]?.stringValue == id }?.objectValue?["updatedAt"]?
            .stringValue
    }

    /// What the server holds: the state without the listCalls log.
    static func held(_ state: JSONObject) -> JSONObject {
        JSONObject(state.members.filter { $0.key != "listCalls" })
    }

    /// What the server holds without every item's `updatedAt`, which a write moves on.
    static func withoutTimes(_ state: JSONObject) -> JSONObject {
        var out = JSONObject()
        for key in ["trunks", "rules"] {
            let items = (state[key]?.arrayValue ?? []).map { item -> JSONValue in
                .object(JSONObject((item.objectValue?.members ?? []).filter { $0.key != "updatedAt" }))
            }
            out[key] = .array(items)
        }
        return out
    }

    /// `state` with one JSON string's text replaced wherever it occurs.
    static func replacing(_ old: String, with new: String, in state: JSONObject) -> JSONObject {
        let text = String(decoding: JSONWriter.bytes(.object(state), style: .compact), as: UTF8.self)
        return (try? JSONParser.parse(text.replacingOccurrences(of: old, with: new)).objectValue) ?? [:]
    }
}

import SwitchboardCore
import Testing

/// `switchboard diff` and `push`'s plan, on values: what differs per item and field, which
/// side moved since the pull, and what push sends, in which order, or refuses to.
@Suite("Server diff and push plan")
struct ServerDiffTests {
    static let pulledAt = "2026-03-01T10:00:00Z"
    static let later = "2026-03-01T10:05:00.250Z"

    /// The server's lists, as a List call would answer them.
    static func server(_ items: String) throws -> Workspace { try load(#"{"trunks": [], "dispatchRules": [\#(items)]}"#) }

    static func rule(_ id: String, room: String = "sales", name: String = "Sales", updatedAt: String = pulledAt) -> String {
        #"{"sipDispatchRuleId": "\#(id)", "name": "\#(name)", "rule": {"dispatchRuleDirect": {"roomName": "\#(room)"}}, "updatedAt": "\#(updatedAt)"}"#
    }

    static func diff(_ local: Workspace, _ server: Workspace, pull: PullRecord? = nil) -> ServerDiff {
        ServerDiff.compare(
            local: (local.trunks, local.rules), server: (server.trunks, server.rules), newIDs: local.newIDs, pull: pull)
    }

    static func record(_ server: Workspace) -> PullRecord { PullRecord(server: "http://lk", trunks: server.trunks, rules: server.rules) }

    @Test("key spelling, enum numbers and duration spellings are not differences; server timestamps are not compared")
    func sameItemDifferentSpelling() throws {
        let local = try load(
            #"""
            {"trunks": [{"sip_trunk_id": "ST_a", "numbers": ["+1555"], "media_encryption": "SIP_MEDIA_ENCRYPT_ALLOW", "ringing_timeout": "30.000s"}]}
            """#)
        let server = try load(
            #"""
            {"trunks": [{"sipTrunkId": "ST_a", "numbers": ["+1555"], "mediaEncryption": 1, "ringingTimeout": "30s", "updatedAt": "\#(Self.later)"}]}
            """#)
        #expect(Self.diff(local, server).isEmpty)
    }

    @Test("added, removed and changed items, each changed field as path: server → workspace")
    func addedRemovedChanged() throws {
        let local = try Self.server(
            Self.rule("SDR_same") + "," + Self.rule("SDR_edit", room: "support", name: "Support") + ","
                + #"{"name": "New", "rule": {"dispatchRuleIndividual": {"roomPrefix": "call"}}}"#)
        let server = try Self.server(Self.rule("SDR_same") + "," + Self.rule("SDR_edit") + "," + Self.rule("SDR_gone", name: "Gone"))
        let diff = Self.diff(local, server, pull: Self.record(server))
        #expect(diff.items.map(\.id) == ["SDR_edit", try #require(local.newIDs.first), "SDR_gone"])
        #expect(
            diff.items[0].change
                == .changed([
                    FieldChange(path: "rule.dispatchRuleDirect.roomName", old: "sales", new: "support"),
                    FieldChange(path: "name", old: "Sales", new: "Support"),
                ]))
        #expect(diff.items[1].change == .added)
        #expect(diff.items[2].change == .removed)
        #expect(diff.items[2].wasPulled)
        #expect(diff.conflicts.isEmpty)
        #expect(
            DiffReport.text(diff).hasPrefix("~ rule SDR_edit \"Support\"\n    rule.dispatchRuleDirect.roomName: \"sales\" → \"support\"\n"))

        let plan = PushPlan(diff)
        #expect(
            plan.steps.map(\.label) == [
                "create rule \(diff.items[1].id) \"New\"", "update rule SDR_edit \"Support\"", "delete rule SDR_gone \"Gone\"",
            ])
        #expect(plan.skipped.isEmpty && plan.conflicts.isEmpty)
    }

    @Test("an update is a full replace without the server-assigned ID and timestamps inside")
    func updateBody() throws {
        let local = try Self.server(Self.rule("SDR_edit", room: "support"))
        let plan = PushPlan(Self.diff(local, try Self.server(Self.rule("SDR_edit"))))
        let body = try #require(plan.steps.first).body()
        #expect(body["sipDispatchRuleId"] == "SDR_edit")
        let replace = try #require(body["replace"]?.objectValue)
        #expect(replace.keys == ["name", "rule"])
    }

    @Test("an item on the server that the last pull did not see is left alone, not deleted")
    func newOnServerNotDeleted() throws {
        let server = try Self.server(Self.rule("SDR_old") + "," + Self.rule("SDR_new", name: "Made there"))
        let pulled = try Self.server(Self.rule("SDR_old"))
        let plan = PushPlan(Self.diff(pulled, server, pull: Self.record(pulled)))
        #expect(plan.steps.isEmpty)
        #expect(plan.skipped.map(\.id) == ["SDR_new"])
        #expect(plan.skipped.first?.reason.hasPrefix("on the server but not in the last pull") == true)
    }

    @Test("changed on the server since the pull and edited here: a conflict naming both updatedAt, and no step for it")
    func conflictWithRecord() throws {
        let pulled = try Self.server(Self.rule("SDR_x"))
        let server = try Self.server(Self.rule("SDR_x", name: "Renamed there", updatedAt: Self.later))
        let local = try Self.server(Self.rule("SDR_x", room: "support"))
        let diff = Self.diff(local, server, pull: Self.record(pulled))
        #expect(diff.conflicts.map(\.id) == ["SDR_x"])
        #expect(diff.items.first?.conflict == "changed on the server since the pull (updatedAt \(Self.pulledAt) → \(Self.later))")
        let plan = PushPlan(diff)
        #expect(plan.steps.isEmpty)
        #expect(plan.conflicts.map(\.id) == ["SDR_x"])
        #expect(DiffReport.text(plan).contains("  CONFLICT: rule SDR_x \"Sales\": changed on the server since the pull"))
    }

    @Test("without a pull record the file's own updatedAt tells: an older one is a conflict, the same one is not")
    func conflictByUpdatedAtAlone() throws {
        let server = try Self.server(Self.rule("SDR_x", name: "Renamed there", updatedAt: Self.later))
        let stale = try Self.server(Self.rule("SDR_x", room: "support"))
        #expect(Self.diff(stale, server).conflicts.map(\.id) == ["SDR_x"])
        let current = try Self.server(Self.rule("SDR_x", room: "support", updatedAt: Self.later))
        let diff = Self.diff(current, server)
        #expect(diff.conflicts.isEmpty)
        #expect(PushPlan(diff).steps.map(\.action) == [.update])
        // One instant spelled two ways is not newer.
        let respelled = try Self.server(Self.rule("SDR_x", room: "support", updatedAt: "2026-03-01T10:05:00.25+00:00"))
        #expect(Self.diff(respelled, server).conflicts.isEmpty)
    }

    @Test("the server moved and the workspace did not: not a conflict, not pushed (pull to take it)")
    func serverAhead() throws {
        let pulled = try Self.server(Self.rule("SDR_x"))
        let server = try Self.server(Self.rule("SDR_x", name: "Renamed there", updatedAt: Self.later))
        let diff = Self.diff(pulled, server, pull: Self.record(pulled))
        #expect(diff.items.first?.serverAhead == true)
        #expect(diff.conflicts.isEmpty)
        let plan = PushPlan(diff)
        #expect(plan.steps.isEmpty)
        #expect(plan.skipped.first?.reason == "the server's copy is newer and this one was not edited: pull to take it")
    }

    @Test("removed here after the server changed it: a conflict, not a delete")
    func removedAfterServerChange() throws {
        let pulled = try Self.server(Self.rule("SDR_keep") + "," + Self.rule("SDR_x"))
        let server = try Self.server(Self.rule("SDR_keep") + "," + Self.rule("SDR_x", room: "moved", updatedAt: Self.later))
        let plan = PushPlan(Self.diff(try Self.server(Self.rule("SDR_keep")), server, pull: Self.record(pulled)))
        #expect(plan.steps.isEmpty)
        #expect(plan.conflicts.map(\.id) == ["SDR_x"])
    }

    @Test("dynamic rules are never pushed, new or changed, and the plan says why")
    func dynamicSkipped() throws {
        let dynamic = #"{"sipDispatchRuleId": "SDR_dyn", "name": "Dyn", "rule": {"dispatchRuleDynamic": {"url": "http://hook/a"}}}"#
        let local = try Self.server(
            dynamic.replacingOccurrences(of: "hook/a", with: "hook/b") + ","
                + #"{"name": "Dyn2", "rule": {"dispatchRuleDynamic": {"url": "http://hook/c"}}}"#)
        let diff = Self.diff(local, try Self.server(dynamic))
        #expect(diff.items.map(\.isDynamic) == [true, true])
        let plan = PushPlan(diff)
        #expect(plan.steps.isEmpty)
        #expect(plan.skipped.map(\.name) == ["Dyn", "Dyn2"])
        #expect(plan.skipped.allSatisfy { $0.reason == PushPlan.dynamicReason })
        #expect(DiffReport.text(plan).contains("  not pushed: rule SDR_dyn \"Dyn\": dynamic rule: LiveKit has no dynamic rule type"))
    }

    @Test("trunks are created before the rules naming them, which get the server's trunk ID; trunks deleted last")
    func orderAndTrunkRemap() throws {
        let local = try load(
            #"""
            {"trunks": [{"name": "New trunk", "numbers": ["+1555"]}],
             "dispatchRules": [{"name": "On it", "trunkIds": ["ST_placeholder"], "rule": {"dispatchRuleDirect": {"roomName": "r"}}}]}
            """#)
        let trunkID = try #require(local.trunks.first?.id)
        var workspace = local
        workspace.rules[0].trunkIds = [trunkID]
        let server = try load(
            #"{"trunks": [{"sipTrunkId": "ST_old", "numbers": ["+1666"]}], "dispatchRules": [\#(Self.rule("SDR_old"))]}"#)
        let plan = PushPlan(Self.diff(workspace, server, pull: Self.record(server)))
        #expect(plan.steps.map { "\($0.action) \($0.kind)" } == ["create trunk", "create rule", "delete rule", "delete trunk"])
        let created = plan.steps[1].body(trunkIDs: [trunkID: "ST_fromServer"])
        #expect(created["dispatchRule"]?.objectValue?["trunkIds"] == ["ST_fromServer"])
    }
}

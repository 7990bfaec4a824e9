import Testing

@testable import SwitchboardCore

/// The checks of one draft item against the workspace, as the edit form runs them: the same
/// findings `validate` gives, and LiveKit's create/update conflicts with the other items.
@Suite("Item validation (edit form drafts)")
struct ItemValidationTests {
    static func rule(_ id: String, name: String = "", pin: String = "", trunks: [String] = [], inbound: [String] = []) -> DispatchRule {
        var rule = DispatchRule()
        rule.id = id
        rule.name = name
        rule.kind = .direct(DirectRule(roomName: "room", pin: pin))
        rule.trunkIds = trunks
        rule.inboundNumbers = inbound
        return rule
    }

    @Test("a draft conflicts with another rule sharing trunk, numbers and PIN; it is named with LiveKit's text")
    func ruleConflict() {
        let existing = Self.rule("SDR_a", name: "Support", trunks: ["ST_1"], inbound: ["+15550100"])
        let draft = Self.rule("SDR_b", trunks: ["ST_2", "ST_1"], inbound: ["+1 555 0100"])
        let conflicts = ItemValidation.ruleConflicts(draft, among: [existing, draft])
        #expect(conflicts.map(\.existing) == ["SDR_a"])
        #expect(conflicts.first?.trunk == "ST_1")
        #expect(conflicts.first?.message.contains("\"SDR_a\" \"Support\"") == true)
    }

    @Test("no conflict: another PIN, a wildcard next to a trunk-specific rule, or the rule itself")
    func noConflict() {
        let existing = Self.rule("SDR_a", trunks: ["ST_1"])
        #expect(ItemValidation.ruleConflicts(Self.rule("SDR_b", pin: "1234", trunks: ["ST_1"]), among: [existing]).isEmpty)
        #expect(ItemValidation.ruleConflicts(Self.rule("SDR_b"), among: [existing]).isEmpty)
        #expect(ItemValidation.ruleConflicts(existing, among: [existing]).isEmpty)
    }

    @Test("two trunks serving the same number without allowed numbers conflict")
    func trunkConflict() {
        var first = Trunk()
        first.id = "ST_a"
        first.numbers = ["+15550100"]
        var draft = Trunk()
        draft.id = "ST_b"
        draft.numbers = ["+15550100"]
        #expect(ItemValidation.trunkConflicts(draft, among: [first, draft]).count == 1)
        draft.allowedNumbers = ["+15550199"]
        first.allowedNumbers = ["+15550188"]
        #expect(ItemValidation.trunkConflicts(draft, among: [first, draft]).isEmpty)
    }

    @Test("field checks match validate's for the same item")
    func sameAsValidate() {
        var rule = Self.rule("SDR_dyn")
        rule.kind = .dynamic(DynamicRule(url: "http://hooks.example.com", method: "PUT"))
        var workspace = Workspace()
        workspace.rules = [rule]
        let own = ItemValidation.check(rule, context: ItemValidation.Context(workspace: workspace))
        #expect(own == WorkspaceValidator.validate(workspace))
        #expect(own.map(\.field) == ["url", "method"])
    }
}

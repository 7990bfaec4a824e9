import SwitchboardCore
import TerminalKit
import Testing

@testable import SwitchboardApp

/// Edits patch the catalog in place (``WorkspaceCatalog/applying(_:)``) instead of rebuilding
/// it; what the user sees must not depend on that: after every commit, delete, undo, redo and
/// revert, the patched catalog holds what a catalog built from scratch for the same workspace
/// holds — findings and their order, conflicts, list markers, every sort order, the rules each
/// trunk receives, search hits, and the lists on screen.
@Suite("Incremental catalog")
struct IncrementalCatalogTests {
    /// 30 trunks and 300 rules from the generator, in a rule list and a trunk list file.
    static func generatedState() -> AppState {
        var generator = SeededGenerator(seed: 7)
        let output = ConfigurationGenerator(trunks: 30, rules: 300).generate(using: &generator)
        var workspace = Workspace()
        workspace.trunks = output.trunks
        workspace.rules = output.rules
        return AppState(
            catalog: WorkspaceCatalog(workspace: workspace), options: AppOptions(inputPaths: ["generated.json"]),
            size: TerminalSize(columns: 120, rows: 40))
    }

    /// Every way a catalog shows itself, compared with one built from its workspace.
    static func expectSameAsRebuilt(_ catalog: WorkspaceCatalog, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let full = WorkspaceCatalog(workspace: catalog.workspace)
        func same<T: Equatable>(_ a: T, _ b: T, _ what: String) {
            #expect(a == b, "\(note): \(what)", sourceLocation: sourceLocation)
        }
        same(catalog.isChecking, false, "checked")
        same(catalog.reachabilityIsStale, false, "reachability current")
        same(catalog.diagnostics, full.diagnostics, "diagnostics, in order")
        same(catalog.errorCount, full.errorCount, "errors")
        same(catalog.warningCount, full.warningCount, "warnings")
        same(catalog.dynamicRuleCount, full.dynamicRuleCount, "dynamic rules")
        for kind in [ItemKind.trunk, .rule] {
            same(catalog.count(of: kind), full.count(of: kind), "\(kind) count")
            for position in 0..<full.count(of: kind) {
                let id = full.id(of: kind, at: position)
                same(catalog.id(of: kind, at: position), id, "\(kind) ID at \(position)")
                same(catalog.position(of: kind, id: id), full.position(of: kind, id: id), "position of \(id)")
                same(catalog.severity(of: kind, at: position), full.severity(of: kind, at: position), "marker of \(id)")
                let key = ItemKey(kind, id)
                same(catalog.problems(of: key), full.problems(of: key), "problems of \(id)")
                same(
                    catalog.conflicts(of: key).map { "\($0.other.id) \($0.diagnostic)" },
                    full.conflicts(of: key).map { "\($0.other.id) \($0.diagnostic)" }, "conflicts of \(id)")
            }
            for order in SortOrder.allCases {
                same(catalog.order(order, of: kind), full.order(order, of: kind), "\(kind) \(order)")
            }
            let all = Array(0..<full.count(of: kind))
            for query in ["rule 1", "trunk 2", "sdr_", "st_", "room-1", "caller", "renamed", "+1", "http", "zz", "e", "é"] {
                same(catalog.search(kind).filter(all, query: query), full.search(kind).filter(all, query: query), "\(kind) search \(query)")
            }
        }
        for trunkID in full.workspace.trunks.map(\.id) + ["ST_missing"] {
            same(catalog.rulesReceiving(trunkID: trunkID).listing, full.rulesReceiving(trunkID: trunkID).listing, "rules of \(trunkID)")
        }
        same(catalog.rulesReceiving(trunkID: "").wildcard, full.rulesReceiving(trunkID: "").wildcard, "wildcard rules")
        for file in full.workspace.files.indices {
            same(catalog.itemCounts(ofFile: file).rules, full.itemCounts(ofFile: file).rules, "rules in file \(file)")
            same(catalog.itemCounts(ofFile: file).trunks, full.itemCounts(ofFile: file).trunks, "trunks in file \(file)")
        }
    }

    /// The state's lists as a fresh list of the same order and filter would show them.
    static func expectListsAsRebuilt(_ state: AppState, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let full = WorkspaceCatalog(workspace: state.catalog.workspace)
        for list in [state.trunks, state.rules] {
            var fresh = BrowseList(kind: list.kind, catalog: full, viewHeight: 20)
            fresh.setSort(list.sort, catalog: full, viewHeight: 20)
            fresh.setFilter(list.filter, catalog: full, viewHeight: 20)
            #expect(list.visible == fresh.visible, "\(note): \(list.kind) list", sourceLocation: sourceLocation)
        }
    }

    static func rule(_ state: AppState, at position: Int) -> DispatchRule { state.workspace.rules[position] }

    @Test("commits, deletes, undo and redo of rules leave what a full rebuild gives")
    func ruleEdits() {
        var state = Self.generatedState()
        Self.expectSameAsRebuilt(state.catalog, "as loaded")

        // A rename moves the rule in the name order and the search.
        var renamed = Self.rule(state, at: 10)
        renamed.name = "Renamed Zeta"
        App.commit(.rule(renamed), &state)
        Self.expectSameAsRebuilt(state.catalog, "rename")

        // The same keys as another rule: a conflict (blaming both) appears.
        var copy = Self.rule(state, at: 40)
        let original = Self.rule(state, at: 41)
        copy.trunkIds = original.trunkIds
        copy.inboundNumbers = original.inboundNumbers
        copy.numbers = original.numbers
        copy.kind = original.kind
        App.commit(.rule(copy), &state)
        Self.expectSameAsRebuilt(state.catalog, "conflict made")
        #expect(state.catalog.errorCount > 0)

        // A third rule on the same keys, then the first of the three in ID order is deleted:
        // the conflicts move to the next owner.
        var third = Self.rule(state, at: 200)
        third.trunkIds = original.trunkIds
        third.inboundNumbers = original.inboundNumbers
        third.numbers = original.numbers
        third.kind = original.kind
        App.commit(.rule(third), &state)
        Self.expectSameAsRebuilt(state.catalog, "three sharing")
        let sharing = [40, 41, 200].map { Self.rule(state, at: $0).id }.sorted()
        App.commit(.delete(ItemKey(.rule, sharing[0])), &state)
        Self.expectSameAsRebuilt(state.catalog, "owner deleted")

        // Scope changes: a wildcard rule, a rule moved to another trunk, a dynamic http rule
        // (a warning), a rule naming a trunk that is not loaded.
        var wildcard = Self.rule(state, at: 5)
        wildcard.trunkIds = []
        wildcard.numbers = ["+15550001111"]
        App.commit(.rule(wildcard), &state)
        var moved = Self.rule(state, at: 6)
        moved.trunkIds = [state.workspace.trunks[3].id, state.workspace.trunks[4].id]
        App.commit(.rule(moved), &state)
        var dynamic = Self.rule(state, at: 7)
        dynamic.kind = .dynamic(DynamicRule(url: "http://example.test/hook", method: "POST"))
        App.commit(.rule(dynamic), &state)
        var stray = Self.rule(state, at: 8)
        stray.trunkIds = ["ST_notLoaded"]
        App.commit(.rule(stray), &state)
        Self.expectSameAsRebuilt(state.catalog, "scope changes")

        // A new rule at the end and a copy placed in the middle; then undo everything, and redo.
        var added = DispatchRule()
        added.name = "Added rule"
        added.kind = .direct(DirectRule(roomName: "added", pin: ""))
        App.commit(.rule(added), &state)
        var middle = Self.rule(state, at: 100)
        middle.id = ""
        middle.name = "Copy in the middle"
        App.commit(.rule(middle), &state, placeAfter: ItemKey(.rule, Self.rule(state, at: 100).id))
        Self.expectSameAsRebuilt(state.catalog, "added")
        let edits = state.edits.undoStack.count
        for step in 0..<edits {
            _ = App.undo(&state)
            Self.expectSameAsRebuilt(state.catalog, "undo \(step + 1)")
        }
        #expect(!state.edits.isDirty)
        for step in 0..<edits {
            _ = App.redo(&state)
            Self.expectSameAsRebuilt(state.catalog, "redo \(step + 1)")
        }
    }

    @Test("trunk edits, including ones that reach every rule's checks, and a revert to saved")
    func trunkEditsAndRevert() {
        var state = Self.generatedState()
        var trunk = state.workspace.trunks[2]
        trunk.name = "Renamed trunk"
        trunk.numbers = state.workspace.trunks[3].numbers  // a trunk conflict
        App.commit(.trunk(trunk), &state)
        Self.expectSameAsRebuilt(state.catalog, "trunk edit")
        // The rules naming a deleted trunk now refer to a missing one.
        App.commit(.delete(ItemKey(.trunk, state.workspace.trunks[5].id)), &state)
        Self.expectSameAsRebuilt(state.catalog, "trunk deleted")
        // Numbers written normalized change the hygiene warnings of every rule: a full check.
        var normalized = state.workspace.trunks[0]
        normalized.numbers = ["+14155550199"]
        App.commit(.trunk(normalized), &state)
        Self.expectSameAsRebuilt(state.catalog, "normalized numbers")
        var added = Trunk()
        added.name = "Added trunk"
        added.numbers = ["+14155550188"]
        App.commit(.trunk(added), &state)
        var renamed = Self.rule(state, at: 3)
        renamed.name = "Renamed too"
        App.commit(.rule(renamed), &state)
        App.commit(.delete(ItemKey(.rule, Self.rule(state, at: 9).id)), &state)
        Self.expectSameAsRebuilt(state.catalog, "mixed edits")
        _ = App.revertToSaved(&state)
        Self.expectSameAsRebuilt(state.catalog, "reverted")
        #expect(!state.edits.isDirty)
        _ = App.undo(&state)
        Self.expectSameAsRebuilt(state.catalog, "revert undone")
    }

    @Test("the lists on screen, sorted and filtered, match fresh ones after edits")
    func listsAfterEdits() {
        var state = Self.generatedState()
        // Every order known (as after the background sort), then a sorted, filtered list.
        for order in SortOrder.allCases { _ = state.catalog.order(order, of: .rule) }
        (state, _) = Fixtures.press([.char("2"), .char("s"), .char("s"), .char("/")] + Fixtures.type("rule 1") + [.enter], on: state)
        #expect(state.rules.sort == .name)
        var renamed = Self.rule(state, at: 150)
        renamed.name = "Rule 1 renamed"
        App.commit(.rule(renamed), &state)
        Self.expectListsAsRebuilt(state, "rename into the filter")
        App.commit(.delete(ItemKey(.rule, Self.rule(state, at: 12).id)), &state)
        Self.expectListsAsRebuilt(state, "delete")
        _ = App.undo(&state)
        Self.expectListsAsRebuilt(state, "undo")
        Self.expectSameAsRebuilt(state.catalog, "after the list edits")
    }

    @Test("the sample project: edits, conflicts and undo")
    func sampleProject() {
        var state = Fixtures.state()
        Self.expectSameAsRebuilt(state.catalog, "as loaded")
        for position in [0, state.workspace.rules.count - 1] {
            var rule = Self.rule(state, at: position)
            rule.name += " edited"
            rule.trunkIds = []
            App.commit(.rule(rule), &state)
            Self.expectSameAsRebuilt(state.catalog, "rule \(position)")
        }
        App.commit(.delete(ItemKey(.rule, Self.rule(state, at: 1).id)), &state)
        App.commit(.delete(ItemKey(.trunk, state.workspace.trunks[0].id)), &state)
        Self.expectSameAsRebuilt(state.catalog, "deletes")
        while !state.edits.undoStack.isEmpty {
            _ = App.undo(&state)
            Self.expectSameAsRebuilt(state.catalog, "undo")
        }
    }
}

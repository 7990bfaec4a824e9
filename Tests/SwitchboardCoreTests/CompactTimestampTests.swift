import Testing

@testable import SwitchboardCore

/// `createdAt` and `updatedAt` are stored packed when they have protojson's shape. Whatever a
/// file says there must read back, compare and write back exactly as the string it was.
@Suite("Compact timestamps")
struct CompactTimestampTests {
    static let spellings = [
        "", "2025-01-07T22:40:00Z", "2026-11-20T10:00:00.123456Z", "2026-11-20T10:00:00.1Z", "2026-11-20T10:00:00.000000Z",
        "2026-11-20T10:00:00.123456789Z", "2025-01-07T22:40:00.Z", "0000-00-00T00:00:00Z", "9999-12-31T23:59:60Z",
        "9999-99-99T99:99:99Z", "2025-01-07 22:40:00Z", "2025-01-07T22:40:00+01:00", "yesterday", "2025-01-07T22:40:00z",
        "２025-01-07T22:40:00Z",
    ]

    @Test("every spelling reads back as it was set", arguments: spellings)
    func readsBack(text: String) {
        var rule = DispatchRule()
        rule.createdAt = text
        rule.updatedAt = text
        #expect(rule.createdAt == text)
        #expect(rule.updatedAt == text)
        var trunk = Trunk()
        trunk.createdAt = text
        #expect(trunk.createdAt == text)
    }

    @Test("two rules are equal exactly when their timestamps are the same strings")
    func equality() {
        for a in Self.spellings {
            for b in Self.spellings {
                var x = DispatchRule()
                x.updatedAt = a
                var y = DispatchRule()
                y.updatedAt = b
                #expect((x == y) == (a == b), "\(a) vs \(b)")
            }
        }
    }

    @Test("a list with every spelling writes back the same document")
    func listRoundTrip() throws {
        let items = Self.spellings.filter { !$0.isEmpty }.enumerated().map {
            #"{"sipDispatchRuleId": "SDR_a\#($0.offset)", "rule": {"dispatchRuleDirect": {"roomName": "r"}}, "createdAt": "\#($0.element)", "updatedAt": "\#($0.element)"}"#
        }
        let bytes = Array(("{\"items\": [" + items.joined(separator: ",") + "]}").utf8)
        let workspace = try load([SourceDocument(path: "rules.json", bytes: bytes)])
        #expect(workspace.rules.map(\.createdAt) == Self.spellings.filter { !$0.isEmpty })
        #expect(WorkspaceWriter.document(forFile: 0, of: workspace) == (try JSONParser.parse(bytes)))
    }
}

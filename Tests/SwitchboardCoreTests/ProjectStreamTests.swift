import Dispatch
import Testing

@testable import SwitchboardCore

/// `switchboard export` and the TUI's export screen write a project straight from the model
/// (`ProjectLayout.write`, `ProtoMessage.write`) instead of building its JSON tree. The file a
/// user gets must be the tree's bytes exactly: same keys, order, spellings, zero values,
/// stripped generated IDs and indentation, edited or not.
@Suite("Project export written straight from the model")
struct ProjectStreamTests {
    /// The streamed bytes and the tree's, in both layouts and with room reserved or not.
    static func expectSameBytes(_ workspace: Workspace, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for names in NameStyle.allCases {
            let file = ExportFormat.project.files(of: workspace, names: names)[0]
            let tree = WorkspaceWriter.projectDocument(of: workspace, names: names)
            #expect(file.document == tree, "\(label), \(names)", sourceLocation: sourceLocation)
            let pretty = JSONWriter.bytes(tree)
            #expect(Self.firstDifference(file.bytes(), pretty) == nil, "\(label), \(names)", sourceLocation: sourceLocation)
            #expect(file.bytes(reservingCapacity: 1 << 16) == pretty, "\(label), \(names), reserved", sourceLocation: sourceLocation)
            var compact: [UInt8] = []
            WorkspaceWriter.projectLayout(of: workspace, names: names).write(into: &compact, style: .compact)
            #expect(
                Self.firstDifference(compact, JSONWriter.bytes(tree, style: .compact)) == nil, "\(label), \(names), compact",
                sourceLocation: sourceLocation)
            // Lists cut into parts written on threads at once, however short (a part of one
            // item, more parts than items): still the same bytes.
            for width in [2, 3, 7] {
                let loop = ParallelLoop(width: width) { DispatchQueue.concurrentPerform(iterations: $0, execute: $1) }
                for style in [JSONWriter.Style.pretty, .compact] {
                    var parallel: [UInt8] = []
                    WorkspaceWriter.projectLayout(of: workspace, names: names).write(
                        into: &parallel, style: style, parallel: loop, parallelMinimum: 1)
                    var expected: [UInt8] = []
                    JSONWriter.write(tree, into: &expected, style: style, indent: 0)
                    #expect(
                        Self.firstDifference(parallel, expected) == nil,
                        "\(label), \(names), \(style), \(width) parts", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Where two outputs part, with the text around it (a byte dump of a whole file is unreadable).
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
        guard a != b else { return nil }
        let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 80)], as: UTF8.self)
        }
        return "byte \(at) of \(a.count) vs \(b.count):\n\(around(a))\n--- expected ---\n\(around(b))"
    }

    @Test("the bundled samples: the project file and the lk lists")
    func samples() throws {
        let project = SourceDocument(path: "samples/project.json", bytes: try sampleBytes("samples/project.json"))
        let rules = SourceDocument(path: "samples/lk/dispatch-rules.json", bytes: try sampleBytes("samples/lk/dispatch-rules.json"))
        let trunks = SourceDocument(path: "samples/lk/inbound-trunks.json", bytes: try sampleBytes("samples/lk/inbound-trunks.json"))
        Self.expectSameBytes(try load([project]), "project.json")
        Self.expectSameBytes(try load([trunks, rules]), "lk lists")
    }

    @Test("a generated list (canonical items), then edited, cleared, added and ID-less items")
    func generatedAndEdited() throws {
        var rng = SeededGenerator(seed: 11)
        let output = ConfigurationGenerator(trunks: 30, rules: 300).generate(using: &rng)
        let lists = [
            SourceDocument(path: "trunks.json", bytes: JSONWriter.bytes(output.trunkListDocument())),
            SourceDocument(path: "rules.json", bytes: JSONWriter.bytes(output.ruleListDocument())),
        ]
        var workspace = try load(lists)
        // Most items must take the streamed path, or this test would only check the fallback.
        #expect(workspace.rules.filter { $0.source.layout != nil }.count > 250)
        #expect(workspace.trunks.filter { $0.source.layout != nil }.count > 25)
        Self.expectSameBytes(workspace, "as loaded")

        let edits: [(inout DispatchRule) -> Void] = [
            { $0.name = "" },
            { $0.kind = .direct(DirectRule(roomName: "edited")) },
            { $0.kind = .callee(CalleeRule(roomPrefix: "line")) },
            { $0.numbers = ["+15550100"] },
            { $0.attributes = StringMap() },
            { $0.roomConfig = nil },
            { $0.trunkIds = [] },
            { $0.hidePhoneNumber.toggle() },
            { $0.name = "quote \" and \u{1b}[2J escape" },
        ]
        for (i, edit) in edits.enumerated() { edit(&workspace.rules[i * 7]) }
        workspace.trunks[0].numbers = []
        workspace.trunks[1].media = nil
        var added = DispatchRule()
        added.id = "SDR_generated000"
        added.name = "added in Switchboard"
        added.kind = .direct(DirectRule(roomName: "new"))
        workspace.rules.append(added)
        workspace.newIDs.insert(added.id)
        // An item read without an ID keeps its layout but is written without the generated one.
        workspace.newIDs.insert(workspace.rules[5].id)
        workspace.newIDs.insert(workspace.trunks[3].id)
        Self.expectSameBytes(workspace, "edited")
    }

    @Test("empty workspace and empty lists")
    func empty() throws {
        Self.expectSameBytes(Workspace(), "no files")
        Self.expectSameBytes(try load(#"{"trunks": [], "dispatchRules": [], "x-note": {"kept": [1, 2.50]}}"#), "empty lists")
    }
}

import Testing

@testable import SwitchboardCore

/// A large file read as `ReleasableBytes` is given back while its lists are read. Here every
/// range given back is overwritten at once, so a loader that read anything there again would
/// load something else or fail; the result must be what loading the plain array gives, errors
/// included (those read the file again through `contents`).
@Suite("Releasable input bytes")
struct ReleasableBytesTests {
    final class Scribbled: @unchecked Sendable {
        let pointer: UnsafeMutableBufferPointer<UInt8>
        var released = 0
        init(_ bytes: [UInt8]) {
            pointer = .allocate(capacity: bytes.count)
            _ = pointer.initialize(from: bytes)
        }
    }

    static func document(_ bytes: [UInt8]) -> (SourceDocument, Scribbled) {
        let scribbled = Scribbled(bytes)
        let releasable = ReleasableBytes(
            buffer: UnsafeBufferPointer(scribbled.pointer),
            release: { range in
                for i in range { scribbled.pointer[i] = UInt8(ascii: "#") }
                scribbled.released += range.count
            },
            contents: { bytes },
            deallocate: { scribbled.pointer.deallocate() })
        return (SourceDocument(path: "big.json", releasable: releasable), scribbled)
    }

    static func rule(_ i: Int) -> String {
        // Every seventh rule is not canonical (an enum number), so both readings are used.
        let extra = i % 7 == 0 ? #", "mediaEncryption": 1"# : ""
        return #"{"sipDispatchRuleId": "SDR_\#(i)", "rule": {"dispatchRuleDirect": {"roomName": "room-\#(i)"}}, "#
            + #""trunkIds": ["ST_\#(i % 50)"], "name": "Rule \#(i)"\#(extra)}"#
    }

    static func trunk(_ i: Int) -> String {
        #"{"sipTrunkId": "ST_\#(i)", "numbers": ["+1555\#(i)"]}"#
    }

    /// About 1.3 MB of rules: more than the step in which bytes are given back.
    static let rules = (0..<10_000).map(rule)

    func expectSameLoad(_ text: String) throws {
        let bytes = Array(text.utf8)
        let plain = Result { () throws(InputError) in try WorkspaceLoader.readFile(SourceDocument(path: "big.json", bytes: bytes)) }
        let (document, scribbled) = Self.document(bytes)
        let released = Result { () throws(InputError) in try WorkspaceLoader.readFile(document) }
        switch (plain, released) {
        case (.success(let a), .success(let b)):
            #expect(a.rules == b.rules)
            #expect(a.trunks == b.trunks)
            #expect(a.file == b.file)
            #expect(scribbled.released > 0)
        case (.failure(let a), .failure(let b)):
            #expect(a == b)
        default:
            Issue.record("one reading failed and the other did not: \(plain) vs \(released)")
        }
    }

    @Test("a large rule list loads the same when its bytes are given back")
    func ruleList() throws {
        try expectSameLoad(#"{"items": [\#(Self.rules.joined(separator: ",\n"))]}"#)
    }

    @Test("a project whose rules come before its trunks loads the same")
    func projectLists() throws {
        let trunks = (0..<50).map(Self.trunk).joined(separator: ",")
        try expectSameLoad(#"{"dispatchRules": [\#(Self.rules.joined(separator: ","))], "settings": {}, "trunks": [\#(trunks)]}"#)
    }

    @Test("errors late in a large list are reported as from the plain bytes")
    func lateErrors() throws {
        var rules = Self.rules
        rules[rules.count - 2] = #"{"sipDispatchRuleId": "SDR_x", "rule": {"dispatchRuleDirect": {"roomName": 5}}}"#
        try expectSameLoad(#"{"items": [\#(rules.joined(separator: ","))]}"#)
        try expectSameLoad(#"{"items": [\#(Self.rules.joined(separator: ",")),]}"#)
        try expectSameLoad(#"{"items": [\#(Self.rules.joined(separator: ",")), "x"]}"#)
        // A duplicate ID: both places are found by reading the file again.
        try expectSameLoad(#"{"items": [\#(Self.rules.joined(separator: ",")), \#(Self.rule(3))]}"#)
    }
}

import Dispatch
import Foundation
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
        private let lock = NSLock()
        private var releasedCount = 0
        init(_ bytes: [UInt8]) {
            pointer = .allocate(capacity: bytes.count)
            _ = pointer.initialize(from: bytes)
        }

        /// Parts of a list read at once give back their ranges from several threads.
        func release(_ range: Range<Int>) {
            for i in range { pointer[i] = UInt8(ascii: "#") }
            lock.withLock { releasedCount += range.count }
        }

        var released: Int { lock.withLock { releasedCount } }
    }

    static func document(_ bytes: [UInt8]) -> (SourceDocument, Scribbled) {
        let scribbled = Scribbled(bytes)
        let releasable = ReleasableBytes(
            buffer: UnsafeBufferPointer(scribbled.pointer),
            release: { range in scribbled.release(range) },
            contents: { bytes },
            deallocate: { scribbled.pointer.deallocate() })
        return (SourceDocument(path: "big.json", releasable: releasable), scribbled)
    }

    static func rule(_ i: Int) -> String { rule(i, metadata: "") }

    static func rule(_ i: Int, metadata: String) -> String {
        // Every seventh rule is not canonical (an enum number), so both readings are used.
        let extra = i % 7 == 0 ? #", "mediaEncryption": 1"# : ""
        return #"{"sipDispatchRuleId": "SDR_\#(i)", "rule": {"dispatchRuleDirect": {"roomName": "room-\#(i)"}}, "#
            + #""trunkIds": ["ST_\#(i % 50)"], "name": "Rule \#(i)", "metadata": "\#(metadata)"\#(extra)}"#
    }

    static func trunk(_ i: Int) -> String {
        #"{"sipTrunkId": "ST_\#(i)", "numbers": ["+1555\#(i)"]}"#
    }

    /// About 1.3 MB of rules: more than the step in which bytes are given back.
    static let rules = (0..<10_000).map(rule)

    /// Reading in 2 and 3 parts at once, on threads: each part gives back only its own bytes.
    static let loops = [1, 2, 3].map { width in
        width == 1 ? ParallelLoop.sequential : ParallelLoop(width: width) { DispatchQueue.concurrentPerform(iterations: $0, execute: $1) }
    }

    func expectSameLoad(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = Array(text.utf8)
        let plain = Result { () throws(InputError) in try WorkspaceLoader.readFile(SourceDocument(path: "big.json", bytes: bytes)) }
        for loop in Self.loops {
            let (document, scribbled) = Self.document(bytes)
            let released = Result { () throws(InputError) in try WorkspaceLoader.readFile(document, parallel: loop) }
            switch (plain, released) {
            case (.success(let a), .success(let b)):
                #expect(a.rules == b.rules, "\(loop.width) parts", sourceLocation: sourceLocation)
                #expect(a.trunks == b.trunks, "\(loop.width) parts", sourceLocation: sourceLocation)
                #expect(a.file == b.file, "\(loop.width) parts", sourceLocation: sourceLocation)
                // Bytes go back a megabyte at a time, per part.
                if bytes.count / loop.width > 2 << 20 {
                    #expect(scribbled.released > 0, "\(loop.width) parts", sourceLocation: sourceLocation)
                }
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "\(loop.width) parts", sourceLocation: sourceLocation)
            default:
                Issue.record("one reading failed and the other did not: \(plain) vs \(released)", sourceLocation: sourceLocation)
            }
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

    @Test("a list read in parts at once: errors in any part, a mixed list, odd first items")
    func partsAtOnce() throws {
        // Errors in the first, a middle and the last part; a trunk in a list of rules.
        var rules = Self.rules
        rules[1] = #"{"sipDispatchRuleId": "SDR_x", "rule": {"dispatchRuleDirect": {"roomName": 5}}}"#
        rules[9_998] = #"{"sipDispatchRuleId": "SDR_y", "rule": {"dispatchRuleDirect": {"roomName": "r"}}, "name": tru}"#
        try expectSameLoad(#"{"items": [\#(rules.joined(separator: ","))]}"#)
        rules = Self.rules
        rules[5_001] = Self.trunk(5_001)
        try expectSameLoad(#"{"items": [\#(rules.joined(separator: ","))]}"#)
        // Each part gives back its own bytes as it goes (a megabyte at a time): 7 MB of rules.
        let padding = String(repeating: "m", count: 600)
        try expectSameLoad(#"{"items": [\#((0..<10_000).map { Self.rule($0, metadata: padding) }.joined(separator: ","))]}"#)
        // The first item is read through its tree (not canonical), and a list of trunks.
        try expectSameLoad(#"{"items": [\#(Self.rule(0)), \#(Self.rules.dropFirst().joined(separator: ","))]}"#)
        try expectSameLoad(#"{"items": [\#((0..<6_000).map(Self.trunk).joined(separator: ","))]}"#)
        // A project's lists, with whitespace around the commas the parts are cut at.
        try expectSameLoad(#"{"trunks": [], "dispatchRules": [\#(Self.rules.joined(separator: " ,\n  "))]}"#)
    }
}

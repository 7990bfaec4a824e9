import Foundation
import SwitchboardApp
import SwitchboardCore
import SwitchboardIO
import Testing

@Suite("FileWrite preserveLayout: a save keeps the user's layout")
struct PreservingWriteTests {
    static let handMade =
        "{\n    \"trunks\": [\n        {\"name\": \"Front\",  \"numbers\": [\"+1415\", \"+1416\"]}\n    ],\n    \"settings\": {\"timeoutMs\": 5000}\n}"

    /// Writes `request` through the live runner (synchronously) and returns the file's bytes.
    static func write(_ request: FileWrite) throws -> (String, [Message]) {
        let runner = LiveEffectRunner(setMouseReporting: { _ in false })
        runner.run(.writeFile(request))
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: request.path)), as: UTF8.self)
        return (text, runner.takeMessages())
    }

    static func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-splice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("project.json").path
    }

    static func updated(_ text: String) throws -> [UInt8] {
        var object = try #require(try JSONParser.parse(text).objectValue)
        object["settings"] = .object(["timeoutMs": 7000])
        return JSONWriter.bytes(.object(object))
    }

    @Test("one changed value: only its bytes change on disk")
    func onlyTheValueChanges() throws {
        let path = try Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try Data(Self.handMade.utf8).write(to: URL(fileURLWithPath: path))
        let bytes = try Self.updated(Self.handMade)
        let (text, messages) = try Self.write(
            FileWrite(path: path, bytes: bytes, purpose: .saveProject, synchronous: true, preserveLayout: true))
        #expect(text == Self.handMade.replacingOccurrences(of: "5000", with: "7000"))
        guard messages.count == 1, case .fileWritten(let result) = messages[0] else {
            Issue.record("expected one fileWritten message, got \(messages.count) messages")
            return
        }
        // The hash of what is on disk, so the recovery file does not call the saved file changed.
        let hash = ContentHash.hex(ContentHash.fingerprint(Array(text.utf8)))
        #expect(result == FileWriteResult(path: path, purpose: .saveProject, outcome: .success(text.utf8.count), writtenHash: hash))
    }

    @Test("without preserveLayout, or with no file yet, the request's bytes are written as they are")
    func fullRewrite() throws {
        let path = try Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let bytes = try Self.updated(Self.handMade)
        let (created, _) = try Self.write(
            FileWrite(path: path, bytes: bytes, purpose: .saveProject, synchronous: true, preserveLayout: true))
        #expect(Array(created.utf8) == bytes)
        try Data(Self.handMade.utf8).write(to: URL(fileURLWithPath: path))
        let (rewritten, _) = try Self.write(FileWrite(path: path, bytes: bytes, purpose: .saveProject, synchronous: true))
        #expect(Array(rewritten.utf8) == bytes)
    }

    @Test("a file on disk that is not JSON: the full rewrite, nothing lost")
    func invalidOnDisk() throws {
        let path = try Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try Data("{ broken".utf8).write(to: URL(fileURLWithPath: path))
        let bytes = try Self.updated(Self.handMade)
        let (text, _) = try Self.write(
            FileWrite(path: path, bytes: bytes, purpose: .saveProject, synchronous: true, preserveLayout: true))
        #expect(Array(text.utf8) == bytes)
    }

    @Test("ctrl+s asks to keep the layout; the hash of what landed on disk is what the recovery file records")
    func saveRecordsWrittenHash() throws {
        var state = EditSaveTests.edited(EditSaveTests.state(recovery: true))
        let effects = Fixtures.press([.ctrl("s")], on: state)
        state = effects.0
        let write = try #require(EditSaveTests.writes(effects.1).first)
        #expect(write.preserveLayout)
        let onDisk = "00000000feedface"
        _ = App.reduce(
            &state,
            .fileWritten(FileWriteResult(path: write.path, purpose: write.purpose, outcome: .success(1), writtenHash: onDisk)))
        #expect(!state.edits.isDirty)
        state = EditSaveTests.edited(state, name: "After the save")
        let tick = App.reduce(&state, .tick(milliseconds: 10_000))
        let recovery = try #require(EditSaveTests.writes(tick).first { $0.purpose == .recovery })
        let document = try RecoveryDocument.decode(recovery.bytes, workspace: state.workspace)
        #expect(document.fileHashes[write.path] == onDisk)
    }
}

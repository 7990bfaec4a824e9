import Foundation
import SwitchboardApp
import SwitchboardCore
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
        #expect(result == FileWriteResult(path: path, purpose: .saveProject, outcome: .success(text.utf8.count)))
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
}

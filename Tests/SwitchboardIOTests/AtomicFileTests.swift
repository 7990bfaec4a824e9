import Foundation
import SwitchboardCore
import Testing

@testable import SwitchboardIO

@Suite("Atomic writes and input reading")
struct AtomicFileTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a write replaces the file whole and leaves no temporary file behind")
    func replaces() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("project.json").path
        try AtomicFile.write(Array("old".utf8), to: path)
        try AtomicFile.write(Array("new contents".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new contents")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["project.json"])
    }

    @Test("a write removes stale temporaries of the same file, and only those")
    func removesStaleTemporaries() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("project.json").path
        let stale = dir.appendingPathComponent(".project.json.tmp-AbC123").path
        let fresh = dir.appendingPathComponent(".project.json.tmp-XyZ789").path
        let other = dir.appendingPathComponent(".other.json.tmp-AbC123").path
        for file in [stale, fresh, other] { #expect(FileManager.default.createFile(atPath: file, contents: Data("partial".utf8))) }
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for file in [stale, other] { try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: file) }
        try AtomicFile.write(Array("new".utf8), to: path)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == [".other.json.tmp-AbC123", ".project.json.tmp-XyZ789", "project.json"])
    }

    @Test("the replaced file keeps its permissions")
    func keepsPermissions() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("secret.json").path
        try AtomicFile.write(Array("a".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Array("b".utf8), to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a write into a missing directory fails with the path and the reason, and writes nothing")
    func missingDirectory() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("nope/out.json").path
        #expect {
            try AtomicFile.write(Array("x".utf8), to: path)
        } throws: { error in
            "\(error)" == "\(path): could not write: No such file or directory"
        }
    }

    @Test("unreadable inputs are reported together, in argument order, with the parse errors")
    func inputErrorsInOrder() throws {
        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{".utf8).write(to: bad)
        let missing = dir.appendingPathComponent("missing.json").path
        var rng = SeededGenerator(seed: 1)
        #expect {
            _ = try InputFiles.loadWorkspace([missing, bad.path, dir.path], using: &rng)
        } throws: { error in
            guard let failure = error as? LoadFailure else { return false }
            return failure.errors.map(\.description) == [
                "\(missing):1:1: expected a JSON file, found no file at this path",
                "\(bad.path):1:2: expected a quoted member name, found the end of the file",
                "\(dir.path):1:1: expected a JSON file, found a directory (name the files inside it)",
            ]
        }
    }
}

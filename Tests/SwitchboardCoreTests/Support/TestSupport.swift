import Foundation
import SwitchboardCore

/// The repository root, found from this file's path so tests read the real samples.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("no Package.swift above \(#filePath)")
}()

func sampleBytes(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent(relativePath)))
}

func document(_ text: String, path: String = "test.json") -> SourceDocument {
    SourceDocument(path: path, bytes: Array(text.utf8))
}

/// Loads documents with a fixed seed, so generated IDs are the same on every run.
func load(_ documents: [SourceDocument], seed: UInt64 = 7) throws -> Workspace {
    var rng = SeededGenerator(seed: seed)
    return try WorkspaceLoader.load(documents, using: &rng)
}

func load(_ text: String, path: String = "test.json") throws -> Workspace {
    try load([document(text, path: path)])
}

/// The single error line a bad input produces.
func loadError(_ text: String, path: String = "test.json") -> String? {
    do {
        _ = try load(text, path: path)
        return nil
    } catch let failure as LoadFailure {
        return failure.description
    } catch {
        return "unexpected error \(error)"
    }
}

func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

/// Paths of every leaf whose value differs between two documents (objects compared by key).
func differingLeaves(_ a: JSONValue, _ b: JSONValue, at path: String = "$") -> [String] {
    switch (a, b) {
    case (.object(let x), .object(let y)):
        var out: [String] = []
        if x.keys != y.keys { out.append(path + " keys \(x.keys) vs \(y.keys)") }
        for member in x.members {
            if let other = y[member.key] { out += differingLeaves(member.value, other, at: path + "." + member.key) }
        }
        return out
    case (.array(let x), .array(let y)):
        if x.count != y.count { return [path + " length"] }
        return zip(x, y).enumerated().flatMap { differingLeaves($1.0, $1.1, at: path + "[\($0)]") }
    default:
        return a == b ? [] : [path]
    }
}

import Foundation
import Testing

/// Whoever clones the repository gets working documentation: every relative link in the
/// README, CONTRIBUTING and docs/ names a file of the repository, and nothing points outside it.
@Suite("Documentation links")
struct DocumentationLinksTests {
    static func documents() throws -> [URL] {
        let docs = packageRoot.appendingPathComponent("docs")
        let inDocs = try FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
        return ["README.md", "CONTRIBUTING.md", "themes/README.md"].map { packageRoot.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) } + inDocs
    }

    /// `](target)` of Markdown links, without a `#fragment`.
    static func links(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "](") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            out.append(String(rest[..<close].split(separator: "#", omittingEmptySubsequences: false)[0]))
            rest = rest[close...]
        }
        return out
    }

    @Test("Every relative link resolves to a file inside the repository")
    func linksResolve() throws {
        let documents = try Self.documents()
        #expect(documents.count >= 7, "README, CONTRIBUTING and the docs are all read")
        let root = packageRoot.standardized.path
        for document in documents {
            let text = try String(contentsOf: document, encoding: .utf8)
            #expect(!text.contains("shared/spec"), "\(document.lastPathComponent) points at the workspace's shared/ folder")
            for link in Self.links(in: text) where !link.isEmpty && !link.contains("://") && !link.hasPrefix("mailto:") {
                let target = document.deletingLastPathComponent().appendingPathComponent(link).standardized
                #expect(target.path.hasPrefix(root + "/"), "\(document.lastPathComponent): \(link) leaves the repository")
                #expect(
                    FileManager.default.fileExists(atPath: target.path), "\(document.lastPathComponent): \(link) does not exist")
            }
        }
    }
}

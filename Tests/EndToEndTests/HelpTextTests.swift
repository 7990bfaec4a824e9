import Foundation
import Testing

/// `switchboard help COMMAND` as an 80-column terminal shows it. Discussions are written as
/// one line per paragraph (Swift's `\` line continuation), so argument-parser wraps them to
/// the width; a hard line break inside a paragraph shows as a ragged short line.
@Suite("Command help")
struct HelpTextTests {
    static let commands = [
        "tui", "validate", "export", "simulate", "test", "mock-webhook", "verify-signature", "pull", "diff", "push", "sip", "generate",
    ]

    @Test("every command's help wraps its paragraphs to the terminal: no short line is continued on the next", arguments: commands)
    func wraps(_ command: String) throws {
        let result = try runSwitchboard(["help", command], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usage = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") })
        // Above USAGE: the abstract and the discussion, free text that wraps.
        for (line, next) in zip(lines[..<usage], lines[1..<usage]) where !line.isEmpty {
            #expect(line.count <= 80, "\(command): \(line)")
            let continued = next.first.map { $0.isLowercase || $0 == "(" } ?? false
            #expect(!(line.count < 45 && continued), "\(command): a paragraph broken after \"\(line)\"")
        }
    }
}

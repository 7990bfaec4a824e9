import Foundation
import Testing

@testable import SwitchboardApp

/// docs/keys.md is the key table as a document; it must say what the app does.
@Suite("KeyReference")
struct KeyReferenceTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/keys.md").standardized

    @Test("docs/keys.md is the key table as it is now")
    func documentIsCurrent() throws {
        let text = KeyReference.markdown()
        if SnapshotAssertion.isRecording {
            try text.write(to: Self.document, atomically: true, encoding: .utf8)
            return
        }
        let onDisk = try String(contentsOf: Self.document, encoding: .utf8)
        #expect(
            onDisk == text,
            Comment(
                rawValue: "docs/keys.md is stale (- file, + table); regenerate with SWITCHBOARD_RECORD_SNAPSHOTS=1:\n"
                    + SnapshotAssertion.diff(onDisk, text)))
    }

    @Test("Every key of every screen is in the reference, under its screen's heading")
    func everyBindingListed() {
        let text = KeyReference.markdown()
        for context in KeyContext.allCases where !KeyMap.table.helpSections(for: context.rawValue).isEmpty {
            #expect(text.contains("## \(KeyReference.title(context))\n"), "no heading for \(context)")
        }
        for binding in KeyMap.table.bindings {
            #expect(text.contains("| \(KeyReference.cell(binding.label)) |"), "\(binding.action) is missing")
        }
    }
}

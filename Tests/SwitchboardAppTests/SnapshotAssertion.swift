import Foundation
import Testing

/// Golden files for `view()`: compares a rendered screen with
/// `__Snapshots__/<name>.txt` and fails with a readable line diff.
///
/// Snapshots change only on purpose: run the tests with `SWITCHBOARD_RECORD_SNAPSHOTS=1` to
/// write them, then review the files' diff like any other change.
enum SnapshotAssertion {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD_SNAPSHOTS"] == "1"
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no snapshot \(name).txt; record it with SWITCHBOARD_RECORD_SNAPSHOTS=1 swift test",
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let message =
                "\(name) differs from its snapshot (- snapshot, + now; re-record on purpose with "
                + "SWITCHBOARD_RECORD_SNAPSHOTS=1):\n" + diff(expected, actual)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// The changed lines with a line of context, at most 60 lines.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? old[index] : nil
            let after = index < new.count ? new[index] : nil
            guard before != after else { continue }
            if let before { out.append(String(format: "%4d - ", index + 1) + before) }
            if let after { out.append(String(format: "%4d + ", index + 1) + after) }
            if out.count >= 60 {
                out.append("…")
                break
            }
        }
        return out.joined(separator: "\n")
    }
}

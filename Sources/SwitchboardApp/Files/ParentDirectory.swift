import Foundation

/// Creates the directory a file goes into, as `switchboard export` does for the lk formats'
/// target directory (`mkdir -p`). Failures are left to the write, which reports them.
enum ParentDirectory {
    static func create(for path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
}

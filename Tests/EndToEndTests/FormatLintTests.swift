import Foundation
import Testing

/// The code base stays formatted: `swift format lint --strict` (the toolchain's swift-format,
/// configured by `.swift-format`) must report nothing.
@Suite("Formatting")
struct FormatLintTests {
    @Test("swift format lint --strict finds nothing in Sources and Tests")
    func lintIsClean() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "format", "lint", "--strict", "--recursive", "Sources", "Tests", "Benchmarks"]
            .filter { $0 != "Benchmarks" || FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("Benchmarks").path) }
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && text.isEmpty, "swift format lint --strict:\n\(text.prefix(4000))")
    }
}

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 8, crash-safe state: a real `switchboard` process killed with SIGKILL in the middle of
/// a large atomic write leaves the old file intact; the temporary it was writing is never taken
/// for the file, and the next write of the same file clears such leftovers once they are stale.
@Suite("Crash-safe saves")
struct CrashSafeSaveTests {
    static func leftovers(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasPrefix(".project.json.tmp-") }
    }

    @Test("SIGKILL during a large save keeps the old file; the next save clears the stale temporary")
    func killedMidWrite() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("project.json")
        let old = try Data(contentsOf: packageRoot.appendingPathComponent("samples/project.json"))

        // `generate` writes project.json first, through AtomicFile: 20,000 rules are ~9 MB.
        var caught = false
        for _ in 0..<3 where !caught {
            try old.write(to: target)
            let process = Process()
            process.executableURL = switchboardBinary
            process.arguments = ["generate", "--rules", "20000", "--trunks", "200", "--scenarios", "0", directory.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Stop it the moment its temporary file exists: it is then mid-write (or fsync),
            // deterministically, however fast the disk is.
            let deadline = ContinuousClock.now + .seconds(120)
            while process.isRunning, Self.leftovers(in: directory).isEmpty, ContinuousClock.now < deadline {}
            kill(process.processIdentifier, SIGSTOP)
            let intact = (try? Data(contentsOf: target)) == old
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // The rename can win the race between seeing the file and stopping the process: try again.
            guard intact, !Self.leftovers(in: directory).isEmpty else { continue }
            caught = true
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
            #expect(try Data(contentsOf: target) == old, "the old file is intact, byte for byte")
            let contents = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(contents.contains("project.json"))
            #expect(Self.leftovers(in: directory).count == 1)
            let validate = try runSwitchboard(["validate", target.path])
            #expect(validate.status == 0, "the old file still loads: \(validate.stderr)")
        }
        try #require(caught, "the write was never caught in progress")

        // A fresh leftover may belong to a live writer: the next save leaves it alone...
        let leftover = directory.appendingPathComponent(try #require(Self.leftovers(in: directory).first))
        let small = ["generate", "--rules", "5", "--trunks", "2", "--scenarios", "0", directory.path]
        #expect(try runSwitchboard(small).status == 0)
        #expect(Self.leftovers(in: directory) == [leftover.lastPathComponent])
        // ...once stale, it goes.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: leftover.path)
        #expect(try runSwitchboard(small).status == 0)
        #expect(Self.leftovers(in: directory).isEmpty)
        #expect(try runSwitchboard(["validate", target.path]).status == 0)
    }
}

import Foundation

/// `switchboard --startup-report FILES…`: how long each step before the first frame took,
/// printed to standard error after the terminal is restored, and the app ends right after that
/// frame. For issue 7's "start to first frame" target (scripts/bench.sh runs it); hidden from
/// help because it is a measurement, not a way to use the app.
///
/// Phases are timed with the monotonic clock from `run()`'s start; the time from `exec` to
/// then (loading an 80 MB executable, the Swift runtime) comes from the kernel's start time of
/// the process, which has a resolution of one clock tick (10 ms).
struct StartupReport {
    private var last = StartupReport.now()
    private let begin = StartupReport.now()
    private var phases: [(String, Double)] = []

    mutating func mark(_ phase: String) {
        let time = Self.now()
        phases.append((phase, time - last))
        last = time
    }

    var text: String {
        let total = last - begin
        let parts = phases.map { "\($0.0) \(Self.format($0.1))" }.joined(separator: ", ")
        var line = "startup: \(parts); first frame \(Self.format(total)) after run() began"
        if let sinceExec = Self.millisecondsSinceExec(at: last) {
            line += ", \(Self.format(sinceExec)) after exec (±10 ms)"
        }
        return line
    }

    private static func format(_ milliseconds: Double) -> String {
        String(format: "%.1f ms", milliseconds)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
    }

    /// The process's start (field 22 of /proc/self/stat, clock ticks since boot) on the
    /// monotonic clock's scale; nil where /proc is not there.
    private static func millisecondsSinceExec(at monotonic: Double) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let afterName = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name start at field 3.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        var boot = timespec()
        clock_gettime(CLOCK_BOOTTIME, &boot)
        let bootNow = Double(boot.tv_sec) * 1000 + Double(boot.tv_nsec) / 1_000_000
        let startedAt = ticks / ticksPerSecond * 1000
        // Both clocks advance together while the machine is awake: shift the monotonic mark.
        return bootNow - (now() - monotonic) - startedAt
    }
}

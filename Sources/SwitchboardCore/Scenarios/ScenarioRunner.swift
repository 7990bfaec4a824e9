/// Runs scenarios through a `CallSimulator`, several at once, and compares each outcome with
/// its expectation. Results come back in the scenarios' order whatever order they finish in,
/// so reports are stable from run to run.
public enum ScenarioRunner {
    public struct Result: Sendable, Equatable {
        public var scenario: Scenario
        public var outcome: CallOutcome
        public var mismatches: [ExpectationCheck.Mismatch]
        /// Wall time of the call's simulation, webhook included.
        public var durationMs: Double
        public var passed: Bool { mismatches.isEmpty }

        public init(
            scenario: Scenario, outcome: CallOutcome, mismatches: [ExpectationCheck.Mismatch], durationMs: Double, problem: String? = nil
        ) {
            self.scenario = scenario
            self.outcome = outcome
            self.mismatches = mismatches
            self.durationMs = durationMs
            self.problem = problem
        }

        /// A scenario's verdict. `error` means the call could not be run as the scenario meant
        /// it: the outcome is ERROR (webhook unreachable, bad reply…) and the scenario did not
        /// expect ERROR. Anything else that differs from the expectation is a `failure`.
        /// `skipped` is never a result's own status: reports use it for scenarios `--bail` did not run.
        public enum Status: String, Sendable { case passed, failed, error, skipped }

        /// Set when the scenario cannot be meant for these files (it expects a trunk or rule
        /// ID that none of them has): an error, whatever the outcome.
        public var problem: String?

        public var status: Status {
            if problem != nil { return .error }
            if outcome.result == .error, scenario.expect.result != .error { return .error }
            return mismatches.isEmpty ? .passed : .failed
        }
    }

    /// - Parameters:
    ///   - jobs: at most this many scenarios in flight (webhook calls are the slow part).
    ///   - seed: call IDs and random room suffixes come from `seed + index`, so a run is
    ///     reproducible and independent of scheduling.
    ///   - now: a monotonic clock reading in milliseconds, passed in to keep the core clock-free.
    public static func run(
        _ scenarios: [Scenario], simulator: CallSimulator, jobs: Int, seed: UInt64 = 0,
        now: @escaping @Sendable () -> Double
    ) async -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(scenarios.count)
        await run(scenarios, simulator: simulator, jobs: jobs, seed: seed, now: now) { results.append($0) }
        return results
    }

    /// Streams the results, in the scenarios' order, to `deliver` as they become known, and
    /// keeps none of them: memory stays bounded however many scenarios there are. At most
    /// `jobs` scenarios are in flight, and a scenario starts only when it is fewer than
    /// `window` places ahead of the next one to deliver, so a slow scenario holds back at most
    /// `window` finished results.
    public static func run(
        _ scenarios: [Scenario], simulator: CallSimulator, jobs: Int, seed: UInt64 = 0,
        window: Int? = nil, now: @escaping @Sendable () -> Double,
        deliver: (Result) -> Void
    ) async {
        await run(scenarios, simulator: simulator, jobs: jobs, seed: seed, window: window, now: now, stop: { false }, deliver: deliver)
    }

    /// As above; once `stop` answers true (checked before each start, e.g. `--bail` after a
    /// failure) no new scenario starts, and those already running are still delivered.
    public static func run(
        _ scenarios: [Scenario], simulator: CallSimulator, jobs: Int, seed: UInt64 = 0,
        window: Int? = nil, now: @escaping @Sendable () -> Double, stop: () -> Bool,
        deliver: (Result) -> Void
    ) async {
        let jobs = max(1, jobs)
        let window = max(jobs, window ?? jobs * 4)
        // Finished results waiting for an earlier one, by index (at most `window`).
        var waiting: [Int: Result] = [:]
        var nextToDeliver = 0
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            var running = 0
            func launch() {
                while running < jobs, next < scenarios.count, next < nextToDeliver + window, !stop() {
                    let index = next
                    next += 1
                    running += 1
                    group.addTask {
                        (index, await runOne(scenarios[index], simulator: simulator, seed: seed &+ UInt64(index), now: now))
                    }
                }
            }
            launch()
            while let (index, result) = await group.next() {
                running -= 1
                if index == nextToDeliver {
                    deliver(result)
                    nextToDeliver += 1
                    while let ready = waiting.removeValue(forKey: nextToDeliver) {
                        deliver(ready)
                        nextToDeliver += 1
                    }
                } else {
                    waiting[index] = result
                }
                launch()
            }
        }
    }

    static func runOne(_ scenario: Scenario, simulator: CallSimulator, seed: UInt64, now: @Sendable () -> Double) async -> Result {
        var rng = SeededGenerator(seed: seed)
        let call = SimulatedCall(scenario.call, using: &rng)
        let start = now()
        let outcome = await simulator.simulate(call, using: &rng)
        let duration = now() - start
        return Result(
            scenario: scenario, outcome: outcome, mismatches: ExpectationCheck.mismatches(scenario.expect, outcome), durationMs: duration)
    }
}

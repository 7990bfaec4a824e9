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
        var results = [Result?](repeating: nil, count: scenarios.count)
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func launch() {
                guard next < scenarios.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await runOne(scenarios[index], simulator: simulator, seed: seed &+ UInt64(index), now: now)) }
            }
            for _ in 0..<max(1, jobs) { launch() }
            while let (index, result) = await group.next() {
                results[index] = result
                launch()
            }
        }
        return results.compactMap { $0 }
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

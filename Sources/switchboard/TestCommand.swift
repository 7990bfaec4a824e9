import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO

/// `switchboard test SCENARIOS [FILES…]`: run saved calls and compare their outcomes with
/// the expectations (cli.md section 5). Made for CI: one line per mismatch, a final
/// `N passed, N failed` line, `--junit` for report viewers, exit 1 on any mismatch.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run call scenarios and compare each outcome with its expectation (exit 1 on any mismatch).",
        discussion: """
            SCENARIOS is {"scenarios": [{"name": …, "call": {"from": …, "to": …}, "expect": {…}}]}.
            expect may name result, trunkId, ruleId, room (exact, or with * wildcards), sipStatus,
            transferTo and rejectStatusCode; only the keys given are compared. Dynamic rules call
            their webhooks (the project's mock webhook script, when it names one).
            """
    )

    @Argument(help: "The scenarios file.") var scenarios: String
    @OptionGroup var input: InputOptions
    @Option(help: "Scenarios run at once (default: 16 per core; webhook calls spend most of their time waiting).")
    var jobs: Int?
    @Option(help: "Also write a JUnit XML report to this path.") var junit: String?
    @Option(help: "Answer dynamic rules from this mock webhook script (instead of the project's).") var mockWebhook: String?
    @Option(help: "Seed for generated call IDs and random room suffixes.") var seed: UInt64 = 0
    @Flag(help: "Print the run's duration and rate to standard error (loading excluded).") var stats = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("expected --jobs of 1 or more, found \(jobs)") }
    }

    func run() async throws {
        let list = try readScenarios()
        let workspace = try input.loadWorkspace(seed: seed)
        let jobs = jobs ?? 16 * ProcessInfo.processInfo.activeProcessorCount
        // A connection per scenario in flight, up to 128: more would only spend file descriptors
        // (the in-process mock holds the other end of each) for no gain on a webhook host.
        let runtime = try await WebhookRuntime.start(workspace: workspace, explicitScript: mockWebhook, connections: min(jobs, 128))
        // The trace is never shown here: record none.
        let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: workspace.settings.mode, recordsTrace: false)
        let simulator = CallSimulator(engine: engine, webhook: runtime.context)
        // Its 100,000-rule index would otherwise be freed inside the timed run (see --stats).
        KeptUntilExit.keep(simulator)
        let clock = ContinuousClock()
        let origin = clock.now
        // Results are streamed in the scenarios' order and dropped once counted and printed:
        // memory stays bounded however many scenarios run. The JUnit report keeps a few
        // strings per scenario, not its outcome.
        var passed = 0
        var failed = 0
        var requests = 0
        var cases: [JUnitReport.Case] = []
        let keepCases = junit != nil
        if keepCases { cases.reserveCapacity(list.count) }
        await ScenarioRunner.run(
            list, simulator: simulator, jobs: jobs, seed: seed,
            now: {
                let elapsed = clock.now - origin
                return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            },
            deliver: { result in
                if result.outcome.webhook != nil { requests += 1 }
                if keepCases { cases.append(JUnitReport.Case(result)) }
                guard !result.passed else {
                    passed += 1
                    return
                }
                failed += 1
                for mismatch in result.mismatches {
                    var line = "FAIL \"\(result.scenario.name)\": \(mismatch)"
                    if mismatch.key == "result", let error = result.outcome.error { line += " (\(error))" }
                    // Names from the scenarios file, values from a webhook's reply: escaped.
                    print(TerminalText.escaped(line))
                }
            })
        let elapsed = clock.now - origin
        await runtime.shutdown()
        if stats { Self.printStats(count: passed + failed, requests: requests, elapsed: elapsed) }
        print("\(passed) passed, \(failed) failed")

        if let junit {
            let name = ((scenarios as NSString).lastPathComponent as NSString).deletingPathExtension
            do {
                try AtomicFile.write(Array(JUnitReport.xml(cases: cases, suiteName: name).utf8), to: junit)
            } catch {
                CLIOutput.error(error.description)
                throw ExitCode(2)
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// `stats: 412 ms, 24271 scenarios/s, 10000 scenarios, 10000 webhook requests`: what
    /// scripts/bench.sh compares with wrk.
    static func printStats(count: Int, requests: Int, elapsed: Duration) {
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let rate = ms > 0 ? Int((Double(count) / ms * 1000).rounded()) : 0
        CLIOutput.error("stats: \(Int(ms.rounded())) ms, \(rate) scenarios/s, \(count) scenarios, \(requests) webhook requests")
    }

    private func readScenarios() throws -> [Scenario] {
        do {
            guard let document = try InputFiles.read([scenarios]).first else { throw ExitCode(2) }
            return try ScenarioFileReader.read(document)
        } catch let failure as LoadFailure {
            CLIOutput.error(failure.description)
            throw ExitCode(2)
        } catch let error as InputError {
            CLIOutput.error(error.description)
            throw ExitCode(2)
        }
    }
}

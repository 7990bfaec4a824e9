import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO

/// `switchboard test SCENARIOS [FILES…]`: run saved calls and compare their outcomes with
/// the expectations (cli.md section 5). Made for CI: one line per mismatch, a final
/// `N passed, N failed` line, JUnit/TAP/JSON reports, exit 1 on failures and 3 on errors.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run call scenarios and compare each outcome with its expectation (exit 1 on failures, 3 on errors).",
        discussion: """
            SCENARIOS is {"scenarios": [{"name": …, "tags": […], "call": {…}, \
            "expect": {…}}]}. expect may name result, trunkId, trunkName, ruleId, \
            ruleName, room, participant ({identity, name, metadata, attributes}), \
            sipStatus, sipReason, webhook ({action, status}), rejectStatusCode, \
            rejectReason, transferTo, transferDestinationName, \
            transferRingingTimeoutSeconds and error. Only the keys given are \
            compared; text values may use * wildcards; null expects no value; an \
            unknown key is an error (exit 2). Dynamic rules call their webhooks (the \
            project's mock webhook script, when it names one).

            A failure is an expectation missed. An error is a scenario that could not \
            be run as meant: the call ended in ERROR (webhook unreachable, bad \
            reply…) and the scenario did not expect ERROR, or it names a trunkId or \
            ruleId none of the files has.

            Exit status: 0 all passed, 1 failures and no errors, 3 any error, 2 bad \
            usage or input. --format junit|tap|json[:PATH] (repeatable) writes \
            reports; a report without a path goes to standard output, and the human \
            lines then go to standard error.
            """
    )

    @Argument(help: "The scenarios file.") var scenarios: String
    @OptionGroup var input: InputOptions
    @Option(help: "Scenarios run at once (default: 16 per core; webhook calls spend most of their time waiting).")
    var jobs: Int?
    @Option(help: "Also write a JUnit XML report to this path (the same as --format junit:PATH).") var junit: String?
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("Write a report: junit, tap or json, with :PATH to write it to a file (repeatable).", valueName: "kind[:path]"))
    var formats: [String] = []
    @Flag(help: "Stop at the first failure or error: no further scenario starts, the rest count as skipped.") var bail = false
    @Option(
        name: .customLong("filter"),
        help: ArgumentHelp("Run only scenarios whose name contains this, or fits it as a * glob (repeatable).", valueName: "name"))
    var filters: [String] = []
    @Option(name: .customLong("tag"), help: ArgumentHelp("Run only scenarios with this tag (repeatable).", valueName: "tag")) var tags:
        [String] = []
    @Option(help: "Answer dynamic rules from this mock webhook script (instead of the project's).") var mockWebhook: String?
    @Option(help: "Seed for generated call IDs and random room suffixes.") var seed: UInt64 = 0
    @Flag(help: "Print the run's duration and rate to standard error (loading excluded).") var stats = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("expected --jobs of 1 or more, found \(jobs)") }
        let targets = try reportTargets()
        if targets.filter({ $0.path == nil }).count > 1 {
            throw ValidationError(
                "expected at most one --format without a path (standard output), found \(targets.filter { $0.path == nil }.count)")
        }
    }

    func reportTargets() throws -> [TestReportTarget] {
        try formats.map(TestReportTarget.parse) + (junit.map { [TestReportTarget(kind: .junit, path: $0)] } ?? [])
    }

    func run() async throws {
        let selection = ScenarioSelection(filters: filters, tags: tags)
        let list = try readScenarios().filter(selection.admits)
        let targets = try reportTargets()
        // A report on standard output must stay parseable: the human lines go to standard error.
        let human: (String) -> Void = targets.contains { $0.path == nil } ? { CLIOutput.error($0) } : { print($0) }
        let workspace = try input.loadWorkspace(seed: seed)
        let trunkIds = Set(workspace.trunks.map(\.id))
        let ruleIds = Set(workspace.rules.map(\.id))
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
        var errors = 0
        var requests = 0
        var stopped = false
        var cases: [JUnitReport.Case] = []
        let keepCases = !targets.isEmpty
        if keepCases { cases.reserveCapacity(list.count) }
        await ScenarioRunner.run(
            list, simulator: simulator, jobs: jobs, seed: seed,
            now: {
                let elapsed = clock.now - origin
                return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            },
            stop: { stopped },
            deliver: { delivered in
                // Scenarios still running when --bail stopped the run are skipped like the rest.
                guard !stopped else { return }
                var result = delivered
                result.problem = ScenarioReferences.problem(result.scenario.expect, trunkIds: trunkIds, ruleIds: ruleIds)
                if result.outcome.webhook != nil { requests += 1 }
                if keepCases { cases.append(JUnitReport.Case(result)) }
                let status = result.status
                switch status {
                case .passed, .skipped:
                    passed += 1
                    return
                case .failed: failed += 1
                case .error: errors += 1
                }
                if bail { stopped = true }
                let word = status == .error ? "ERROR" : "FAIL"
                if status == .error {
                    let why = result.problem ?? result.outcome.error ?? "the call ended in ERROR"
                    human(TerminalText.escaped("ERROR \"\(result.scenario.name)\": \(why)"))
                }
                // The ERROR line already says why the result is ERROR.
                for mismatch in result.mismatches where !(status == .error && mismatch.key == "result") {
                    var line = "\(word) \"\(result.scenario.name)\": \(mismatch)"
                    if mismatch.key == "result", let error = result.outcome.error, status != .error { line += " (\(error))" }
                    // Names from the scenarios file, values from a webhook's reply: escaped.
                    human(TerminalText.escaped(line))
                }
            })
        let elapsed = clock.now - origin
        await runtime.shutdown()
        let skipped = list.count - passed - failed - errors
        if stats { Self.printStats(count: passed + failed + errors, requests: requests, elapsed: elapsed) }
        // CI parses this line: `N passed, N failed` stays its start, errors and skips follow only when there are some.
        var summary = "\(passed) passed, \(failed) failed"
        if errors > 0 { summary += errors == 1 ? ", 1 error" : ", \(errors) errors" }
        if skipped > 0 { summary += ", \(skipped) skipped" }
        human(summary)

        if keepCases {
            for scenario in list.dropFirst(cases.count) {
                cases.append(
                    JUnitReport.Case(name: scenario.name, durationMs: 0, mismatches: [], error: nil, tags: scenario.tags, status: .skipped))
            }
            let name = ((scenarios as NSString).lastPathComponent as NSString).deletingPathExtension
            for target in targets {
                let text = target.render(cases, suiteName: name)
                guard let path = target.path else {
                    print(text, terminator: "")
                    continue
                }
                do {
                    try AtomicFile.write(Array(text.utf8), to: path)
                } catch {
                    CLIOutput.error(error.description)
                    throw ExitCode(2)
                }
            }
        }
        if errors > 0 { throw ExitCode(3) }
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

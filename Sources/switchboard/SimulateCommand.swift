import ArgumentParser
import SwitchboardCore

/// `switchboard simulate`: route one inbound call the way LiveKit would and print the outcome
/// (cli.md sections 2–3). Exit 0 whenever the call was simulated, whatever its result.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate one inbound SIP call: which trunk and rule LiveKit picks, and what the caller gets.",
        discussion: """
            --pin and --no-pin simulate the evaluation after the pin prompt (the digits entered, or \
            only # pressed). --seed makes the call ID and random room suffixes reproducible. \
            --explain prints every trunk and rule considered, and why each was taken or left. \
            --rule ID builds a call that rule would take (caller, called number, source, pin), \
            checked by routing it; options given explicitly still override. When no call reaches \
            the rule, it says why and which rule wins instead, and simulates the call anyway.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The caller: the From user (usually a phone number).") var from: String?
    @Option(help: "The called number: the To user.") var to: String?
    @Option(help: "Build the call from this dispatch rule: a call it would take (replaces --from and --to).")
    var rule: String?
    @Option(
        help: "The From host, compared with allowed_addresses entries that are hostnames (default \(CallSpec.defaultFromHost)).")
    var fromHost: String?
    @Option(help: "The To host (default \(CallSpec.defaultToHost)).") var toHost: String?
    @Option(help: "The source IP address of the INVITE, IPv4 or IPv6 (default \(CallSpec.defaultSourceIP)).") var sourceIp: String?
    @Option(help: "Digits entered at the pin prompt.") var pin: String?
    @Flag(help: "The caller pressed only # at the pin prompt.") var noPin = false
    @Option(name: .customLong("header"), help: ArgumentHelp("A SIP header of the INVITE (repeatable).", valueName: "NAME=VALUE"))
    var headers: [String] = []
    @Option(help: "The LiveKit call ID (SCL_…); generated when missing.") var callId: String?
    @Option(help: "The SIP Call-ID header; generated when missing.") var sipCallId: String?
    @Option(help: "Seed for generated IDs and random room suffixes.") var seed: UInt64?
    @Option(help: "oss or cloud (default: the project's settings, else oss).") var mode: ProjectSettings.Mode?
    @Flag(help: "Print the outcome as JSON.") var json = false
    @Flag(help: "Print every trunk and rule considered, and why.") var explain = false
    @Option(help: "Answer dynamic rules from this mock webhook script, served in-process.") var mockWebhook: String?

    func validate() throws {
        if rule == nil {
            if from == nil { throw ValidationError("missing --from NUMBER (the caller), or give --rule ID to build the call from a rule") }
            if to == nil {
                throw ValidationError("missing --to NUMBER (the called number), or give --rule ID to build the call from a rule")
            }
        }
        if noPin, pin != nil { throw ValidationError("give --pin DIGITS or --no-pin, not both") }
        if let pin {
            guard !pin.isEmpty else { throw ValidationError("expected digits for --pin, found nothing (use --no-pin for only #)") }
            guard pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ValidationError("expected digits for --pin (a caller types the pin on a keypad), found \"\(pin)\"")
            }
        }
        _ = try parsedHeaders()
    }

    func parsedHeaders() throws -> StringMap {
        var map = StringMap()
        for header in headers {
            guard let equals = header.firstIndex(of: "="), equals != header.startIndex else {
                throw ValidationError("expected --header NAME=VALUE, found \"\(header)\"")
            }
            map[String(header[..<equals])] = String(header[header.index(after: equals)...])
        }
        return map
    }

    func run() async throws {
        let workspace = try input.loadWorkspace(seed: seed)
        let index = RoutingIndex(workspace: workspace)
        let engine = RoutingEngine(index: index, mode: mode ?? workspace.settings.mode)
        let base = try baseCall(engine)
        let webhook = try await WebhookRuntime.start(workspace: workspace, explicitScript: mockWebhook)
        let outcome: CallOutcome
        if let seed {
            // IDs for items without one used the seed once already; a fresh generator for the
            // call keeps the call's IDs independent of how many items needed one.
            var rng = SeededGenerator(seed: seed)
            outcome = try await simulate(base, engine: engine, webhook: webhook.context, using: &rng)
        } else {
            var rng = SystemRandomNumberGenerator()
            outcome = try await simulate(base, engine: engine, webhook: webhook.context, using: &rng)
        }
        await webhook.shutdown()
        let report = SimulationReport(outcome)
        if json {
            CLIOutput.printJSON(report.json)
        } else {
            // The report escapes each value; escaping again at the edge keeps it that way.
            print(TerminalText.escaped(report.text(explain: explain), keepNewlines: true), terminator: "")
        }
    }

    /// The call before explicit options: the rule's witness with `--rule`, else the defaults.
    /// Says which call was built (on standard error with `--json`, whose output is one object).
    private func baseCall(_ engine: RoutingEngine) throws -> CallSpec {
        var spec = CallSpec(from: "", to: "")
        spec.fromHost = CallSpec.defaultFromHost
        spec.toHost = CallSpec.defaultToHost
        spec.sourceIp = CallSpec.defaultSourceIP
        guard let rule else { return spec }
        guard engine.index.rules.contains(where: { $0.id == rule }) else {
            CLIOutput.error("no dispatch rule \"\(rule)\" in the loaded configuration (give the ID of a loaded rule to --rule)")
            throw ExitCode(2)
        }
        let analyzer = ReachabilityAnalyzer(index: engine.index, mode: engine.mode)
        guard let verdict = analyzer.check(ruleID: rule), let witness = verdict.call else {
            CLIOutput.error("cannot build a call for rule \(rule): it has no rule variant, or no trunk is loaded; give --from and --to")
            throw ExitCode(2)
        }
        spec = witness
        var words = verdict.callWords ?? ""
        if let from { spec.from = from }
        if let to { spec.to = to }
        if fromHost != nil || toHost != nil || sourceIp != nil || from != nil || to != nil || pin != nil || noPin {
            words += " (with the options given)"
        }
        let text: String
        if verdict.isReachable {
            text = "Call built for rule \(rule): \(words)\n"
        } else {
            text =
                "Rule \(rule) is unreachable: \(verdict.reason ?? "")\n"
                + (verdict.engineWhy.map { "  engine: \($0)\n" } ?? "")
                + "Simulating a call it would take: \(words)\n"
        }
        // With --json, standard output stays one JSON object: the note goes to standard error.
        if json { CLIOutput.note(text) } else { print(TerminalText.escaped(text, keepNewlines: true), terminator: "") }
        return spec
    }

    private func simulate(
        _ base: CallSpec, engine: RoutingEngine, webhook: WebhookContext, using rng: inout some RandomNumberGenerator
    ) async throws -> CallOutcome {
        var spec = base
        if let from { spec.from = from }
        if let to { spec.to = to }
        if let fromHost { spec.fromHost = fromHost }
        if let toHost { spec.toHost = toHost }
        if let sourceIp { spec.sourceIp = sourceIp }
        if let pin {
            spec.pin = pin
            spec.noPin = false
        }
        if noPin {
            spec.noPin = true
            spec.pin = ""
        }
        spec.headers = try parsedHeaders()
        spec.callId = callId ?? ""
        spec.sipCallId = sipCallId ?? ""
        let call = SimulatedCall(spec, using: &rng)
        return await CallSimulator(engine: engine, webhook: webhook).simulate(call, using: &rng)
    }
}

extension ProjectSettings.Mode: ExpressibleByArgument {}

import ArgumentParser
import SwitchboardCore

/// `switchboard simulate`: route one inbound call the way LiveKit would and print the outcome
/// (cli.md sections 2–3). Exit 0 whenever the call was simulated, whatever its result.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate one inbound SIP call: which trunk and rule LiveKit picks, and what the caller gets.",
        discussion: """
            --pin and --no-pin simulate the evaluation after the pin prompt (the digits entered, or
            only # pressed). --seed makes the call ID and random room suffixes reproducible.
            --explain prints every trunk and rule considered, and why each was taken or left.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The caller: the From user (usually a phone number).") var from: String
    @Option(help: "The called number: the To user.") var to: String
    @Option(help: "The From host (compared with allowed_addresses entries that are hostnames).")
    var fromHost = CallSpec.defaultFromHost
    @Option(help: "The To host.") var toHost = CallSpec.defaultToHost
    @Option(help: "The source IP address of the INVITE (IPv4 or IPv6).") var sourceIp = CallSpec.defaultSourceIP
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
        let webhook = try await WebhookRuntime.start(workspace: workspace, explicitScript: mockWebhook)
        let outcome: CallOutcome
        if let seed {
            // IDs for items without one used the seed once already; a fresh generator for the
            // call keeps the call's IDs independent of how many items needed one.
            var rng = SeededGenerator(seed: seed)
            outcome = try await simulate(workspace, webhook: webhook.context, using: &rng)
        } else {
            var rng = SystemRandomNumberGenerator()
            outcome = try await simulate(workspace, webhook: webhook.context, using: &rng)
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

    private func simulate(
        _ workspace: Workspace, webhook: WebhookContext, using rng: inout some RandomNumberGenerator
    ) async throws -> CallOutcome {
        var spec = CallSpec(from: from, to: to)
        spec.fromHost = fromHost
        spec.toHost = toHost
        spec.sourceIp = sourceIp
        spec.pin = pin ?? ""
        spec.noPin = noPin
        spec.headers = try parsedHeaders()
        spec.callId = callId ?? ""
        spec.sipCallId = sipCallId ?? ""
        let call = SimulatedCall(spec, using: &rng)
        let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: mode ?? workspace.settings.mode)
        return await CallSimulator(engine: engine, webhook: webhook).simulate(call, using: &rng)
    }
}

extension ProjectSettings.Mode: ExpressibleByArgument {}

import ArgumentParser
import Dispatch
import Foundation
import SwitchboardCore
import SwitchboardSIP

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard sip`: a SIP endpoint that answers real INVITEs the way LiveKit's SIP service
/// would decide them, rules and webhook included (issue 16). Every INVITE becomes the call
/// `simulate` runs, through the same routing engine and webhook client.
struct SipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip",
        abstract: "Answer real SIP INVITEs as LiveKit's SIP service would (UDP and TCP).",
        discussion: """
            Point sipp, a softphone or a PBX at the address printed on start. Each INVITE gets 100 \
            Trying, then what LiveKit's SIP service would answer: 180 and 200 OK with an SDP for an \
            accepted call (no media is sent or read), 407 and a digest check for trunks with \
            credentials, 404 for Cloud's no trunk, 486 Rejected for no rule (LiveKit's "flood"), the \
            reject code of the webhook, 503 Try again later for errors. A transfer is answered (200 \
            OK) and then referred (REFER to the target, as LiveKit's TransferSIPParticipant does). A \
            PIN rule answers 200 and waits for the digits as SIP INFO (application/dtmf-relay or \
            application/dtmf) up to #; a wrong PIN is hung up with BYE. An answered call is hung up at \
            its max call duration. A retransmitted INVITE gets the same answer again; CANCEL gives \
            487; a malformed message gets 400 with the reason.

            One line per call event, or with --json one JSON object per event: the simulate --json \
            object plus "endpoint" (event invite, pin, hangup or bye; the statuses sent; authentication). \
            Ctrl-C stops it.
            """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Address to listen on, HOST:PORT (port 0 picks a free one).")
    var listen = SIPListenAddress(argument: "127.0.0.1:5060")!
    @Option(help: "udp, tcp or both.") var transport: SIPEndpoint.Transports = .both
    @Flag(help: "One JSON object per call on standard output.") var json = false
    @Option(help: "Answer dynamic rules from this mock webhook script (instead of the project's).") var mockWebhook: String?
    @Option(help: "oss or cloud (default: the project's).") var mode: ProjectSettings.Mode?

    func run() async throws {
        let workspace = try input.loadWorkspace()
        let webhook = try await WebhookRuntime.start(workspace: workspace, explicitScript: mockWebhook, connections: 64)
        let seed = UInt64.random(in: 0...UInt64.max)
        let json = self.json
        let agent = SIPUserAgent(
            router: WorkspaceSIPRouter(workspace: workspace, mode: mode, webhook: webhook.context, seed: seed),
            localAddress: listen.advertised, seed: seed,
            onCall: { record in Self.log(record, json: json) },
            onProblem: { problem in CLIOutput.warning(problem) },
            now: { Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000 })
        let endpoint: SIPEndpoint
        do {
            endpoint = try await SIPEndpoint.start(agent: agent, host: listen.host, port: listen.port, transports: transport)
        } catch {
            await webhook.shutdown()
            CLIOutput.error("error: " + SIPEndpoint.describe(error, host: listen.host, port: listen.port))
            throw ExitCode(2)
        }
        for uri in endpoint.uris { CLIOutput.note("listening on \(uri)\n") }
        await Self.waitForInterrupt()
        await endpoint.shutdown()
        await webhook.shutdown()
    }

    /// One line per call event, or one JSON object: the outcome as `simulate --json` prints it,
    /// plus what went over SIP.
    static func log(_ record: SIPCallRecord, json: Bool) {
        if json {
            var object = record.outcome?.json.objectValue ?? JSONObject()
            var sip = JSONObject([
                JSONMember("event", .string(record.event.rawValue)), JSONMember("callId", .string(record.sipCallID)),
                JSONMember("source", .string(record.source.description)),
                JSONMember("sent", .array(record.sent.map { .number(JSONNumber($0)) })),
                JSONMember("finalStatus", record.finalStatus.map { .number(JSONNumber($0)) } ?? .null),
                JSONMember("finalReason", .string(record.finalReason)),
                JSONMember("authentication", record.authentication.map(JSONValue.string) ?? .null),
                JSONMember("cancelled", .bool(record.cancelled)),
                JSONMember("ms", .number(JSONNumber((record.milliseconds * 10).rounded() / 10))),
            ])
            if let pin = record.pin { sip["pin"] = .string(pin) }
            if let reason = record.hangupReason { sip["hangupReason"] = .string(reason) }
            // Beside the outcome's own `sip` (the response routing decided), what went over the wire.
            object["endpoint"] = .object(sip)
            FileHandle.standardOutput.write(Data(JSONWriter.bytes(.object(object), style: .compact) + [0x0A]))
            return
        }
        let milliseconds = String(format: "%.1f", record.milliseconds)
        let result = record.outcome.map { outcome in
            outcome.result.rawValue + (outcome.room.map { " room \($0)" } ?? "")
        }
        let line: String
        switch record.event {
        case .invite:
            let call = record.from.isEmpty && record.to.isEmpty ? "" : "\(record.from) → \(record.to) "
            let status = record.finalStatus.map { "\($0) \(record.finalReason)" } ?? "no final response"
            let parts = [result, record.authentication.map { "auth \($0)" }, record.cancelled ? "cancelled" : nil]
                .compactMap { $0 }
            line =
                "INVITE \(call)from \(record.source) [\(record.sipCallID)]: \(parts.joined(separator: ", "))"
                + "\(parts.isEmpty ? "" : " — ")\(status), \(milliseconds) ms"
        case .pin:
            line = "PIN \"\(record.pin ?? "")#\" [\(record.sipCallID)]: \(result ?? "no evaluation"), \(milliseconds) ms"
        case .hangup:
            line = "BYE sent [\(record.sipCallID)]: \(record.hangupReason ?? "hung up"), after \(milliseconds) ms"
        case .bye:
            line = "BYE received [\(record.sipCallID)]: the caller hung up after \(milliseconds) ms"
        }
        // Unbuffered: whoever watches the log sees each call as it ends.
        FileHandle.standardOutput.write(Data((TerminalText.escaped(line) + "\n").utf8))
    }

    /// Until SIGINT or SIGTERM.
    static func waitForInterrupt() async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        for await _ in stream { break }
        for source in sources { source.cancel() }
    }
}

extension SIPEndpoint.Transports: ExpressibleByArgument {}

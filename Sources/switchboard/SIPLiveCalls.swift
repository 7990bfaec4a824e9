import Dispatch
import SwitchboardApp
import SwitchboardCore
import SwitchboardSIP
import Synchronization

/// The terminal UI's SIP endpoint (the Live calls screen, `L`): `switchboard sip` inside the
/// app, started when the screen is first opened, routing on the workspace as edited, its call
/// events handed to the app as ``LiveCallEvent``s.
final class SIPLiveCalls: LiveCallsSource {
    let listen: SIPListenAddress
    let transports: SIPEndpoint.Transports
    let webhook: WebhookContext?
    private let running = Mutex<(router: LatestWorkspaceSIPRouter, endpoint: SIPEndpoint)?>(nil)

    init(listen: SIPListenAddress, transports: SIPEndpoint.Transports, webhook: WebhookContext?) {
        self.listen = listen
        self.transports = transports
        self.webhook = webhook
    }

    func start(
        workspace: Workspace, deliver: @escaping @Sendable (LiveCallEvent) -> Void, problem: @escaping @Sendable (String) -> Void
    ) async throws -> [String] {
        let seed = UInt64.random(in: 0...UInt64.max)
        let router = LatestWorkspaceSIPRouter(workspace: workspace, webhook: webhook, seed: seed)
        let agent = SIPUserAgent(
            router: router, localAddress: listen.advertised, seed: seed,
            onCall: { record in deliver(LiveCallEvent(record)) },
            // The terminal is the app's: malformed messages go to the screen, not to stderr.
            onProblem: problem,
            now: { Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000 })
        let endpoint: SIPEndpoint
        do {
            endpoint = try await SIPEndpoint.start(agent: agent, host: listen.host, port: listen.port, transports: transports)
        } catch {
            throw SIPListenFailure(description: SIPEndpoint.describe(error, host: listen.host, port: listen.port))
        }
        running.withLock { $0 = (router, endpoint) }
        return endpoint.uris
    }

    func route(on workspace: Workspace) {
        running.withLock { $0?.router.use(workspace) }
    }

    func shutdown() async {
        let endpoint = running.withLock { running in
            defer { running = nil }
            return running?.endpoint
        }
        await endpoint?.shutdown()
    }
}

/// The one line the Live calls screen shows when the endpoint cannot listen.
struct SIPListenFailure: Error, CustomStringConvertible {
    var description: String
}

extension LiveCallEvent {
    init(_ record: SIPCallRecord) {
        let kind: Kind
        switch record.event {
        case .invite: kind = .invite
        case .pin: kind = .pin
        case .hangup: kind = .hangup
        case .bye: kind = .bye
        }
        self.init(
            kind: kind, sipCallID: record.sipCallID, source: record.source.description, from: record.from, to: record.to,
            sent: record.sent, finalStatus: record.finalStatus, finalReason: record.finalReason,
            authentication: record.authentication, cancelled: record.cancelled, pin: record.pin, endReason: record.hangupReason,
            milliseconds: record.milliseconds, simulation: record.simulation)
    }
}

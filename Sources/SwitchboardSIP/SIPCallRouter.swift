import SwitchboardCore
import Synchronization

/// What the endpoint asks of the rest of Switchboard for each call: which trunk it arrives on
/// (for its credentials, before anything is routed) and the whole simulated call (routing and
/// the webhook). `switchboard sip` routes on the files it was given; the terminal UI on the
/// workspace as edited, so a rule changed a second ago decides the next real call.
public protocol SIPCallRouter: Sendable {
    func trunk(for call: CallSpec) -> Trunk?
    func simulate(_ call: CallSpec) async -> CallSimulation
}

/// A router over one workspace, with its webhook: the same engine and client `simulate` uses.
public struct WorkspaceSIPRouter: SIPCallRouter {
    let engine: RoutingEngine
    let simulator: CallSimulator
    let trunks: [String: Trunk]
    let seed: UInt64
    let counter = SIPCallCounter()

    public init(workspace: Workspace, mode: ProjectSettings.Mode? = nil, webhook: WebhookContext?, seed: UInt64) {
        engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: mode ?? workspace.settings.mode)
        simulator = CallSimulator(engine: engine, webhook: webhook)
        trunks = Dictionary(workspace.trunks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.seed = seed
    }

    public func trunk(for call: CallSpec) -> Trunk? {
        var rng = SeededGenerator(seed: 0)
        let trunkID: String?
        switch engine.begin(SimulatedCall(call, using: &rng), using: &rng) {
        case .finished(let outcome): trunkID = outcome.trunk?.id
        case .needsWebhook(let pending): trunkID = pending.routed.trunkMatch?.id
        }
        return trunkID.flatMap { trunks[$0] }
    }

    public func simulate(_ call: CallSpec) async -> CallSimulation {
        // Each call its own seed: call IDs and random room suffixes differ from call to call.
        var rng = SeededGenerator(seed: seed &+ counter.next())
        return await simulator.run(SimulatedCall(call, using: &rng), using: &rng)
    }
}

/// Numbers the calls of one router.
public final class SIPCallCounter: Sendable {
    private let value = Mutex<UInt64>(0)

    public init() {}

    public func next() -> UInt64 {
        value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}

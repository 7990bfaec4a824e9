import SwitchboardCore
import Synchronization

/// Routes each call on the latest workspace handed to it: the terminal UI's endpoint, where
/// an edit a second ago decides the next real call. The routing index is built on the first
/// call after a change, not on every keystroke's edit (100,000 rules take seconds to index).
public final class LatestWorkspaceSIPRouter: SIPCallRouter {
    private struct Current {
        var pending: Workspace?
        var router: WorkspaceSIPRouter
    }

    private let current: Mutex<Current>
    private let webhook: WebhookContext?
    private let seed: UInt64

    /// Indexes `workspace` now: the endpoint starts ready for its first call.
    public init(workspace: Workspace, webhook: WebhookContext?, seed: UInt64) {
        self.webhook = webhook
        self.seed = seed
        current = Mutex(Current(router: Self.router(workspace, webhook: webhook, seed: seed)))
    }

    static func router(_ workspace: Workspace, webhook: WebhookContext?, seed: UInt64) -> WorkspaceSIPRouter {
        WorkspaceSIPRouter(workspace: workspace, webhook: webhook?.adopting(workspace.settings), seed: seed)
    }

    /// Calls from now on are routed on `workspace`.
    public func use(_ workspace: Workspace) {
        current.withLock { $0.pending = workspace }
    }

    func router() -> WorkspaceSIPRouter {
        current.withLock { current in
            if let workspace = current.pending {
                // A new seed too: the new router's call counter starts again at zero.
                current.router = Self.router(workspace, webhook: webhook, seed: seed &+ UInt64.random(in: 1...UInt64.max))
                current.pending = nil
            }
            return current.router
        }
    }

    public func trunk(for call: CallSpec) -> Trunk? { router().trunk(for: call) }

    public func simulate(_ call: CallSpec) async -> CallSimulation { await router().simulate(call) }
}

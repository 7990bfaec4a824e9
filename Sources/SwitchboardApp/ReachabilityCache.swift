import SwitchboardCore
import Synchronization

/// Each rule's reachability (a call it would take, or who wins instead) for one workspace,
/// computed when first asked and kept: the rule's detail pane and `c` on a rule ask for the
/// selected rule only. Shared by every copy of the catalog; a new catalog (an edit) starts
/// a new cache.
///
/// The routing index it needs is built on the first question. Above `eagerLimit` rules that
/// costs more than a frame may, so the detail pane then reads the check's warning instead
/// (``RuleDetail``) and only `c` asks, once per edit.
final class ReachabilityCache: Sendable {
    static let eagerLimit = 5000

    private let workspace: Workspace
    private let state = Mutex<(analyzer: ReachabilityAnalyzer?, verdicts: [String: RuleReachability?])>((nil, [:]))

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Whether the detail pane may ask (the index is cheap to build, or already built).
    var isCheap: Bool { workspace.rules.count <= Self.eagerLimit || state.withLock { $0.analyzer != nil } }

    func verdict(_ ruleID: String) -> RuleReachability? {
        state.withLock { state in
            if let known = state.verdicts[ruleID] { return known }
            let analyzer =
                state.analyzer ?? ReachabilityAnalyzer(index: RoutingIndex(workspace: workspace), mode: workspace.settings.mode)
            state.analyzer = analyzer
            let verdict = analyzer.check(ruleID: ruleID)
            state.verdicts[ruleID] = .some(verdict)
            return verdict
        }
    }
}

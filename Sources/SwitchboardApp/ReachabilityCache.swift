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

    /// Rules in the workspace. The workspace itself is handed in by each question rather than
    /// kept: a second reference to its rules would make every edit copy all of them.
    private let ruleCount: Int
    private let state = Mutex<(analyzer: ReachabilityAnalyzer?, verdicts: [String: RuleReachability?])>((nil, [:]))

    init(ruleCount: Int) {
        self.ruleCount = ruleCount
    }

    /// Whether the detail pane may ask (the index is cheap to build, or already built).
    var isCheap: Bool { ruleCount <= Self.eagerLimit || state.withLock { $0.analyzer != nil } }

    /// `workspace`: the catalog's, which this cache was made for.
    func verdict(_ ruleID: String, in workspace: Workspace) -> RuleReachability? {
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

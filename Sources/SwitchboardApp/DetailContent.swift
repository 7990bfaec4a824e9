import SwitchboardCore
import TerminalKit

/// What the detail pane shows for the current tab and selection. Built from the selected item
/// alone (plus catalog lookups), so it costs the same with 10 rules or 100,000.
enum DetailContent {
    static func rows(for state: AppState) -> [KeyValueTable.Row] {
        switch state.tab {
        case .trunks:
            guard let trunk = state.selectedTrunk else { return emptyRows("trunk", state) }
            return TrunkDetail.rows(trunk, catalog: state.catalog, options: state.options, reveal: state.revealSecrets)
        case .rules:
            guard let rule = state.selectedRule else { return emptyRows("rule", state) }
            return RuleDetail.rows(rule, catalog: state.catalog, options: state.options, reveal: state.revealSecrets)
        case .project:
            return ProjectDetail.rows(catalog: state.catalog, options: state.options, reveal: state.revealSecrets)
        }
    }

    /// The pane's title: what is shown, by kind and ID.
    static func title(for state: AppState) -> String {
        switch state.tab {
        case .trunks: return state.trunks.selectedID.map { "Trunk " + sanitizeForDisplay($0) } ?? "Trunk"
        case .rules: return state.rules.selectedID.map { "Rule " + sanitizeForDisplay($0) } ?? "Rule"
        case .project: return "Project"
        }
    }

    static func emptyRows(_ noun: String, _ state: AppState) -> [KeyValueTable.Row] {
        let filtered = !(state.currentList?.filter.isEmpty ?? true)
        return [
            .pair(
                "", filtered ? "No \(noun) matches the filter; Esc clears it." : "No \(noun)s are loaded.",
                valueRole: .muted)
        ]
    }
}

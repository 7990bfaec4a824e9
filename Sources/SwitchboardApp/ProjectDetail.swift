import SwitchboardCore
import TerminalKit

/// The project tab: what was loaded from where, the project settings (the API secret masked),
/// the saved calls and the validation summary of the whole workspace.
enum ProjectDetail {
    /// How many findings are listed; `switchboard validate` prints them all.
    static let findingsLimit = 40

    static func rows(catalog: WorkspaceCatalog, options: AppOptions, reveal: Bool) -> [KeyValueTable.Row] {
        var out = DetailRows(unicode: options.unicode, revealSecrets: reveal)
        let workspace = catalog.workspace
        let settings = workspace.settings

        out.section("Workspace")
        out.list(
            "Files",
            workspace.files.enumerated().map { index, file in
                let counts = catalog.itemCounts(ofFile: index)
                return "\(file.path): \(shape(file.shape)), "
                    + "\(DetailRows.plural(counts.trunks, "trunk")), \(DetailRows.plural(counts.rules, "rule"))"
            }, empty: "none")
        out.field("Trunks", String(workspace.trunks.count))
        out.field("Dispatch rules", "\(workspace.rules.count) (\(catalog.dynamicRuleCount) dynamic)")
        if !workspace.newIDs.isEmpty {
            out.field("New items", "\(workspace.newIDs.count) without an ID in their file got one generated")
        }
        out.field(
            "Checks", checks(catalog),
            role: catalog.isChecking ? .muted : catalog.errorCount > 0 ? .error : catalog.warningCount > 0 ? .warning : .success)

        out.section("Settings")
        if workspace.projectFileIndex == nil {
            out.note("No project file is loaded; these are the defaults.")
        }
        out.field("Project ID", settings.projectId, unset: "empty (sent as project_id \"\")")
        out.field(
            "Mode",
            settings.mode == .oss
                ? "oss: a call matching no trunk can still reach wildcard rules"
                : "cloud: a call matching no trunk is refused (404 No trunk found)")
        out.field(
            "Webhook payload",
            settings.payload == .livekit
                ? "livekit: the seven fields of the proposal" : "extended: plus rule ID, Call-ID, source IP and X- headers")
        out.field("API key", settings.apiKey, unset: "not set (LIVEKIT_API_KEY applies)")
        out.secret("API secret", settings.apiSecret)
        out.field("Connect timeout", "\(settings.connectTimeoutMs) ms")
        out.field("Response timeout", "\(settings.timeoutMs) ms")
        out.field("Max response size", "\(settings.maxResponseBytes) bytes")
        out.field("Mock webhook script", settings.mockWebhook, unset: "none")

        out.section("Saved calls (\(workspace.calls.count))")
        out.list(
            "Calls",
            workspace.calls.map { call in
                let label = call.name.isEmpty ? "" : "\(call.name): "
                return "\(label)\(call.from) \(out.arrow) \(call.to)"
            }, empty: "none")

        if !catalog.diagnostics.isEmpty {
            out.section("Findings (\(checks(catalog)))")
            let sorted = catalog.diagnostics.enumerated().sorted {
                ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset)
            }
            for (_, diagnostic) in sorted.prefix(findingsLimit) {
                let subject = diagnostic.item.map { out.describe($0, catalog: catalog) + ": " } ?? ""
                out.field(
                    diagnostic.severity == .error ? "Error" : "Warning", subject + diagnostic.message,
                    role: diagnostic.severity == .error ? .error : .warning)
            }
            if catalog.diagnostics.count > findingsLimit {
                out.note(
                    "\(out.ellipsis) and \(catalog.diagnostics.count - findingsLimit) more (switchboard validate lists them all)")
            }
        }
        out.unknownKeys([("settings.", settings.unknownMembers)])
        return out.rows
    }

    static func checks(_ catalog: WorkspaceCatalog) -> String {
        if catalog.isChecking { return DetailRows.checking }
        if catalog.errorCount == 0 && catalog.warningCount == 0 { return "no problems found" }
        return "\(DetailRows.plural(catalog.errorCount, "error")), \(DetailRows.plural(catalog.warningCount, "warning"))"
    }

    static func shape(_ shape: FileShape) -> String {
        switch shape {
        case .project: return "project file"
        case .trunkList: return "lk sip inbound list"
        case .ruleList: return "lk sip dispatch list"
        case .trunkCreate: return "lk sip inbound create request"
        case .ruleCreate: return "lk sip dispatch create request"
        case .bareTrunk: return "trunk object"
        case .bareRule: return "rule object"
        }
    }
}

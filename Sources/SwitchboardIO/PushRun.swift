import SwitchboardCore

/// Sends a push plan, step by step, stopping at the first failure; then writes the files and
/// the pull record back with what the server assigned (IDs, `updatedAt`), so the next diff is
/// empty. `switchboard push` and the TUI's push screen both run it.
public enum PushRun {
    public struct Outcome: Sendable, Equatable {
        /// The labels of the steps the server took, in order.
        public var done: [String]
        /// The failed step and why (`step 2/3 (update rule SDR_x) failed: …`); nil when all went.
        public var failure: String?
        /// Files (or the record) that could not be written back; the server has the changes.
        public var writeWarnings: [String]
        public var total: Int

        public init(done: [String] = [], failure: String? = nil, writeWarnings: [String] = [], total: Int = 0) {
            self.done = done
            self.failure = failure
            self.writeWarnings = writeWarnings
            self.total = total
        }

        /// One line: `pushed 3 change(s)`, or the failure and what was done before it.
        public var summary: String {
            guard let failure else { return "pushed \(done.count) change\(done.count == 1 ? "" : "s")" }
            return "\(failure); stopped there. Done before it: \(done.isEmpty ? "nothing" : done.joined(separator: ", "))"
        }
    }

    /// Runs `plan` against `service`. `progress` hears each finished step (1-based) and its
    /// label. `record` is the last pull's (nil: a record of what the server held before).
    public static func run(
        _ plan: PushPlan, service: any SIPService, workspace: Workspace, record: PullRecord?, recordPath: String,
        before server: ServerLists, progress: (Int, String) -> Void = { _, _ in }
    ) async -> Outcome {
        var workspace = workspace
        var record = record ?? PullRecord(server: service.serverBase, trunks: server.trunks, rules: server.rules)
        var trunkIDs: [String: String] = [:]
        var outcome = Outcome(total: plan.steps.count)
        for (n, step) in plan.steps.enumerated() {
            do {
                let body = try await service.call(step.method, step.body(trunkIDs: trunkIDs))
                try step.take(answer: body, into: &workspace, record: &record, trunkIDs: &trunkIDs)
                outcome.done.append(step.label)
                progress(n + 1, step.label)
            } catch {
                outcome.failure = "step \(n + 1)/\(plan.steps.count) (\(step.label)) failed: \(error)"
                break
            }
        }
        outcome.writeWarnings = writeBack(workspace, record: record, recordPath: recordPath)
        return outcome
    }

    /// Each input file rewritten in its own shape, and the record; the problems, one line each.
    static func writeBack(_ workspace: Workspace, record: PullRecord, recordPath: String) -> [String] {
        var warnings: [String] = []
        for index in workspace.files.indices {
            let file = WorkspaceWriter.OutputFile(name: "", document: WorkspaceWriter.document(forFile: index, of: workspace))
            do {
                try AtomicFile.write(file.bytes(), to: workspace.files[index].path)
            } catch {
                warnings.append("\(error.description) (the server has the changes; pull again)")
            }
        }
        do {
            try PulledFiles.writeRecord(record, to: recordPath)
        } catch {
            warnings.append(error.description)
        }
        return warnings
    }
}

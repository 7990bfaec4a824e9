import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO
import SwitchboardWebhook

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard push`: make the server hold the workspace's trunks and rules.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Create, update and delete trunks and dispatch rules on the LiveKit server to match the files.",
        discussion: """
            Prints the plan first and sends nothing without --yes (or a "y" on a terminal). Updates \
            are full replaces. Dynamic rules are never pushed (LiveKit has no such rule type). An item \
            changed on the server since the pull and edited here is a conflict: push then sends \
            nothing. Deletes only items the last pull saw. Stops at the first failure and says what \
            was done. After a push the files and the pull record take the server's new IDs and \
            updatedAt, so the next diff is empty. \
            Exit status: 0 pushed (or nothing to push), 1 conflicts, not confirmed, or a step failed, \
            2 bad input or the server unreachable.
            """
    )

    @OptionGroup var inputs: ServerInputs
    @OptionGroup var server: ServerOptions
    @Flag(help: "Apply the plan without asking.") var yes = false

    func run() async throws {
        var workspace = try inputs.load()
        let client = try server.client()
        let fetched = try await fetchServer(client)
        let existingRecord = inputs.record()
        let diff = ServerDiff.compare(
            local: (workspace.trunks, workspace.rules), server: (fetched.trunks, fetched.rules), newIDs: workspace.newIDs,
            pull: existingRecord)
        let plan = PushPlan(diff)
        print("Plan for \(client.credentials.address):")
        print(DiffReport.text(plan))
        guard plan.conflicts.isEmpty else {
            await client.shutdown()
            CLIOutput.error("error: \(plan.conflicts.count) conflict(s): nothing was sent (pull again, redo your edits, then push)")
            throw ExitCode(1)
        }
        guard !plan.isEmpty else {
            await client.shutdown()
            return
        }
        guard yes || confirm(plan.steps.count, client.credentials.address.base) else {
            await client.shutdown()
            CLIOutput.error("error: not confirmed: nothing was sent (pass --yes to apply)")
            throw ExitCode(1)
        }
        var record = existingRecord ?? PullRecord(server: client.credentials.address.base, trunks: fetched.trunks, rules: fetched.rules)
        var trunkIDs: [String: String] = [:]
        var done: [String] = []
        var failure: String?
        for (n, step) in plan.steps.enumerated() {
            do {
                let body = try await client.call(step.method, step.body(trunkIDs: trunkIDs))
                try apply(step, answer: body, to: &workspace, record: &record, trunkIDs: &trunkIDs)
                done.append(step.label)
                print("done \(n + 1)/\(plan.steps.count): \(TerminalText.escaped(step.label))")
            } catch {
                failure = "step \(n + 1)/\(plan.steps.count) (\(TerminalText.escaped(step.label))) failed: \(error)"
                break
            }
        }
        await client.shutdown()
        writeBack(workspace, record: record)
        if let failure {
            CLIOutput.error("error: \(failure); stopped there. Done before it: \(done.isEmpty ? "nothing" : done.joined(separator: ", "))")
            throw ExitCode(1)
        }
        print("pushed \(done.count) change(s)")
    }

    /// Asks on a terminal; never when standard input is not one (scripts must say --yes).
    func confirm(_ count: Int, _ url: String) -> Bool {
        guard isatty(0) == 1 else { return false }
        FileHandle.standardError.write(Data("Apply \(count) change(s) to \(url)? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// Takes the server's answer into the workspace (new IDs, new updatedAt) and the record.
    func apply(
        _ step: PushPlan.Step, answer: [UInt8], to workspace: inout Workspace, record: inout PullRecord, trunkIDs: inout [String: String]
    ) throws {
        switch (step.action, step.kind) {
        case (.delete, .trunk): record.trunks[step.id] = nil
        case (.delete, .rule): record.rules[step.id] = nil
        case (_, .trunk):
            let returned = try SIPMethod.item(of: answer, as: Trunk.self, method: step.method)
            guard let i = workspace.trunks.firstIndex(where: { $0.id == step.id }) else { return }
            rekey(&workspace, .trunk, from: step.id, to: returned.id)
            workspace.trunks[i].id = returned.id
            workspace.trunks[i].updatedAt = returned.updatedAt
            if !returned.createdAt.isEmpty { workspace.trunks[i].createdAt = returned.createdAt }
            if step.id != returned.id {
                trunkIDs[step.id] = returned.id
                for r in workspace.rules.indices where workspace.rules[r].trunkIds.contains(step.id) {
                    workspace.rules[r].trunkIds = workspace.rules[r].trunkIds.map { $0 == step.id ? returned.id : $0 }
                }
            }
            record.trunks[returned.id] = PullRecord.Entry(updatedAt: returned.updatedAt, digest: PullRecord.digest(returned))
        case (_, .rule):
            let returned = try SIPMethod.item(of: answer, as: DispatchRule.self, method: step.method)
            guard let i = workspace.rules.firstIndex(where: { $0.id == step.id }) else { return }
            rekey(&workspace, .rule, from: step.id, to: returned.id)
            workspace.rules[i].id = returned.id
            workspace.rules[i].updatedAt = returned.updatedAt
            if !returned.createdAt.isEmpty { workspace.rules[i].createdAt = returned.createdAt }
            record.rules[returned.id] = PullRecord.Entry(updatedAt: returned.updatedAt, digest: PullRecord.digest(returned))
        }
    }

    func rekey(_ workspace: inout Workspace, _ kind: ItemKind, from old: String, to new: String) {
        workspace.newIDs.remove(old)
        guard old != new, let origin = workspace.origins.removeValue(forKey: ItemKey(kind, old)) else { return }
        workspace.origins[ItemKey(kind, new)] = origin
    }

    /// Each input file rewritten in its own shape with what the server assigned, and the record.
    func writeBack(_ workspace: Workspace, record: PullRecord) {
        for index in workspace.files.indices {
            let file = WorkspaceWriter.OutputFile(name: "", document: WorkspaceWriter.document(forFile: index, of: workspace))
            do {
                try AtomicFile.write(file.bytes(), to: workspace.files[index].path)
            } catch {
                CLIOutput.warning("\(error.description) (the server has the changes; run `switchboard pull`)")
            }
        }
        do {
            try AtomicFile.write(JSONWriter.bytes(record.json) + [0x0A], to: inputs.recordPath)
        } catch {
            CLIOutput.warning(error.description)
        }
    }
}

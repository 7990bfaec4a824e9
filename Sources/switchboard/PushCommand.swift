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
        let workspace = try inputs.load()
        let client = try server.client()
        let fetched = try await fetchServer(client)
        let record = inputs.record()
        let plan = PushPlan(workspace: workspace, server: fetched, record: record)
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
        let total = plan.steps.count
        let outcome = await PushRun.run(
            plan, service: client, workspace: workspace, record: record, recordPath: inputs.recordPath, before: fetched
        ) { n, label in
            print("done \(n)/\(total): \(TerminalText.escaped(label))")
        }
        await client.shutdown()
        for warning in outcome.writeWarnings { CLIOutput.warning(warning) }
        if outcome.failure != nil {
            CLIOutput.error("error: " + TerminalText.escaped(outcome.summary))
            throw ExitCode(1)
        }
        print(outcome.summary)
    }

    /// Asks on a terminal; never when standard input is not one (scripts must say --yes).
    func confirm(_ count: Int, _ url: String) -> Bool {
        guard isatty(0) == 1 else { return false }
        FileHandle.standardError.write(Data("Apply \(count) change(s) to \(url)? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}

import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardWebhook

/// `switchboard diff`: what differs between the workspace files and the server, per item.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare trunks and dispatch rules in files with the LiveKit server's.",
        discussion: """
            Items are matched by ID. `+` only in the files (push creates it), `-` only on the server, \
            `~` changed, with each field as `path: server → files`. Key spelling, enum numbers and \
            duration spellings are not differences; unknown keys are compared as written. \
            Exit status like `git diff --exit-code`: 0 no differences, 1 differences, 2 bad input or \
            the server unreachable.
            """
    )

    @OptionGroup var inputs: ServerInputs
    @OptionGroup var server: ServerOptions
    @Flag(help: "Print the differences as JSON.") var json = false

    func run() async throws {
        let workspace = try inputs.load()
        let client = try server.client()
        let fetched = try await fetchServer(client)
        await client.shutdown()
        let diff = ServerDiff.compare(
            local: (workspace.trunks, workspace.rules), server: (fetched.trunks, fetched.rules), newIDs: workspace.newIDs,
            pull: inputs.record())
        if json {
            CLIOutput.printJSON(DiffReport.json(diff))
            print()
        } else {
            print(DiffReport.text(diff))
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}

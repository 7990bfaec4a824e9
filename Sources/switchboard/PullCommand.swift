import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO
import SwitchboardWebhook

/// `switchboard pull`: the server's trunks and dispatch rules as `lk … list --json` files.
struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Fetch the LiveKit server's inbound trunks and dispatch rules into lk list files.",
        discussion: """
            Writes DIR/\(trunksFile) and DIR/\(rulesFile) ({"items": […]}, every field as the server sent \
            it) and DIR/\(PullRecord.fileName), which lets push tell your edits from changes made on the \
            server since. Every write is atomic. The API secret is never printed.
            """
    )

    static let trunksFile = PulledFiles.trunksFile
    static let rulesFile = PulledFiles.rulesFile

    @OptionGroup var server: ServerOptions
    @Option(name: .shortAndLong, help: "Directory to write into (created when missing).") var output = "."

    func run() async throws {
        let client = try server.client()
        let fetched = try await fetchServer(client)
        await client.shutdown()
        do {
            let paths = try PulledFiles.write(fetched, server: client.credentials.address.base, into: output)
            print("\(paths[0]): \(fetched.trunks.count) inbound trunks")
            print("\(paths[1]): \(fetched.rules.count) dispatch rules")
        } catch {
            CLIOutput.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }
}

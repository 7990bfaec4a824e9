import ArgumentParser
import Foundation

/// The `switchboard` command: the terminal UI by default, and the headless commands of
/// cli.md section 2 for scripts and CI.
@main
struct Switchboard: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Simulate LiveKit SIP inbound routing, including dynamic (webhook) dispatch rules.",
        discussion: """
            With no input files, commands read the bundled samples (samples/project.json). \
            Files may be Switchboard project files, `lk sip … list --json` output, `lk … create` \
            request files, or bare trunk and rule objects.
            """,
        version: version,
        subcommands: [
            TUICommand.self, ValidateCommand.self, ExportCommand.self, SimulateCommand.self, TestCommand.self,
            MockWebhookCommand.self, VerifySignatureCommand.self, PullCommand.self, DiffCommand.self, PushCommand.self,
            SipCommand.self, GenerateCommand.self, BenchTUICommand.self, BenchTransportCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Runs the command and maps failures to cli.md's exit statuses: 0 done, 1 mismatches or
    /// validation errors, 2 bad usage or bad input.
    static func main() async {
        SignalMask.unblockHandledSignals()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            // ArgumentParser's usage errors exit 64; our contract says 2.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

import ArgumentParser
import Dispatch
import Foundation
import SwitchboardCore
import SwitchboardWebhook

/// `switchboard mock-webhook SCRIPT`: serve a mock webhook script in the foreground, for a
/// real LiveKit deployment, another tool, or load tests to talk to.
struct MockWebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-webhook",
        abstract: "Run the scripted webhook responder in the foreground (Ctrl-C stops it).",
        discussion: """
            The script lists routes ({"routes": [{"match": {...}, "status": 200, "body": {...}}]}), \
            tried in order; the first whose match fits the request payload answers. A route may \
            add headers, wait (delayMs) or misbehave on purpose (fault: close, reset, hang, \
            slow-body, huge). Binds to loopback unless --host says otherwise.
            """
    )

    @Argument(help: "The mock webhook script (JSON).") var script: String
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8089
    @Flag(help: "Do not print a line per request (for load tests).") var quiet = false

    func run() async throws {
        let mockScript = try WebhookRuntime.readScript(script)
        var configuration = MockWebhookServer.Configuration(host: host, port: port)
        if !quiet {
            configuration.onRequest = { request in
                let line = "\(request.method) \(request.uri.prefix(120))\(MockWebhookCommand.summary(of: request))\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        }
        let server: MockWebhookServer
        do {
            server = try await MockWebhookServer.start(script: mockScript, configuration: configuration)
        } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(2)
        }
        // Written unbuffered: a script (or test) waiting for this line must see it now, not at exit.
        let banner = "mock webhook listening on \(server.baseURL) (\(mockScript.routes.count) routes from \(script)); Ctrl-C stops\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        let signals = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await server.shutdown() } }
            source.resume()
            return source
        }
        await server.waitUntilClosed()
        await server.shutdown()
        for source in signals { source.cancel() }
        FileHandle.standardOutput.write(Data("mock webhook stopped\n".utf8))
    }

    /// ` from_user=+1… to_user=+1…` for a POST body, to show which route will answer.
    static func summary(of request: MockWebhookServer.ReceivedRequest) -> String {
        guard case .object(let object)? = try? JSONParser.parse(request.body) else { return "" }
        let fields = MockScript.payloadFields(jsonBody: object)
        return ["from_user", "to_user"].compactMap { key in fields[key].map { " \(key)=\($0)" } }.joined()
    }
}

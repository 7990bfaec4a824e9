import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO
import SwitchboardWebhook

/// The webhook side of `simulate` and `test`: the HTTP transport, the request signer, and the
/// built-in mock webhook when the project (or `--mock-webhook`) names a script. Start it once
/// per command run and shut it down before exiting, so no socket outlives the command.
struct WebhookRuntime {
    let context: WebhookContext
    private let transport: HTTPClientTransport
    private let mock: InProcessMockWebhook?

    /// - Parameters:
    ///   - explicitScript: `--mock-webhook SCRIPT` (relative to the working directory);
    ///     otherwise `settings.mockWebhook`, relative to the project file.
    ///   - connections: connections kept to each webhook host; as many as calls run at once.
    static func start(workspace: Workspace, explicitScript: String?, connections: Int = 8) async throws -> WebhookRuntime {
        var mock: InProcessMockWebhook?
        if let path = scriptPath(workspace: workspace, explicit: explicitScript) {
            let script = try readScript(path)
            let endpoints = InProcessMockWebhook.endpoints(of: workspace.rules)
            if endpoints.isEmpty {
                if explicitScript != nil {
                    CLIOutput.warning(
                        "no dynamic rule points at a loopback http:// URL, so the mock webhook script \(path) answers nothing")
                }
            } else {
                do {
                    mock = try await InProcessMockWebhook.start(
                        script: script, endpoints: endpoints, maxResponseBytes: workspace.settings.maxResponseBytes)
                } catch {
                    CLIOutput.error("could not start the mock webhook for \(path): \(error)")
                    throw ExitCode(2)
                }
            }
        }
        let transport = HTTPClientTransport(connectOverrides: mock?.connectOverrides ?? [:], connectionsPerHost: connections)
        let context = WebhookContext(
            transport: transport, settings: workspace.settings, signer: APICredentials.signer(settings: workspace.settings),
            version: Switchboard.version)
        return WebhookRuntime(context: context, transport: transport, mock: mock)
    }

    func shutdown() async {
        await transport.shutdown()
        await mock?.shutdown()
    }

    static func scriptPath(workspace: Workspace, explicit: String?) -> String? {
        if let explicit { return explicit }
        let relative = workspace.settings.mockWebhook
        guard !relative.isEmpty, let index = workspace.projectFileIndex else { return nil }
        if relative.hasPrefix("/") { return relative }
        let directory = (workspace.files[index].path as NSString).deletingLastPathComponent
        return directory.isEmpty ? relative : (directory as NSString).appendingPathComponent(relative)
    }

    /// Reads a mock script, or prints the `FILE:LINE:COL: …` error and exits with status 2.
    static func readScript(_ path: String) throws -> MockScript {
        do {
            guard let document = try InputFiles.read([path]).first else { throw ExitCode(2) }
            return try MockScriptReader.read(document)
        } catch let failure as LoadFailure {
            CLIOutput.error(failure.description)
            throw ExitCode(2)
        } catch let error as InputError {
            CLIOutput.error(error.description)
            throw ExitCode(2)
        }
    }
}

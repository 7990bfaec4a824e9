import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO
import SwitchboardWebhook

/// How pull, diff and push reach the LiveKit server: the names `lk` uses.
struct ServerOptions: ParsableArguments {
    @Option(help: "LiveKit server URL (default: $LIVEKIT_URL); ws:// and wss:// are read as http:// and https://.")
    var url: String?
    @Option(help: "API key (default: $LIVEKIT_API_KEY).") var apiKey: String?
    @Option(help: "API secret (default: $LIVEKIT_API_SECRET; prefer the variable: arguments show in `ps`).")
    var apiSecret: String?
    @Option(help: "Milliseconds to wait for the connection.") var connectTimeoutMs = 2000
    @Option(help: "Milliseconds to wait for each answer.") var timeoutMs = 30_000

    /// The client, or one clear line and exit status 2.
    func client() throws -> SIPClient {
        do {
            let credentials = try ServerCredentials(
                url: url, apiKey: apiKey, apiSecret: apiSecret, environment: ProcessInfo.processInfo.environment)
            return SIPClient(credentials: credentials, connectTimeoutMs: connectTimeoutMs, timeoutMs: timeoutMs)
        } catch {
            CLIOutput.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }
}

/// The workspace side of diff and push: the files given, or the ones `pull` writes.
struct ServerInputs: ParsableArguments {
    @Argument(help: "Files to compare (default: inbound-trunks.json and dispatch-rules.json here, as pull writes them).")
    var files: [String] = []

    var paths: [String] {
        if !files.isEmpty { return files }
        return [PulledFiles.trunksFile, PulledFiles.rulesFile].filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Where the pull record is read and written: beside the first file.
    var recordPath: String {
        PulledFiles.recordPath(besides: paths.first ?? "./-")
    }

    func load() throws -> Workspace {
        guard !paths.isEmpty else {
            CLIOutput.error(
                "error: no inputs: name the files to compare, or run `switchboard pull` here first (it writes \(PulledFiles.trunksFile) and \(PulledFiles.rulesFile))"
            )
            throw ExitCode(2)
        }
        do {
            var rng = SystemRandomNumberGenerator()
            return try InputFiles.loadWorkspace(paths, using: &rng, parallel: .cores)
        } catch {
            CLIOutput.error(error.description)
            throw ExitCode(2)
        }
    }

    func record() -> PullRecord? { PulledFiles.readRecord(at: recordPath) }
}

/// The server's lists, fetched together; one clear line and status 2 when that fails.
func fetchServer(_ client: SIPClient) async throws -> ServerLists {
    do {
        return try await client.fetchLists()
    } catch {
        await client.shutdown()
        CLIOutput.error("error: \(error.description)")
        throw ExitCode(2)
    }
}

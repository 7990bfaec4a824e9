import ArgumentParser
import Foundation
import SwitchboardApp
import SwitchboardCore
import SwitchboardIO
import SwitchboardWebhook

/// `switchboard --server`: the TUI on a LiveKit server's lists, the way k9s opens a cluster.
/// The lists are pulled into `--pull-dir` first (the files `switchboard pull` writes), so
/// edits, saves, undo and the simulator work on them as on any files; `P` pulls again and `p`
/// pushes. Files there holding changes the server does not have are opened as they are, not
/// overwritten.
struct ServerStart {
    var input: InputOptions
    var client: SIPClient
    var link: ServerLink
    /// Said on the first frame: the files were kept, and why.
    var note: String?

    static func open(_ server: ServerOptions, directory: String, input: InputOptions) async throws -> ServerStart {
        guard input.files.isEmpty else {
            CLIOutput.error(
                "error: --server opens the server's lists; give no FILES with it (use `switchboard diff FILES` to compare files)")
            throw ExitCode(2)
        }
        let client = try server.client()
        let lists = try await fetchServer(client)
        let paths = PulledFiles.paths(in: directory)
        var input = input
        input.files = paths
        var unpushed: [String] = []
        if paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            let local = try input.loadWorkspace()
            let record = PulledFiles.readRecord(at: PulledFiles.recordPath(besides: paths[0]))
            unpushed = FetchedPull.unpushed(PushPlan(workspace: local, server: lists, record: record))
        }
        var note: String?
        if unpushed.isEmpty {
            do {
                try PulledFiles.write(lists, server: client.serverBase, into: directory)
            } catch {
                await client.shutdown()
                CLIOutput.error("error: \(error.description)")
                throw ExitCode(2)
            }
        } else {
            note = "Opened the files as they are: they hold \(unpushed.count) change(s) not pushed; p pushes them, P pulls over them"
        }
        return ServerStart(input: input, client: client, link: ServerLink(base: client.serverBase, directory: directory), note: note)
    }
}

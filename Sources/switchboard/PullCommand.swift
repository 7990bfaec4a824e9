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

    static let trunksFile = "inbound-trunks.json"
    static let rulesFile = "dispatch-rules.json"

    @OptionGroup var server: ServerOptions
    @Option(name: .shortAndLong, help: "Directory to write into (created when missing).") var output = "."

    func run() async throws {
        let client = try server.client()
        let fetched = try await fetchServer(client)
        await client.shutdown()
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let trunksPath = (output as NSString).appendingPathComponent(Self.trunksFile)
            let rulesPath = (output as NSString).appendingPathComponent(Self.rulesFile)
            try AtomicFile.write(Self.listBytes(fetched.roots.0, fetched.trunks.map { $0.encode() }), to: trunksPath)
            try AtomicFile.write(Self.listBytes(fetched.roots.1, fetched.rules.map { $0.encode() }), to: rulesPath)
            let record = PullRecord(server: client.credentials.address.base, trunks: fetched.trunks, rules: fetched.rules)
            let recordPath = (output as NSString).appendingPathComponent(PullRecord.fileName)
            try AtomicFile.write(JSONWriter.bytes(record.json) + [0x0A], to: recordPath)
            print("\(trunksPath): \(fetched.trunks.count) inbound trunks")
            print("\(rulesPath): \(fetched.rules.count) dispatch rules")
        } catch let error as AtomicFile.WriteError {
            CLIOutput.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// The response with its items as read (keys, order, number text), always with `items`
    /// (protojson omits an empty list; the file should still read as a list).
    static func listBytes(_ root: JSONObject, _ items: [JSONObject]) -> [UInt8] {
        var root = root
        root["items"] = .array(items.map(JSONValue.object))
        return WorkspaceWriter.OutputFile(name: "", document: .object(root)).bytes()
    }
}

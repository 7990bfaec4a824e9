import Foundation
import SwitchboardCore

/// What `switchboard pull` (and the TUI's pull, `P`) writes: the server's lists as
/// `lk … list --json` files, every field as the server sent it, and the pull record that lets
/// push tell local edits from changes made on the server since. Every write is atomic.
public enum PulledFiles {
    public static let trunksFile = "inbound-trunks.json"
    public static let rulesFile = "dispatch-rules.json"

    /// The two list files in `directory`, in the order the workspace reads them.
    public static func paths(in directory: String) -> [String] {
        [trunksFile, rulesFile].map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Writes both lists and the record into `directory` (created when missing); returns the
    /// list files' paths.
    @discardableResult
    public static func write(_ lists: ServerLists, server: String, into directory: String) throws(AtomicFile.WriteError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: directory, reason: "the directory could not be created (\(error.localizedDescription))")
        }
        let paths = paths(in: directory)
        try AtomicFile.write(listBytes(lists.trunkRoot, lists.trunks.map { $0.encode() }), to: paths[0])
        try AtomicFile.write(listBytes(lists.ruleRoot, lists.rules.map { $0.encode() }), to: paths[1])
        let record = PullRecord(server: server, trunks: lists.trunks, rules: lists.rules)
        try writeRecord(record, to: recordPath(besides: paths[0]))
        return paths
    }

    /// The response with its items as read (keys, order, number text), always with `items`
    /// (protojson omits an empty list; the file should still read as a list).
    public static func listBytes(_ root: JSONObject, _ items: [JSONObject]) -> [UInt8] {
        var root = root
        root["items"] = .array(items.map(JSONValue.object))
        return WorkspaceWriter.OutputFile(name: "", document: .object(root)).bytes()
    }

    /// Where the pull record of the files beside `path` lives.
    public static func recordPath(besides path: String) -> String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(PullRecord.fileName)
    }

    public static func writeRecord(_ record: PullRecord, to path: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(JSONWriter.bytes(record.json) + [0x0A], to: path)
    }

    /// The record at `path`; nil when there is none or it is not a pull record.
    public static func readRecord(at path: String) -> PullRecord? {
        guard let data = FileManager.default.contents(atPath: path), let value = try? JSONParser.parse([UInt8](data)) else {
            return nil
        }
        return PullRecord(json: value)
    }
}

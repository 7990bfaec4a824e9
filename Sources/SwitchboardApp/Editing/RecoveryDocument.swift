import SwitchboardCore
import SwitchboardIO

/// The unsaved edits of a session, as written to the recovery file (issue #8): every changed
/// item in full (or its deletion) with its place and file, and a fingerprint of each input
/// file as saved, so a restore can say when the files changed since.
///
/// ```json
/// {"format": "switchboard-recovery", "version": 1, "inputs": ["samples/project.json"],
///  "files": [{"path": "samples/project.json", "hash": "…"}],
///  "changes": [{"kind": "rule", "id": "SDR_…", "change": "modified", "position": 3,
///               "file": "samples/project.json", "generatedId": false, "item": {…}}]}
/// ```
///
/// Items are written in their own spelling (`encode(names: .keep)`), so a restored item writes
/// back exactly as the edited one would have.
public struct RecoveryDocument: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var key: ItemKey
        public var mark: ChangeMark
        /// The item after the edits; `nil` for a deletion.
        public var record: ItemRecord?
        /// The file the item goes to, by path (file indices are not stable across runs).
        public var file: String?
    }

    public var inputs: [String]
    /// Content hash of each input file as it was saved, by path.
    public var fileHashes: [String: String]
    public var changes: [Change]

    static let format = "switchboard-recovery"

    /// The session's unsaved edits; `fileHashes` are the saved files' hashes.
    static func capture(_ state: AppState) -> RecoveryDocument {
        let workspace = state.workspace
        let changes = state.edits.marks.sorted { ($0.key.kind == .trunk ? 0 : 1, $0.key.id) < ($1.key.kind == .trunk ? 0 : 1, $1.key.id) }
            .map { key, mark -> Change in
                let record = state.catalog.record(of: key)
                let file = (record?.origin).map { workspace.files[$0].path }
                return Change(key: key, mark: mark, record: record, file: file)
            }
        return RecoveryDocument(inputs: state.options.inputPaths, fileHashes: state.edits.savedHashes(state.options), changes: changes)
    }

    public func bytes() -> [UInt8] {
        var changes: [JSONValue] = []
        for change in self.changes {
            var object: JSONObject = [
                "kind": .string(change.key.kind.word), "id": .string(change.key.id), "change": .string(change.mark.word),
            ]
            if let record = change.record {
                object["position"] = .number(JSONNumber(record.position))
                object["file"] = change.file.map { .string($0) } ?? .null
                object["generatedId"] = .bool(record.hasGeneratedID)
                switch record.item {
                case .trunk(let trunk): object["item"] = .object(trunk.encode(names: .keep))
                case .rule(let rule): object["item"] = .object(rule.encode(names: .keep))
                }
            }
            changes.append(.object(object))
        }
        let files = fileHashes.sorted { $0.key < $1.key }.map { JSONValue.object(["path": .string($0.key), "hash": .string($0.value)]) }
        let root: JSONObject = [
            "format": .string(Self.format), "version": .number(JSONNumber(1)), "inputs": .array(inputs.map { .string($0) }),
            "files": .array(files), "changes": .array(changes),
        ]
        return JSONWriter.bytes(.object(root)) + [UInt8(ascii: "\n")]
    }

    /// Reads a recovery file; `workspace` gives file indices back to the paths. Throws a
    /// message a person can read.
    public static func decode(_ bytes: [UInt8], workspace: Workspace) throws(ReloadFailure) -> RecoveryDocument {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw ReloadFailure("not JSON: \(error.message)")
        }
        guard let root = value.objectValue, root["format"]?.stringValue == format else {
            throw ReloadFailure("not a Switchboard recovery file")
        }
        let inputs = root["inputs"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var hashes: [String: String] = [:]
        for file in root["files"]?.arrayValue ?? [] {
            if let path = file.objectValue?["path"]?.stringValue, let hash = file.objectValue?["hash"]?.stringValue { hashes[path] = hash }
        }
        var changes: [Change] = []
        for (index, entry) in (root["changes"]?.arrayValue ?? []).enumerated() {
            guard let object = entry.objectValue, let id = object["id"]?.stringValue, !id.isEmpty,
                let kind = object["kind"]?.stringValue.flatMap(ItemKind.init(word:)),
                let mark = object["change"]?.stringValue.flatMap(ChangeMark.init(word:))
            else { throw ReloadFailure("change \(index + 1) is incomplete") }
            let key = ItemKey(kind, id)
            guard mark != .deleted else {
                changes.append(Change(key: key, mark: mark, record: nil, file: nil))
                continue
            }
            guard let item = object["item"]?.objectValue else { throw ReloadFailure("change \(index + 1) has no item") }
            let file = object["file"]?.stringValue
            let decoded: ItemRecord.Item
            do {
                switch kind {
                case .trunk:
                    var trunk = try Trunk.decode(item, path: .root)
                    trunk.id = id
                    decoded = .trunk(trunk)
                case .rule:
                    var rule = try DispatchRule.decode(item, path: .root)
                    rule.id = id
                    decoded = .rule(rule)
                }
            } catch {
                throw ReloadFailure("change \(index + 1) (\(kind.word) \(id)): \(error)")
            }
            let position = object["position"]?.numberValue?.int64Value.map { Int(clamping: $0) } ?? Int.max
            let record = ItemRecord(
                item: decoded, position: max(0, position),
                origin: file.flatMap { path in workspace.files.firstIndex(where: { $0.path == path }) },
                hasGeneratedID: object["generatedId"]?.boolValue ?? false)
            changes.append(Change(key: key, mark: mark, record: record, file: file))
        }
        return RecoveryDocument(inputs: inputs, fileHashes: hashes, changes: changes)
    }
}

extension ChangeMark {
    var word: String {
        switch self {
        case .modified: return "modified"
        case .added: return "added"
        case .deleted: return "deleted"
        }
    }

    init?(word: String) {
        switch word {
        case "modified": self = .modified
        case "added": self = .added
        case "deleted": self = .deleted
        default: return nil
        }
    }
}

extension ItemKind {
    init?(word: String) {
        switch word {
        case "trunk": self = .trunk
        case "rule": self = .rule
        default: return nil
        }
    }
}

extension EditSession {
    /// Each input file's hash as it is on disk after the last save this session made (or as it
    /// was loaded).
    func savedHashes(_ options: AppOptions) -> [String: String] {
        options.fileHashes.merging(writtenHashes) { _, written in written }
    }
}

/// What `switchboard pull` saw, kept beside the pulled files in `.switchboard-pull.json`, so
/// that push can tell a local edit from a change someone made on the server since:
/// per ID, the server's `updatedAt` and a digest of the item's comparable form. Without it a
/// diff still works; conflicts then rest on the `updatedAt` inside the pulled files.
public struct PullRecord: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var updatedAt: String
        public var digest: String
        public init(updatedAt: String, digest: String) {
            self.updatedAt = updatedAt
            self.digest = digest
        }
    }

    public static let fileName = ".switchboard-pull.json"

    /// The server's base URL (never a key or secret).
    public var server: String
    public var trunks: [String: Entry] = [:]
    public var rules: [String: Entry] = [:]

    public init(server: String, trunks: [Trunk], rules: [DispatchRule]) {
        self.server = server
        for trunk in trunks { self.trunks[trunk.id] = Entry(updatedAt: trunk.updatedAt, digest: Self.digest(trunk)) }
        for rule in rules { self.rules[rule.id] = Entry(updatedAt: rule.updatedAt, digest: Self.digest(rule)) }
    }

    public static func digest(_ trunk: Trunk) -> String { digest(ComparableForm.of(trunk, ignoring: ServerDiff.trunkIgnored)) }
    public static func digest(_ rule: DispatchRule) -> String { digest(ComparableForm.of(rule, ignoring: ServerDiff.ruleIgnored)) }

    /// FNV-1a (64 bits) over the compact JSON with keys sorted: detects an edit, not an attacker.
    static func digest(_ object: JSONObject) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in JSONWriter.bytes(sorted(.object(object)), style: .compact) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o): return .object(JSONObject(o.members.sorted { $0.key < $1.key }.map { JSONMember($0.key, sorted($0.value)) }))
        case .array(let a): return .array(a.map(sorted))
        default: return value
        }
    }

    public var json: JSONValue {
        func entries(_ map: [String: Entry]) -> JSONValue {
            .object(
                JSONObject(
                    map.keys.sorted().map { id in
                        JSONMember(id, .object(["updatedAt": .string(map[id]!.updatedAt), "digest": .string(map[id]!.digest)]))
                    }))
        }
        return .object(
            JSONObject([
                JSONMember("server", .string(server)), JSONMember("trunks", entries(trunks)),
                JSONMember("dispatchRules", entries(rules)),
            ]))
    }

    /// Nil for a file that is not a pull record (it is then ignored, as if absent).
    public init?(json value: JSONValue) {
        guard case .object(let root) = value, let server = root["server"]?.stringValue else { return nil }
        self.server = server
        func entries(_ key: String) -> [String: Entry] {
            var out: [String: Entry] = [:]
            for member in root[key]?.objectValue?.members ?? [] {
                guard let o = member.value.objectValue else { continue }
                out[member.key] = Entry(updatedAt: o["updatedAt"]?.stringValue ?? "", digest: o["digest"]?.stringValue ?? "")
            }
            return out
        }
        trunks = entries("trunks")
        rules = entries("dispatchRules")
    }
}

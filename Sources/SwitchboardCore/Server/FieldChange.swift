/// One field that differs between two versions of an item: where (`rule.dispatchRuleDirect.roomName`),
/// and the value on each side (nil where the field is absent, which protobuf JSON means as
/// the zero value).
public struct FieldChange: Sendable, Equatable {
    public var path: String
    public var old: JSONValue?
    public var new: JSONValue?

    public init(path: String, old: JSONValue?, new: JSONValue?) {
        self.path = path
        self.old = old
        self.new = new
    }

    /// `roomName: "sales" → "support"`, values as compact JSON (absent as `(none)`).
    public var summary: String { "\(path): \(Self.show(old)) → \(Self.show(new))" }

    static func show(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        return String(decoding: JSONWriter.bytes(value, style: .compact), as: UTF8.self)
    }

    /// The fields that differ between two objects, by path, in the order of `new`'s keys
    /// then `old`'s. Objects are compared member by member (key order never matters); a
    /// list is one value (`trunkIds: ["ST_a"] → ["ST_a","ST_b"]`), as a person reads it.
    public static func changes(from old: JSONObject, to new: JSONObject, prefix: String = "") -> [FieldChange] {
        var out: [FieldChange] = []
        var seen = Set<String>()
        for member in new.members where seen.insert(member.key).inserted {
            let path = prefix.isEmpty ? member.key : prefix + "." + member.key
            let before = old[member.key]
            if case .object(let a)? = before, case .object(let b) = member.value {
                out += changes(from: a, to: b, prefix: path)
            } else if before != member.value {
                out.append(FieldChange(path: path, old: before, new: member.value))
            }
        }
        for member in old.members where seen.insert(member.key).inserted {
            let path = prefix.isEmpty ? member.key : prefix + "." + member.key
            out.append(FieldChange(path: path, old: member.value, new: nil))
        }
        return out
    }
}

/// An item as the diff compares it: every known field in lowerCamelCase with its canonical
/// value (so `"room_name"` vs `"roomName"`, `1` vs `"SIP_MEDIA_ENCRYPT_ALLOW"` or `"30.0s"` vs
/// `"30s"` are not differences), plus the keys the model does not know, as read — without
/// the ID and the timestamps the server keeps (those are not the user's to change).
enum ComparableForm {
    static func of<Item: ProtoMessage>(_ item: Item, ignoring keys: Set<String>) -> JSONObject {
        var bare = item
        bare.source = MessageSource()
        var object = bare.encode(names: .camel)
        for member in item.unknownMembers where object[member.key] == nil { object.members.append(member) }
        object.members.removeAll { keys.contains($0.key) }
        return object
    }
}

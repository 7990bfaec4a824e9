/// Reads the members of a webhook response object the way protojson reads a message: each
/// field under its `snake_case` or `lowerCamelCase` name (never both), `null` as absent, types
/// checked, and a record of which keys were used so the rest can be reported as ignored.
struct ReplyFields {
    let object: JSONObject
    private(set) var consumed: Set<String> = []

    init(_ object: JSONObject) { self.object = object }

    /// The value under either spelling, with the key it was found under; nil when absent or null.
    mutating func value(_ snake: String, _ camel: String? = nil) throws(WebhookReplyError) -> (key: String, value: JSONValue)? {
        let names = camel.map { [snake, $0] } ?? [snake]
        let hits = object.members.filter { names.contains($0.key) }
        consumed.formUnion(names)
        guard let first = hits.first else { return nil }
        if hits.count > 1 {
            let second = hits[1]
            if second.key == first.key {
                throw WebhookReplyError(.duplicateKey, "webhook response gives \"\(first.key)\" twice; keep one")
            }
            throw WebhookReplyError(
                .duplicateKey, "webhook response gives both \"\(first.key)\" and \"\(second.key)\" (two spellings of one key); keep one")
        }
        if case .null = first.value { return nil }
        return (first.key, first.value)
    }

    mutating func string(_ snake: String, _ camel: String? = nil) throws(WebhookReplyError) -> String? {
        guard let (key, value) = try self.value(snake, camel) else { return nil }
        guard case .string(let s) = value else { throw Self.typeError(key, "a string", value) }
        return s
    }

    mutating func bool(_ snake: String, _ camel: String? = nil) throws(WebhookReplyError) -> Bool? {
        guard let (key, value) = try self.value(snake, camel) else { return nil }
        guard case .bool(let b) = value else { throw Self.typeError(key, "true or false", value) }
        return b
    }

    mutating func stringMap(_ snake: String, _ camel: String? = nil) throws(WebhookReplyError) -> StringMap? {
        guard let (key, value) = try self.value(snake, camel) else { return nil }
        guard case .object(let object) = value else { throw Self.typeError(key, "an object of strings", value) }
        var map = StringMap()
        for member in object.members {
            guard case .string(let s) = member.value else {
                throw WebhookReplyError(
                    .wrongType,
                    "webhook response \"\(key)\" must map names to strings, found \(member.value.kindDescription) for \"\(member.key)\"")
            }
            map[member.key] = s
        }
        return map
    }

    mutating func object(_ snake: String, _ camel: String? = nil) throws(WebhookReplyError) -> JSONValue? {
        guard let (key, value) = try self.value(snake, camel) else { return nil }
        guard case .object = value else { throw Self.typeError(key, "an object", value) }
        return value
    }

    /// Keys of the response that no read asked for, in the order they were written.
    var unconsumedKeys: [String] { object.keys.filter { !consumed.contains($0) } }

    static func typeError(_ key: String, _ expected: String, _ found: JSONValue) -> WebhookReplyError {
        WebhookReplyError(.wrongType, "webhook response \"\(key)\" must be \(expected), found \(describe(found))")
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .number(let n): return "the number \(n.text)"
        case .string(let s): return "the string \"\(s.prefix(40))\""
        case .bool(let b): return b ? "true" : "false"
        default: return value.kindDescription
        }
    }
}

/// Every key the contract reads, by action, with its camelCase spelling (nil when the name has
/// no underscore). Keys used by another action than the one given are ignored with a note.
enum ReplyKeys {
    static let action = ("dispatch_action", "dispatchAction")
    static let answer: [(String, String?)] = [
        ("room_name", "roomName"), ("pin", nil), ("metadata", nil), ("attributes", nil),
        ("media_encryption", "mediaEncryption"), ("room_preset", "roomPreset"), ("room_config", "roomConfig"),
        ("krisp_enabled", "krispEnabled"),
    ]
    static let reject: [(String, String?)] = [("reject_status_code", "rejectStatusCode"), ("reject_reason", "rejectReason")]
    static let transfer: [(String, String?)] = [
        ("transfer_to", "transferTo"), ("destination_name", "destinationName"),
        ("transfer_ringing_timeout", "transferRingingTimeout"),
    ]

    static func keys(for action: DispatchAction) -> [(String, String?)] {
        switch action {
        case .answer: return answer
        case .reject: return reject
        case .transfer: return transfer
        }
    }

    /// The action a key belongs to, for the "ignored" note.
    static func owner(of key: String) -> DispatchAction? {
        for action in DispatchAction.allCases where keys(for: action).contains(where: { $0.0 == key || $0.1 == key }) {
            return action
        }
        return nil
    }

    /// Every lowerCamelCase spelling the contract knows (the proposal reads none of them).
    static let camelCase: Set<String> = {
        var out: Set<String> = [action.1]
        for (_, camel) in answer + reject + transfer {
            if let camel { out.insert(camel) }
        }
        return out
    }()
}

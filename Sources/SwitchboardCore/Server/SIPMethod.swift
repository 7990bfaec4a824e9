/// The LiveKit SIP service's Twirp methods Switchboard calls, and the JSON request bodies
/// (protobuf JSON, checked against livekit-protocol's `livekit_sip.proto` descriptors):
///
/// | method | request |
/// |---|---|
/// | `ListSIPInboundTrunk` | `ListSIPInboundTrunkRequest` `{"page": {"afterId": …, "limit": …}}` (`trunk_ids`, `numbers` unused) |
/// | `ListSIPDispatchRule` | `ListSIPDispatchRuleRequest` `{"page": {"afterId": …, "limit": …}}` |
/// | `CreateSIPInboundTrunk` | `{"trunk": SIPInboundTrunkInfo}` |
/// | `UpdateSIPInboundTrunk` | `{"sipTrunkId": …, "replace": SIPInboundTrunkInfo}` |
/// | `DeleteSIPTrunk` | `DeleteSIPTrunkRequest` `{"sipTrunkId": …}` (one delete for every trunk kind) |
/// | `CreateSIPDispatchRule` | `{"dispatchRule": SIPDispatchRuleInfo}` (the modern wrapper, not the legacy top-level fields) |
/// | `UpdateSIPDispatchRule` | `{"sipDispatchRuleId": …, "replace": SIPDispatchRuleInfo}` |
/// | `DeleteSIPDispatchRule` | `{"sipDispatchRuleId": …}` |
///
/// Updates are full replaces (what `lk … update FILE` does), so the server ends up holding
/// exactly the workspace's item; the server-assigned ID and timestamps are left out of the
/// bodies (the ID travels beside the item).
public enum SIPMethod: String, Sendable, CaseIterable {
    case listInboundTrunks = "ListSIPInboundTrunk"
    case listDispatchRules = "ListSIPDispatchRule"
    case createInboundTrunk = "CreateSIPInboundTrunk"
    case updateInboundTrunk = "UpdateSIPInboundTrunk"
    case deleteTrunk = "DeleteSIPTrunk"
    case createDispatchRule = "CreateSIPDispatchRule"
    case updateDispatchRule = "UpdateSIPDispatchRule"
    case deleteDispatchRule = "DeleteSIPDispatchRule"

    /// One page of a list (`livekit.Pagination`): up to `limit` items, in ID order, after
    /// `afterID` (none: from the start). A server that predates `page` discards the field,
    /// as Twirp discards unknown fields, and answers the whole list.
    public static func listPage(after afterID: String, limit: Int) -> JSONObject {
        var page: JSONObject = ["limit": .number(JSONNumber(Int64(limit)))]
        if !afterID.isEmpty { page.members.insert(JSONMember("afterId", .string(afterID)), at: 0) }
        return ["page": .object(page)]
    }

    public static func create(_ trunk: Trunk) -> JSONObject {
        ["trunk": .object(bare(trunk.encode(names: .camel), Trunk.serverAssignedKeys))]
    }

    public static func update(_ trunk: Trunk) -> JSONObject {
        ["sipTrunkId": .string(trunk.id), "replace": .object(bare(trunk.encode(names: .camel), Trunk.serverAssignedKeys))]
    }

    public static func deleteTrunk(id: String) -> JSONObject { ["sipTrunkId": .string(id)] }

    public static func create(_ rule: DispatchRule) -> JSONObject {
        ["dispatchRule": .object(bare(rule.encode(names: .camel), DispatchRule.serverAssignedKeys))]
    }

    public static func update(_ rule: DispatchRule) -> JSONObject {
        [
            "sipDispatchRuleId": .string(rule.id),
            "replace": .object(bare(rule.encode(names: .camel), DispatchRule.serverAssignedKeys)),
        ]
    }

    public static func deleteRule(id: String) -> JSONObject { ["sipDispatchRuleId": .string(id)] }

    static func bare(_ object: JSONObject, _ keys: Set<String>) -> JSONObject {
        JSONObject(object.members.filter { !keys.contains($0.key) })
    }

    /// The items of a `List…Response` (`{"items": […]}`; protojson omits an empty list, so
    /// `{}` is an empty list too), read losslessly as the workspace reads files.
    public static func items<Item: ProtoMessage>(
        of body: [UInt8], as: Item.Type, method: SIPMethod
    ) throws(ServerError) -> (root: JSONObject, items: [Item]) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .badResponse(method: method.rawValue, reason: "not JSON (\(error.message) at byte \(error.offset))")
        }
        guard case .object(let root) = value else {
            throw .badResponse(method: method.rawValue, reason: "expected an object, found \(value.kindDescription)")
        }
        guard let list = root["items"] else { return (root, []) }
        guard case .array(let elements) = list else {
            throw .badResponse(method: method.rawValue, reason: "expected \"items\" to be a list, found \(list.kindDescription)")
        }
        var items: [Item] = []
        items.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            guard case .object(let object) = element else {
                throw .badResponse(method: method.rawValue, reason: "items[\(i)] is \(element.kindDescription), not an object")
            }
            do {
                items.append(try Item.decode(object, path: JSONPath([.key("items"), .index(i)])))
            } catch {
                throw .badResponse(method: method.rawValue, reason: "\(error.path): \(error.message)")
            }
        }
        return (root, items)
    }

    /// One item answered by Create/Update (the `…Info` message itself).
    public static func item<Item: ProtoMessage>(of body: [UInt8], as: Item.Type, method: SIPMethod) throws(ServerError) -> Item {
        guard case .object(let object)? = try? JSONParser.parse(body) else {
            throw .badResponse(method: method.rawValue, reason: "expected a JSON object")
        }
        do {
            return try Item.decode(object, path: .root)
        } catch {
            throw .badResponse(method: method.rawValue, reason: "\(error.path): \(error.message)")
        }
    }
}

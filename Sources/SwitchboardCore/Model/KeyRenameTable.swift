/// Renames the keys of a message Switchboard otherwise passes through untouched
/// (`roomConfig`), so `--names camel|proto` spells those the same way as the rest.
/// Keys not in the table are left exactly as they are.
public struct KeyRenameTable: Sendable {
    /// snake_case → lowerCamelCase, and nested tables for message-typed fields.
    let fields: [String: String]
    let nested: [String: KeyRenameTable]

    func rename(_ value: JSONValue, to style: NameStyle) -> JSONValue {
        switch value {
        case .array(let elements): return .array(elements.map { rename($0, to: style) })
        case .object(let object):
            var members: [JSONMember] = []
            for member in object.members {
                let proto = fields.first(where: { $0.key == member.key || $0.value == member.key })?.key
                guard let proto else {
                    members.append(member)
                    continue
                }
                let key = style == .proto ? proto : (style == .camel ? fields[proto]! : member.key)
                let inner = nested[proto].map { $0.rename(member.value, to: style) } ?? member.value
                members.append(JSONMember(key, inner))
            }
            return .object(JSONObject(members))
        default: return value
        }
    }

    /// `RoomConfiguration` and `RoomAgentDispatch` (livekit_room.proto, livekit_agent_dispatch.proto).
    public static let roomConfiguration = KeyRenameTable(
        fields: [
            "name": "name", "empty_timeout": "emptyTimeout", "departure_timeout": "departureTimeout",
            "max_participants": "maxParticipants", "metadata": "metadata", "egress": "egress",
            "min_playout_delay": "minPlayoutDelay", "max_playout_delay": "maxPlayoutDelay",
            "sync_streams": "syncStreams", "agents": "agents", "tags": "tags",
        ],
        nested: [
            "agents": KeyRenameTable(
                fields: [
                    "agent_name": "agentName", "metadata": "metadata", "restart_policy": "restartPolicy",
                    "deployment": "deployment", "attributes": "attributes",
                ],
                nested: [:])
        ])
}

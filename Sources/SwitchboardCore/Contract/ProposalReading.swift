/// How the LiveKit proposal's code (PR #1123, livekit-routing.md 1.7 and 5.4) would read the
/// same response body, modelled closely enough to tell where it acts differently: Go's
/// `encoding/json` into a flat struct with `snake_case` tags. Keys match case-insensitively
/// but underscores matter, unknown keys are dropped, the last duplicate wins, and a value of
/// the wrong type fails the whole decode ("Failed to decode response").
struct ProposalReading: Equatable {
    enum Action: Equatable {
        case accept
        case reject
        case transfer
    }

    /// `dispatch_action` as sent ("" when absent).
    var actionText = ""
    var roomName = ""
    var pin = ""
    var mediaEncryption = ""
    /// Every key of the body the proposal's struct has no field for.
    var ignoredKeys: [String] = []

    /// What the proposal's switch does: anything but the three words takes the accept path.
    var action: Action {
        switch actionText.lowercased() {
        case "reject": return .reject
        case "transfer": return .transfer
        default: return .accept
        }
    }

    /// True when `dispatch_action` was one of the three words the proposal knows.
    var actionRecognized: Bool { ["accept", "reject", "transfer"].contains(actionText.lowercased()) }

    enum FieldType {
        case string
        case stringMap
        case integer
    }

    static let fields: [(name: String, type: FieldType)] = [
        ("dispatch_action", .string), ("room_name", .string), ("pin", .string), ("metadata", .string),
        ("attributes", .stringMap), ("media_encryption", .string), ("reject_reason", .string), ("transfer_to", .string),
        ("destination_name", .string), ("transfer_ringing_timeout", .integer),
    ]

    /// Why the proposal's decode would fail ("Failed to decode response" there).
    struct DecodeFailure: Error, Equatable {
        var why: String
    }

    /// The proposal's reading, or the reason its decode would fail.
    static func read(_ body: [UInt8]) -> Result<ProposalReading, DecodeFailure> {
        guard let value = try? JSONParser.parse(body) else { return .failure(DecodeFailure(why: "the body is not JSON")) }
        guard case .object(let object) = value else {
            if case .null = value { return .success(ProposalReading()) }
            return .failure(DecodeFailure(why: "the body is \(value.kindDescription), not an object"))
        }
        var reading = ProposalReading()
        for member in object.members {
            guard
                let field = fields.first(where: { $0.name == member.key })
                    ?? fields.first(where: { $0.name.lowercased() == member.key.lowercased() })
            else {
                reading.ignoredKeys.append(member.key)
                continue
            }
            if case .null = member.value { continue }
            switch field.type {
            case .string:
                guard case .string(let s) = member.value else {
                    return .failure(DecodeFailure(why: "\"\(member.key)\" is \(member.value.kindDescription), not a string"))
                }
                switch field.name {
                case "dispatch_action": reading.actionText = s
                case "room_name": reading.roomName = s
                case "pin": reading.pin = s
                case "media_encryption": reading.mediaEncryption = s
                default: break
                }
            case .stringMap:
                guard case .object(let map) = member.value, map.members.allSatisfy({ $0.value.stringValue != nil }) else {
                    return .failure(DecodeFailure(why: "\"\(member.key)\" is not an object of strings"))
                }
            case .integer:
                guard case .number(let n) = member.value, Int64(n.text) != nil else {
                    return .failure(DecodeFailure(why: "\"\(member.key)\" is \(ReplyFields.describe(member.value)), not whole seconds"))
                }
            }
        }
        return .success(reading)
    }
}

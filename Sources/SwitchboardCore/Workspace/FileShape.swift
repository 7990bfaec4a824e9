/// The shapes of file Switchboard reads (cli.md section 1), told apart by their keys.
public enum FileShape: String, Sendable, Equatable {
    /// `{"trunks": [...], "dispatchRules": [...], "settings": {...}, "calls": [...]}`
    case project
    /// `{"items": [...]}` from `lk sip inbound list --json`.
    case trunkList
    /// `{"items": [...]}` from `lk sip dispatch list --json`.
    case ruleList
    /// `{"trunk": {...}}`, an `lk sip inbound create` request.
    case trunkCreate
    /// `{"dispatch_rule": {...}}`, an `lk sip dispatch create` request.
    case ruleCreate
    /// A bare `SIPInboundTrunkInfo` (`lk sip inbound update`).
    case bareTrunk
    /// A bare `SIPDispatchRuleInfo` (`lk sip dispatch update`).
    case bareRule

    static let projectKeys: Set<String> = ["trunks", "dispatchRules", "dispatch_rules", "settings", "calls"]
    static let ruleOnlyKeys: Set<String> = [
        "rule", "sip_dispatch_rule_id", "sipDispatchRuleId", "trunk_ids", "trunkIds", "hide_phone_number",
        "hidePhoneNumber", "inbound_numbers", "inboundNumbers", "attributes", "room_preset", "roomPreset",
        "room_config", "roomConfig",
    ]
    static let trunkOnlyKeys: Set<String> = [
        "sip_trunk_id", "sipTrunkId", "allowed_addresses", "allowedAddresses", "allowed_numbers", "allowedNumbers",
        "auth_username", "authUsername", "auth_password", "authPassword", "auth_realm", "authRealm", "headers",
        "headers_to_attributes", "headersToAttributes", "attributes_to_headers", "attributesToHeaders",
        "include_headers", "includeHeaders", "ringing_timeout", "ringingTimeout", "max_call_duration",
        "maxCallDuration",
    ]

    /// Whether a bare object (or list item) reads as a trunk, a rule, or neither.
    static func objectKind(_ object: JSONObject) -> ItemKind? {
        var rule = false
        var trunk = false
        for member in object.members {
            if !rule, ruleOnlyKeys.contains(member.key) { rule = true }
            if !trunk, trunkOnlyKeys.contains(member.key) { trunk = true }
        }
        if rule && !trunk { return .rule }
        if trunk && !rule { return .trunk }
        return nil
    }

    /// `objectKind` of a canonical object (`MessageSource.Layout`) of one message type, told
    /// from which fields it had and how they were spelled, without its keys.
    struct LayoutKinds {
        /// Bit `i`: field `i`'s proto (camel) spelling is a rule-only (trunk-only) key.
        private var rule: (proto: UInt32, camel: UInt32) = (0, 0)
        private var trunk: (proto: UInt32, camel: UInt32) = (0, 0)

        init<M>(_ table: FieldTable<M>) {
            for (i, spec) in table.specs.enumerated() where i < MessageSource.Layout.maximumFields {
                let bit = UInt32(1) << UInt32(i)
                if ruleOnlyKeys.contains(spec.proto) { rule.proto |= bit }
                if ruleOnlyKeys.contains(spec.camel) { rule.camel |= bit }
                if trunkOnlyKeys.contains(spec.proto) { trunk.proto |= bit }
                if trunkOnlyKeys.contains(spec.camel) { trunk.camel |= bit }
            }
        }

        func kind(_ layout: MessageSource.Layout) -> ItemKind? {
            let isRule = layout.fields & (layout.proto ? rule.proto : rule.camel) != 0
            let isTrunk = layout.fields & (layout.proto ? trunk.proto : trunk.camel) != 0
            if isRule && !isTrunk { return .rule }
            if isTrunk && !isRule { return .trunk }
            return nil
        }
    }
}

public enum ItemKind: String, Sendable {
    case trunk
    case rule
}

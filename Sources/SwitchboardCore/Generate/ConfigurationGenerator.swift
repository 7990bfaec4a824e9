/// Builds large, realistic configurations for benchmarks and load tests, deterministic from a
/// seed: trunks with numbers, default trunks, address filters and digest auth; rules of every
/// type with trunk scopes, number filters, pins, attributes and `roomConfig`; and scenarios
/// whose expected trunk and rule are known by construction.
///
/// Conflict-free by construction: rule `i` is scoped to trunk `i % trunks` and takes the
/// `i / trunks`-th caller filter of that trunk, so no two rules share LiveKit's conflict key.
public struct ConfigurationGenerator: Sendable {
    public var trunkCount: Int
    public var ruleCount: Int
    public var scenarioCount: Int
    /// Where the generated dynamic rules send their webhook requests.
    public var webhookURL: String
    /// Plan calls only to dynamic rules (a webhook load test): one rule in five is dynamic.
    public var dynamicScenariosOnly: Bool
    /// Every optional field LiveKit prints, on every item where it makes sense: what a busy
    /// production list looks like (see ``Profile``).
    public var profile: Profile

    /// How much of each message is filled in. Benchmarks run both: a reader tuned on one shape
    /// can be slow on the other.
    public enum Profile: String, Sendable, CaseIterable {
        /// Optional fields on some items only (a rule in four has attributes, one in ten a
        /// `roomConfig`, …).
        case sparse
        /// Every rule with caller filters, attributes and metadata, one in nine with a pin, one
        /// in four with `roomConfig` agents; every trunk with header mapping and timeouts.
        case dense
    }

    public init(
        trunks: Int, rules: Int, scenarios: Int = 0, webhookURL: String = "http://127.0.0.1:8089/dispatch",
        dynamicScenariosOnly: Bool = false, profile: Profile = .sparse
    ) {
        self.trunkCount = max(1, trunks)
        self.ruleCount = rules
        self.scenarioCount = scenarios
        self.webhookURL = webhookURL
        self.dynamicScenariosOnly = dynamicScenariosOnly
        self.profile = profile
    }

    /// `createdAt`/`updatedAt` as LiveKit's server stamps them (RFC 3339, UTC), `minutes` after
    /// 2025-01-01T00:00:00Z; like `lk … list --json`, every listed item carries both.
    static func timestamp(minutes: Int) -> String {
        let day = minutes / 1440
        // 2025 is not a leap year; the generator stays within it for up to 525,600 items.
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0
        var dayOfMonth = day % 365
        while dayOfMonth >= lengths[month] {
            dayOfMonth -= lengths[month]
            month += 1
        }
        func two(_ n: Int) -> String { String(n).leftPadded(to: 2) }
        return "2025-\(two(month + 1))-\(two(dayOfMonth + 1))T\(two(minutes / 60 % 24)):\(two(minutes % 60)):00Z"
    }

    /// One call and the trunk and rule it must reach.
    public struct PlannedCall: Sendable {
        public var name: String
        public var from: String
        public var to: String
        public var sourceIP: String
        public var trunkID: String
        public var ruleID: String
        public var ruleType: String
    }

    public struct Output: Sendable {
        public var trunks: [Trunk]
        public var rules: [DispatchRule]
        public var calls: [PlannedCall]
    }

    /// Called numbers: area codes 201–999 with the fictional 555-0100…0199 block.
    static func calledNumber(_ index: Int) -> String {
        let area = 201 + (index / 100) % 799
        return "+1\(area)55501\(String(index % 100).leftPadded(to: 2))"
    }

    /// Caller numbers: the same fictional block, counted from the other end.
    static func callerNumber(_ index: Int) -> String {
        let area = 999 - (index / 100) % 799
        return "+1\(area)55501\(String(99 - index % 100).leftPadded(to: 2))"
    }

    /// Area code 200 is never used by trunks or rule filters: a caller or called number that
    /// matches no filter.
    static func outsideNumber(_ index: Int) -> String {
        "+120055501\(String(index % 100).leftPadded(to: 2))"
    }

    public func generate(using rng: inout some RandomNumberGenerator) -> Output {
        var trunks: [Trunk] = []
        trunks.reserveCapacity(trunkCount)
        var trunkNumbers: [[String]] = []
        var nextNumber = 0
        for t in 0..<trunkCount {
            var trunk = Trunk()
            trunk.id = GeneratedID.trunk(using: &rng)
            trunk.name = "Trunk \(t + 1)"
            // One trunk in 50 is a default trunk; each has its own allowed callers, because two
            // default trunks without allowed numbers conflict.
            if t % 50 == 49 {
                trunk.allowedNumbers = [Self.callerNumber(t)]
                trunk.allowedAddresses = ["203.0.113.0/24", "2001:db8:\(t % 0xFFFF)::/48", "sip\(t).carrier.example"]
            } else {
                let count = 1 + Int.random(in: 0..<3, using: &rng)
                trunk.numbers = (0..<count).map { _ in
                    defer { nextNumber += 1 }
                    return Self.calledNumber(nextNumber)
                }
                if t % 3 == 0 { trunk.allowedAddresses = ["198.51.100.0/24", "sip.carrier.example"] }
            }
            if t % 7 == 0 {
                trunk.authUsername = "pbx\(t)"
                trunk.authPassword = "secret-\(GeneratedID.suffix(using: &rng))"
            }
            if t % 5 == 0 { trunk.krispEnabled = true }
            if t % 11 == 0 { trunk.mediaEncryption = .allow }
            trunk.metadata = t % 4 == 0 ? "{\"region\":\"r\(t % 9)\"}" : ""
            if profile == .dense {
                trunk.metadata = "{\"region\":\"r\(t % 9)\",\"carrier\":\"c\(t % 4)\"}"
                trunk.headersToAttributes = ["X-Account": "account.id", "X-Campaign": "campaign"]
                trunk.includeHeaders = .xHeaders
                trunk.ringingTimeout = ProtoDuration(seconds: Double(30 + t % 30))
                trunk.maxCallDuration = ProtoDuration(seconds: 3600)
            }
            trunk.createdAt = Self.timestamp(minutes: t)
            trunk.updatedAt = Self.timestamp(minutes: t + (t % 3) * 1440)
            trunkNumbers.append(trunk.numbers)
            trunks.append(trunk)
        }

        var rules: [DispatchRule] = []
        rules.reserveCapacity(ruleCount)
        var calls: [PlannedCall] = []
        for i in 0..<ruleCount {
            let t = i % trunkCount
            let slot = i / trunkCount
            var rule = DispatchRule()
            rule.id = GeneratedID.rule(using: &rng)
            rule.name = "Rule \(i + 1)"
            rule.trunkIds = [trunks[t].id]
            let isDefaultTrunk = trunkNumbers[t].isEmpty
            if slot > 0 {
                rule.inboundNumbers = [Self.callerNumber(slot * 7919 + t)]
            } else if profile == .dense {
                // The first rule of a trunk takes the caller its scenarios call from: a default
                // trunk's allowed caller, or a number outside every other filter.
                rule.inboundNumbers = isDefaultTrunk ? trunks[t].allowedNumbers : [Self.outsideNumber(i)]
            }
            let pinned = profile == .dense ? i % 9 == 4 : i % 23 == 22
            let pin = pinned ? String(1000 + i % 9000) : ""
            switch i % 20 {
            case 0..<8: rule.kind = .direct(DirectRule(roomName: "room-\(i)", pin: pin))
            case 8..<13: rule.kind = .individual(IndividualRule(roomPrefix: "caller-\(i % 97)", pin: pin, noRandomness: i % 3 == 0))
            case 13..<17: rule.kind = .callee(CalleeRule(roomPrefix: "line-\(i % 89)", pin: pin, randomize: i % 2 == 0))
            default: rule.kind = .dynamic(DynamicRule(url: webhookURL, method: i % 2 == 0 ? "POST" : "GET"))
            }
            if i % 4 == 0 { rule.attributes = ["team": "t\(i % 13)", "tier": i % 3 == 0 ? "gold" : "standard"] }
            if i % 6 == 0 { rule.metadata = "{\"rule\":\(i)}" }
            if i % 10 == 0 { rule.roomConfig = .object(["agents": .array([.object(["agentName": .string("agent-\(i % 5)")])])]) }
            if i % 17 == 0 { rule.hidePhoneNumber = true }
            if profile == .dense {
                rule.attributes = ["team": "t\(i % 13)", "tier": i % 3 == 0 ? "gold" : "standard", "region": "r\(i % 9)"]
                rule.metadata = "{\"rule\":\(i),\"queue\":\"q\(i % 31)\"}"
                if i % 4 == 0 {
                    rule.roomConfig = .object([
                        "agents": .array([.object(["agentName": .string("agent-\(i % 5)"), "metadata": "{\"lang\":\"en\"}"])])
                    ])
                }
                if i % 5 == 0 { rule.krispEnabled = true }
                if i % 8 == 0 { rule.mediaEncryption = .allow }
            }
            rule.createdAt = Self.timestamp(minutes: trunkCount + i)
            rule.updatedAt = Self.timestamp(minutes: trunkCount + i + (i % 5) * 720)
            rules.append(rule)
            let isDynamic: Bool
            if case .dynamic = rule.kind { isDynamic = true } else { isDynamic = false }
            if calls.count < scenarioCount, !pinned, isDynamic || !dynamicScenariosOnly {
                let to = trunkNumbers[t].first
                let from = rule.inboundNumbers.first ?? Self.outsideNumber(i)
                // Default trunks are reached through their allowed caller and address range.
                let isDefault = to == nil
                if isDefault && slot > 0 { continue }
                calls.append(
                    PlannedCall(
                        name: "call \(calls.count + 1)", from: isDefault ? trunks[t].allowedNumbers[0] : from,
                        to: to ?? Self.outsideNumber(i + 50), sourceIP: isDefault ? "203.0.113.7" : "198.51.100.10",
                        trunkID: trunks[t].id, ruleID: rule.id, ruleType: rule.kind?.typeName ?? ""))
            }
        }
        return Output(trunks: trunks, rules: rules, calls: calls)
    }
}

extension ConfigurationGenerator.Output {
    /// A Switchboard project file whose dynamic rules are answered by the generated mock script.
    public func projectDocument() -> JSONValue {
        .object([
            "settings": .object(["mockWebhook": "mock-webhook.json"]),
            "trunks": .array(trunks.map { .object($0.encode()) }),
            "dispatchRules": .array(rules.map { .object($0.encode()) }),
        ])
    }

    /// What `lk sip inbound list --json` prints for these trunks.
    public func trunkListDocument() -> JSONValue { .object(["items": .array(trunks.map { .object($0.encode()) })]) }

    /// What `lk sip dispatch list --json` prints for these rules.
    public func ruleListDocument() -> JSONValue { .object(["items": .array(rules.map { .object($0.encode()) })]) }

    /// A scenarios file (cli.md section 5) expecting each planned call's trunk and rule.
    public func scenariosDocument() -> JSONValue {
        .object([
            "scenarios": .array(
                calls.map { call in
                    .object([
                        "name": .string(call.name),
                        "call": .object(["from": .string(call.from), "to": .string(call.to), "sourceIp": .string(call.sourceIP)]),
                        "expect": .object(["trunkId": .string(call.trunkID), "ruleId": .string(call.ruleID)]),
                    ])
                })
        ])
    }

    /// A mock-webhook script answering every generated dynamic rule.
    public static let mockScript: JSONValue = .object([
        "routes": .array([
            .object([
                "match": .object([:]), "status": 200,
                "body": .object(["dispatch_action": "accept", "room_name": "dynamic-lobby"]),
            ])
        ])
    ])
}

import SwitchboardCore

/// The trunk or rule a form edits. Every change goes through the model's own properties, so
/// fields the user did not touch keep their spelling and unknown keys stay (the model is
/// lossless; a message is never rebuilt from scratch).
public enum FormItem: Sendable, Equatable {
    case trunk(Trunk)
    case rule(DispatchRule)

    public var key: ItemKey {
        switch self {
        case .trunk(let trunk): return ItemKey(.trunk, trunk.id)
        case .rule(let rule): return ItemKey(.rule, rule.id)
        }
    }

    public var id: String { key.id }

    public var name: String {
        switch self {
        case .trunk(let trunk): return trunk.name
        case .rule(let rule): return rule.name
        }
    }

    public var kindWord: String {
        switch self {
        case .trunk: return "trunk"
        case .rule: return "rule"
        }
    }

    public var change: ItemChange {
        switch self {
        case .trunk(let trunk): return .trunk(trunk)
        case .rule(let rule): return .rule(rule)
        }
    }

    /// The fields in the order the form shows them, in titled sections. A dynamic rule leads
    /// with its webhook; the other types with where calls go.
    public var sections: [(title: String, fields: [FormField])] {
        switch self {
        case .trunk(let trunk):
            return [
                ("Trunk", [.name, .metadata]),
                ("Which calls it accepts", [.numbers, .allowedAddresses, .allowedNumbers]),
                ("Authentication", [.authUsername, .authPassword, .authRealm]),
                ("SIP headers", [.headers, .headersToAttributes, .attributesToHeaders, .includeHeaders]),
                ("Timing", [.ringingTimeout, .maxCallDuration]),
                ("Media", [.krispEnabled, .mediaEncryption] + Self.mediaFields(trunk.media)),
            ]
        case .rule(let rule):
            var out: [(String, [FormField])] = []
            switch rule.kind {
            case .dynamic:
                out.append(("Webhook", [.url, .method]))
                out.append(("Dispatch rule", [.ruleType, .name]))
            case .direct:
                out.append(("Dispatch rule", [.ruleType, .name]))
                out.append(("Where calls go", [.roomName, .pin]))
            case .individual:
                out.append(("Dispatch rule", [.ruleType, .name]))
                out.append(("Where calls go", [.roomPrefix, .pin, .noRandomness]))
            case .callee:
                out.append(("Dispatch rule", [.ruleType, .name]))
                out.append(("Where calls go", [.roomPrefix, .pin, .randomize]))
            case nil:
                out.append(("Dispatch rule", [.ruleType, .name]))
            }
            out.append(("Which calls it takes", [.trunkIds, .inboundNumbers, .ruleNumbers]))
            out.append(("Participant", [.hidePhoneNumber, .metadata, .attributes]))
            out.append(("Room", [.roomPreset, .roomConfig]))
            out.append(("Media", [.krispEnabled, .mediaEncryption] + Self.mediaFields(rule.media)))
            return out
        }
    }

    static func mediaFields(_ media: MediaConfig?) -> [FormField] {
        [.mediaOnlyListedCodecs, .mediaCodecs, .mediaEncryptionOverride, .mediaTimeout]
    }

    public var fields: [FormField] { sections.flatMap(\.fields) }

    /// Keys of the item's JSON the model does not know, as paths (`futureRuleField`,
    /// `rule.dispatchRuleDirect.extra`): the form cannot edit them, and says they are kept.
    public var unknownKeys: [String] {
        var out: [(String, [JSONMember])] = []
        switch self {
        case .trunk(let t):
            out = [("", t.unknownMembers), ("media.", t.media?.unknownMembers ?? [])]
        case .rule(let r):
            var variant: [JSONMember] = []
            switch r.kind {
            case .direct(let k): variant = k.unknownMembers
            case .individual(let k): variant = k.unknownMembers
            case .callee(let k): variant = k.unknownMembers
            case .dynamic(let k): variant = k.unknownMembers
            case nil: break
            }
            out = [("", r.unknownMembers), ("rule.", r.rule?.unknownMembers ?? []), ("rule.\(r.kind?.typeName ?? "").", variant)]
            out.append(("media.", r.media?.unknownMembers ?? []))
        }
        return out.flatMap { prefix, members in members.map { prefix + $0.key } }
    }

    // MARK: Text

    /// The text of a plain text field.
    public func text(_ field: FormField) -> String {
        switch (self, field) {
        case (.trunk(let t), .name): return t.name
        case (.trunk(let t), .metadata): return t.metadata
        case (.trunk(let t), .authUsername): return t.authUsername
        case (.trunk(let t), .authPassword): return t.authPassword
        case (.trunk(let t), .authRealm): return t.authRealm
        case (.rule(let r), .name): return r.name
        case (.rule(let r), .metadata): return r.metadata
        case (.rule(let r), .roomPreset): return r.roomPreset
        case (.rule(let r), .url):
            if case .dynamic(let d) = r.kind { return d.url }
        case (.rule(let r), .roomName):
            if case .direct(let d) = r.kind { return d.roomName }
        case (.rule(let r), .roomPrefix):
            if case .individual(let i) = r.kind { return i.roomPrefix }
            if case .callee(let c) = r.kind { return c.roomPrefix }
        case (.rule(let r), .pin): return r.kind?.pin ?? ""
        default: break
        }
        return ""
    }

    public mutating func setText(_ field: FormField, _ value: String) {
        switch self {
        case .trunk(var t):
            switch field {
            case .name: t.name = value
            case .metadata: t.metadata = value
            case .authUsername: t.authUsername = value
            case .authPassword: t.authPassword = value
            case .authRealm: t.authRealm = value
            default: return
            }
            self = .trunk(t)
        case .rule(var r):
            switch field {
            case .name: r.name = value
            case .metadata: r.metadata = value
            case .roomPreset: r.roomPreset = value
            case .url:
                guard case .dynamic(var d) = r.kind else { return }
                d.url = value
                r.kind = .dynamic(d)
            case .roomName:
                guard case .direct(var d) = r.kind else { return }
                d.roomName = value
                r.kind = .direct(d)
            case .roomPrefix:
                if case .individual(var i) = r.kind {
                    i.roomPrefix = value
                    r.kind = .individual(i)
                } else if case .callee(var c) = r.kind {
                    c.roomPrefix = value
                    r.kind = .callee(c)
                }
            case .pin:
                switch r.kind {
                case .direct(var d):
                    d.pin = value
                    r.kind = .direct(d)
                case .individual(var i):
                    i.pin = value
                    r.kind = .individual(i)
                case .callee(var c):
                    c.pin = value
                    r.kind = .callee(c)
                default: return
                }
            default: return
            }
            self = .rule(r)
        }
    }

    // MARK: Parsed text

    /// The text a parsed field starts with (a duration's protojson spelling, JSON compactly).
    public func parsedText(_ field: FormField) -> String {
        switch (self, field) {
        case (.trunk(let t), .ringingTimeout): return t.ringingTimeout?.text ?? ""
        case (.trunk(let t), .maxCallDuration): return t.maxCallDuration?.text ?? ""
        case (.rule(let r), .roomConfig): return r.roomConfig.map { JSONWriter.string($0, style: .compact) } ?? ""
        case (_, .mediaTimeout): return media?.mediaTimeout?.text ?? ""
        default: return ""
        }
    }

    /// Parses `text` into the field; the problem when it does not parse (the model keeps its
    /// last good value meanwhile).
    public mutating func setParsed(_ field: FormField, _ text: String) -> String? {
        let trimmed = text.trimmedForForm
        switch field {
        case .ringingTimeout, .maxCallDuration, .mediaTimeout:
            var duration: ProtoDuration?
            if !trimmed.isEmpty {
                guard let parsed = ProtoDuration(parsing: trimmed) ?? Int64(trimmed).map({ ProtoDuration(nanoseconds: $0 * 1_000_000_000) })
                else {
                    return "expected a duration like 30s or 1.5s, found \"\(text)\""
                }
                duration = parsed
            }
            switch (field, self) {
            case (.ringingTimeout, .trunk(var t)):
                t.ringingTimeout = duration
                self = .trunk(t)
            case (.maxCallDuration, .trunk(var t)):
                t.maxCallDuration = duration
                self = .trunk(t)
            case (.mediaTimeout, _):
                updateMedia { $0.mediaTimeout = duration }
            default: break
            }
        case .roomConfig:
            guard case .rule(var r) = self else { return nil }
            if trimmed.isEmpty {
                r.roomConfig = nil
            } else {
                do {
                    let value = try JSONParser.parse(trimmed)
                    guard case .object = value else { return "expected a JSON object ({…})" }
                    r.roomConfig = value
                } catch {
                    return "not valid JSON: \(error.message) (at character \(error.offset + 1))"
                }
            }
            self = .rule(r)
        default: break
        }
        return nil
    }

    // MARK: Lists and maps

    public func list(_ field: FormField) -> [String] {
        switch (self, field) {
        case (.trunk(let t), .numbers): return t.numbers
        case (.trunk(let t), .allowedAddresses): return t.allowedAddresses
        case (.trunk(let t), .allowedNumbers): return t.allowedNumbers
        case (.rule(let r), .trunkIds): return r.trunkIds
        case (.rule(let r), .inboundNumbers): return r.inboundNumbers
        case (.rule(let r), .ruleNumbers): return r.numbers
        case (_, .mediaCodecs): return media?.codecs.map { $0.rate == 0 ? $0.name : "\($0.name)/\($0.rate)" } ?? []
        case (_, .headers), (_, .headersToAttributes), (_, .attributesToHeaders), (_, .attributes):
            return map(field).pairs.map { "\($0.key)=\($0.value)" }
        default: return []
        }
    }

    func map(_ field: FormField) -> StringMap {
        switch (self, field) {
        case (.trunk(let t), .headers): return t.headers
        case (.trunk(let t), .headersToAttributes): return t.headersToAttributes
        case (.trunk(let t), .attributesToHeaders): return t.attributesToHeaders
        case (.rule(let r), .attributes): return r.attributes
        default: return StringMap()
        }
    }

    /// Sets a list or map field from its entry texts (empty entries are ignored); the problem
    /// with the first entry that does not parse, by entry index.
    public mutating func setList(_ field: FormField, _ entries: [String]) -> [Int: String] {
        var problems: [Int: String] = [:]
        let values = entries.map { $0.trimmedForForm }
        switch field.input {
        case .map:
            var pairs: [(String, String)] = []
            var seen: [String: Int] = [:]
            for (index, entry) in values.enumerated() where !entry.isEmpty {
                guard let equals = entry.firstIndex(of: "=") else {
                    problems[index] = "expected key=value"
                    continue
                }
                let key = entry[..<equals].trimmedForForm
                let value = entry[entry.index(after: equals)...].trimmedForForm
                if key.isEmpty {
                    problems[index] = "the key before = is empty"
                    continue
                }
                if let first = seen[key] {
                    problems[index] = "\"\(key)\" is already set on entry \(first + 1)"
                    continue
                }
                seen[key] = index
                pairs.append((key, value))
            }
            setMap(field, StringMap(pairs))
        case .list where field == .mediaCodecs:
            var codecs: [MediaConfig.Codec] = []
            let old = media?.codecs ?? []
            for (index, entry) in values.enumerated() where !entry.isEmpty {
                let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
                var rate: UInt32 = 0
                if parts.count == 2 {
                    guard let parsed = UInt32(parts[1]) else {
                        problems[index] = "expected name/rate with a whole-number rate, found \"\(entry)\""
                        continue
                    }
                    rate = parsed
                }
                // An unchanged codec keeps its own source (and spelling).
                if let same = old.first(where: { $0.name == parts[0] && $0.rate == rate }) {
                    codecs.append(same)
                } else {
                    codecs.append(MediaConfig.Codec(name: parts[0], rate: rate))
                }
            }
            updateMedia { $0.codecs = codecs }
        default:
            let list = values.filter { !$0.isEmpty }
            switch self {
            case .trunk(var t):
                switch field {
                case .numbers: t.numbers = list
                case .allowedAddresses: t.allowedAddresses = list
                case .allowedNumbers: t.allowedNumbers = list
                default: break
                }
                self = .trunk(t)
            case .rule(var r):
                switch field {
                case .trunkIds: r.trunkIds = list
                case .inboundNumbers: r.inboundNumbers = list
                case .ruleNumbers: r.numbers = list
                default: break
                }
                self = .rule(r)
            }
        }
        return problems
    }

    mutating func setMap(_ field: FormField, _ map: StringMap) {
        switch self {
        case .trunk(var t):
            switch field {
            case .headers: t.headers = map
            case .headersToAttributes: t.headersToAttributes = map
            case .attributesToHeaders: t.attributesToHeaders = map
            default: break
            }
            self = .trunk(t)
        case .rule(var r):
            if field == .attributes { r.attributes = map }
            self = .rule(r)
        }
    }

    // MARK: Toggles

    public func flag(_ field: FormField) -> Bool {
        switch (self, field) {
        case (.trunk(let t), .krispEnabled): return t.krispEnabled
        case (.rule(let r), .krispEnabled): return r.krispEnabled
        case (.rule(let r), .hidePhoneNumber): return r.hidePhoneNumber
        case (.rule(let r), .noRandomness):
            if case .individual(let i) = r.kind { return i.noRandomness }
        case (.rule(let r), .randomize):
            if case .callee(let c) = r.kind { return c.randomize }
        case (_, .mediaOnlyListedCodecs): return media?.onlyListedCodecs ?? false
        default: break
        }
        return false
    }

    public mutating func setFlag(_ field: FormField, _ value: Bool) {
        if field == .mediaOnlyListedCodecs {
            updateMedia { $0.onlyListedCodecs = value }
            return
        }
        switch self {
        case .trunk(var t):
            if field == .krispEnabled { t.krispEnabled = value }
            self = .trunk(t)
        case .rule(var r):
            switch field {
            case .krispEnabled: r.krispEnabled = value
            case .hidePhoneNumber: r.hidePhoneNumber = value
            case .noRandomness:
                if case .individual(var i) = r.kind {
                    i.noRandomness = value
                    r.kind = .individual(i)
                }
            case .randomize:
                if case .callee(var c) = r.kind {
                    c.randomize = value
                    r.kind = .callee(c)
                }
            default: break
            }
            self = .rule(r)
        }
    }

    // MARK: Choices

    /// The values a choice field offers, as shown.
    public func choices(_ field: FormField) -> [String] {
        switch field {
        case .ruleType: return ["direct", "individual", "callee", "dynamic"]
        case .method: return ["POST", "GET"]
        case .includeHeaders: return HeaderOptions.known.map(\.name)
        case .mediaEncryption: return MediaEncryption.known.map(\.name)
        case .mediaEncryptionOverride: return ["unset"] + MediaEncryption.known.map(\.name)
        default: return []
        }
    }

    /// The value shown for a choice field (it may be one the choices do not offer, like an
    /// unknown enum number or a method other than GET and POST).
    public func choice(_ field: FormField) -> String {
        switch (self, field) {
        case (.rule(let r), .ruleType): return r.kind?.typeName ?? "none"
        case (.rule(let r), .method):
            // A valid method shows as the picker's spelling (`post` is POST); an invalid one as written.
            if case .dynamic(let d) = r.kind { return DynamicRuleChecks.methodProblem(d.method) == nil ? d.effectiveMethod : d.method }
        case (.trunk(let t), .includeHeaders): return t.includeHeaders.name
        case (.trunk(let t), .mediaEncryption): return t.mediaEncryption.name
        case (.rule(let r), .mediaEncryption): return r.mediaEncryption.name
        case (_, .mediaEncryptionOverride): return media?.encryption?.name ?? "unset"
        default: break
        }
        return ""
    }

    /// Sets a choice field (not the rule type: switching types is ``FormState``'s job, which
    /// keeps the other types' values).
    public mutating func setChoice(_ field: FormField, _ value: String) {
        switch self {
        case .trunk(var t):
            switch field {
            case .includeHeaders: t.includeHeaders = HeaderOptions.known.first(where: { $0.name == value })?.value ?? t.includeHeaders
            case .mediaEncryption: t.mediaEncryption = MediaEncryption.known.first(where: { $0.name == value })?.value ?? t.mediaEncryption
            case .mediaEncryptionOverride:
                self = .trunk(t)
                updateMedia { $0.encryption = MediaEncryption.known.first(where: { $0.name == value })?.value }
                return
            default: break
            }
            self = .trunk(t)
        case .rule(var r):
            switch field {
            case .method:
                guard case .dynamic(var d) = r.kind else { return }
                // Leaves an unset method alone when POST (its meaning) is picked again.
                if d.effectiveMethod != value.uppercased() || DynamicRuleChecks.methodProblem(d.method) != nil { d.method = value }
                r.kind = .dynamic(d)
            case .mediaEncryption: r.mediaEncryption = MediaEncryption.known.first(where: { $0.name == value })?.value ?? r.mediaEncryption
            case .mediaEncryptionOverride:
                self = .rule(r)
                updateMedia { $0.encryption = MediaEncryption.known.first(where: { $0.name == value })?.value }
                return
            default: break
            }
            self = .rule(r)
        }
    }

    // MARK: Media

    var media: MediaConfig? {
        switch self {
        case .trunk(let t): return t.media
        case .rule(let r): return r.media
        }
    }

    /// Edits the media block, creating it when absent and removing it again when an edit
    /// leaves a block Switchboard created empty (so no `"media": {}` appears in the file).
    mutating func updateMedia(_ body: (inout MediaConfig) -> Void) {
        var media = self.media ?? MediaConfig()
        body(&media)
        let result: MediaConfig? = media == MediaConfig() ? nil : media
        switch self {
        case .trunk(var t):
            t.media = result
            self = .trunk(t)
        case .rule(var r):
            r.media = result
            self = .rule(r)
        }
    }
}

extension StringProtocol {
    /// Without the spaces and tabs around it (what a user means by an entry typed with spaces).
    var trimmedForForm: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// The `rule` object (`SIPDispatchRule`): a oneof holding exactly one variant.
public struct RuleVariant: ProtoMessage {
    /// The one member a oneof holds. Stored once rather than as four optionals, which would
    /// take four variants' room in every rule.
    private var member: RuleKind?
    public var source = MessageSource()

    public init() {}

    public init(_ kind: RuleKind) { self.kind = kind }

    /// Setting a kind replaces the member, as assigning a oneof does.
    public var kind: RuleKind? {
        get { member }
        set { member = newValue }
    }

    // The four members as the field table reads and writes them: setting one chooses it,
    // clearing one clears it only when it is the chosen one.
    var direct: DirectRule? {
        get { if case .direct(let r) = member { r } else { nil } }
        set {
            if let newValue { member = .direct(newValue) } else if case .direct = member { member = nil }
        }
    }
    var individual: IndividualRule? {
        get { if case .individual(let r) = member { r } else { nil } }
        set {
            if let newValue { member = .individual(newValue) } else if case .individual = member { member = nil }
        }
    }
    var callee: CalleeRule? {
        get { if case .callee(let r) = member { r } else { nil } }
        set {
            if let newValue { member = .callee(newValue) } else if case .callee = member { member = nil }
        }
    }
    var dynamic: DynamicRule? {
        get { if case .dynamic(let r) = member { r } else { nil } }
        set {
            if let newValue { member = .dynamic(newValue) } else if case .dynamic = member { member = nil }
        }
    }

    public static let table = FieldTable<RuleVariant>([
        FieldSpec("dispatch_rule_direct", "dispatchRuleDirect", \.direct, .message(DirectRule.self), omitWhenCleared: true),
        FieldSpec(
            "dispatch_rule_individual", "dispatchRuleIndividual", \.individual, .message(IndividualRule.self),
            omitWhenCleared: true),
        FieldSpec("dispatch_rule_callee", "dispatchRuleCallee", \.callee, .message(CalleeRule.self), omitWhenCleared: true),
        FieldSpec("dispatch_rule_dynamic", "dispatchRuleDynamic", \.dynamic, .message(DynamicRule.self), omitWhenCleared: true),
    ])

    static let variantNames = "dispatchRuleDirect, dispatchRuleIndividual, dispatchRuleCallee or dispatchRuleDynamic"

    /// A oneof holds one member; an unknown member is a variant this tool cannot route.
    public static func validateDecoded(_ message: RuleVariant, path: JSONPath) throws(ModelError) {
        // A canonical source (`CanonicalScan`) had only variants, none of them null.
        if let layout = message.source.layout {
            guard layout.fields.nonzeroBitCount > 1 else { return }
            let present = table.specs.indices.filter(layout.contains).map { layout.proto ? table.specs[$0].proto : table.specs[$0].camel }
            throw ModelError(
                path.appending(present[1]), "expected one rule variant in \"rule\", found both \"\(present[0])\" and \"\(present[1])\"")
        }
        let present = message.source.members.filter { table.index[$0.key] != nil && $0.value != .null }
        if present.count > 1 {
            throw ModelError(
                path.appending(present[1].key),
                "expected one rule variant in \"rule\", found both \"\(present[0].key)\" and \"\(present[1].key)\"")
        }
        if present.isEmpty, let unknown = message.source.members.first {
            throw ModelError(
                path.appending(unknown.key),
                "expected a rule variant (\(variantNames)) in \"rule\", found \"\(unknown.key)\"")
        }
    }
}

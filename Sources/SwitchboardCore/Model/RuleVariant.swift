/// The `rule` object (`SIPDispatchRule`): a oneof holding exactly one variant.
public struct RuleVariant: ProtoMessage {
    var direct: DirectRule?
    var individual: IndividualRule?
    var callee: CalleeRule?
    var dynamic: DynamicRule?
    public var source = JSONObject()

    public init() {}

    public init(_ kind: RuleKind) { self.kind = kind }

    /// Setting a kind clears the other members, as assigning a oneof does.
    public var kind: RuleKind? {
        get {
            if let direct { return .direct(direct) }
            if let individual { return .individual(individual) }
            if let callee { return .callee(callee) }
            if let dynamic { return .dynamic(dynamic) }
            return nil
        }
        set {
            direct = nil
            individual = nil
            callee = nil
            dynamic = nil
            switch newValue {
            case .direct(let r): direct = r
            case .individual(let r): individual = r
            case .callee(let r): callee = r
            case .dynamic(let r): dynamic = r
            case nil: break
            }
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

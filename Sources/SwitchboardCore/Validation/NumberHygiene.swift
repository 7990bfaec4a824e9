/// LiveKit compares trunk numbers after normalization but dispatch-rule filters as exact
/// strings. A filter written differently from how callers' numbers arrive silently never
/// matches; these warnings say so before a call is lost.
public enum NumberHygiene {
    static func ruleFilterWarnings(_ rule: DispatchRule, trunksUseNormalizedNumbers: Bool, into out: inout [Diagnostic]) {
        filterWarnings(rule, "inboundNumbers", rule.inboundNumbers, "caller", trunksUseNormalizedNumbers, into: &out)
        filterWarnings(rule, "numbers", rule.numbers, "called number", trunksUseNormalizedNumbers, into: &out)
    }

    static func filterWarnings(
        _ rule: DispatchRule, _ field: String, _ list: [String], _ role: String, _ trunksUseNormalizedNumbers: Bool,
        into out: inout [Diagnostic]
    ) {
        for entry in list {
            let normalized = PhoneNumber.normalize(entry)
            guard normalized != entry else { continue }
            let context = trunksUseNormalizedNumbers ? " (your trunks list numbers in that form)" : ""
            out.append(
                Diagnostic(
                    .warning, item: ItemKey(.rule, rule.id), field: field,
                    "filter \"\(entry)\" is compared exactly: it matches only a \(role) written \"\(entry)\", not \"\(normalized)\"\(context)"
                ))
        }
    }

    /// For the explain trace: a filter that would have matched the call after normalization.
    public static func nearMiss(filter: [String], value: String) -> String? {
        let normalizedValue = PhoneNumber.normalize(value)
        return filter.first { $0 != value && PhoneNumber.normalize($0) == normalizedValue }
    }
}

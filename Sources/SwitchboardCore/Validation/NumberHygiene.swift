/// LiveKit compares trunk numbers after normalization but dispatch-rule filters as exact
/// strings. A filter written differently from how callers' numbers arrive silently never
/// matches; these warnings say so before a call is lost.
public enum NumberHygiene {
    static func ruleFilterWarnings(_ rule: DispatchRule, trunksUseNormalizedNumbers: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let item = ItemKey(.rule, rule.id)
        for (field, list, role) in [("inboundNumbers", rule.inboundNumbers, "caller"), ("numbers", rule.numbers, "called number")] {
            for entry in list {
                let normalized = PhoneNumber.normalize(entry)
                guard normalized != entry else { continue }
                let context = trunksUseNormalizedNumbers ? " (your trunks list numbers in that form)" : ""
                out.append(
                    Diagnostic(
                        .warning, item: item, field: field,
                        "filter \"\(entry)\" is compared exactly: it matches only a \(role) written \"\(entry)\", not \"\(normalized)\"\(context)"
                    ))
            }
        }
        return out
    }

    /// For the explain trace: a filter that would have matched the call after normalization.
    public static func nearMiss(filter: [String], value: String) -> String? {
        let normalizedValue = PhoneNumber.normalize(value)
        return filter.first { $0 != value && PhoneNumber.normalize($0) == normalizedValue }
    }
}

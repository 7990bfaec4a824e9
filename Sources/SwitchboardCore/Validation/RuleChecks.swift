/// Field checks for one dispatch rule (`SIPDispatchRuleInfo.Validate`, HEAD, and the dynamic
/// rule of dynamic-dispatch.md section 1), plus warnings.
enum RuleChecks {
    static func check(_ rule: DispatchRule, knownTrunks: Set<String>, trunksUseNormalizedNumbers: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        check(rule, knownTrunks: knownTrunks, trunksUseNormalizedNumbers: trunksUseNormalizedNumbers, into: &out)
        return out
    }

    /// Attributes LiveKit sets on every routed call, whatever a rule says.
    static let overwrittenAttributes = ["sip.callID", "sip.trunkID", "sip.ruleID"]

    /// `check`, appending to `out`: a validation of 100,000 rules builds no array per rule.
    static func check(_ rule: DispatchRule, knownTrunks: Set<String>, trunksUseNormalizedNumbers: Bool, into out: inout [Diagnostic]) {
        let item = ItemKey(.rule, rule.id)
        func error(_ field: String?, _ message: String) { out.append(Diagnostic(.error, item: item, field: field, message)) }
        func warning(_ field: String?, _ message: String) { out.append(Diagnostic(.warning, item: item, field: field, message)) }

        switch rule.kind {
        case nil:
            error("rule", "missing rule")
        case .dynamic(let dynamic):
            for problem in DynamicRuleChecks.urlProblems(dynamic.url) {
                if problem.isError { error("url", problem.message) } else { warning("url", problem.message) }
            }
            if let problem = DynamicRuleChecks.methodProblem(dynamic.method) { error("method", problem) }
        case .direct(let direct):
            if direct.roomName.isEmpty { warning("roomName", "room name is empty: LiveKit accepts it, but calls join a room with no name") }
            out += pinChecks(direct.pin, item: item)
        case .individual(let r): out += pinChecks(r.pin, item: item)
        case .callee(let r): out += pinChecks(r.pin, item: item)
        }
        for trunk in rule.trunkIds where !knownTrunks.isEmpty && !knownTrunks.contains(trunk) {
            warning("trunkIds", "trunk \"\(trunk)\" is not in the loaded configuration; this rule never receives its calls here")
        }
        for key in overwrittenAttributes where !rule.attributes.isEmpty && rule.attributes[key] != nil {
            warning("attributes", "attribute \"\(key)\" is always overwritten by LiveKit when a call is routed")
        }
        if let media = rule.media { out += MediaChecks.check(media, item: item) }
        if case .other(let n) = rule.mediaEncryption { error("mediaEncryption", "unknown media encryption \(n)") }
        NumberHygiene.ruleFilterWarnings(rule, trunksUseNormalizedNumbers: trunksUseNormalizedNumbers, into: &out)
    }

    static func pinChecks(_ pin: String, item: ItemKey) -> [Diagnostic] {
        guard !pin.isEmpty else { return [] }
        if !pin.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return [
                Diagnostic(
                    .warning, item: item, field: "pin",
                    "pin \"\(pin)\" has characters other than digits; a caller cannot type it on a keypad")
            ]
        }
        if pin.count > 16 {
            return [Diagnostic(.warning, item: item, field: "pin", "pin is longer than 16 digits; LiveKit's SIP bridge hangs up after 16")]
        }
        return []
    }
}

/// Checks of a dynamic rule's URL and method, shared by `validate` and the edit form.
public enum DynamicRuleChecks {
    public struct Problem: Sendable, Equatable {
        public var isError: Bool
        public var message: String
    }

    public static func urlProblems(_ url: String) -> [Problem] {
        if url.isEmpty { return [Problem(isError: true, message: "dynamic dispatch rule URL cannot be empty")] }
        // No character outside ASCII lower-cases to any of "http://", so comparing the first
        // bytes without case is `lowercased().hasPrefix`, without lower-casing the whole URL.
        let isHTTP = hasPrefixIgnoringASCIICase(url, "http://")
        guard isHTTP || hasPrefixIgnoringASCIICase(url, "https://") else {
            return [
                Problem(
                    isError: true, message: "dynamic dispatch rule URL must start with http:// or https://, found \"\(url.prefix(40))\"")
            ]
        }
        let rest = url.dropFirst(isHTTP ? 7 : 8)
        let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        let host = authority.split(separator: "@").last.map(String.init) ?? ""
        if host.isEmpty || host.hasPrefix(":") {
            return [Problem(isError: true, message: "dynamic dispatch rule URL must name a host")]
        }
        if containsWhitespace(url) {
            return [Problem(isError: true, message: "dynamic dispatch rule URL must not contain spaces (percent-encode them as %20)")]
        }
        if isHTTP { return [Problem(isError: false, message: "LiveKit's proposed validation requires https://")] }
        return []
    }

    static func hasPrefixIgnoringASCIICase(_ text: String, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        var matched = 0
        for b in text.utf8.prefix(count) {
            let lower = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
            guard lower == prefix.utf8Start[matched] else { return false }
            matched += 1
        }
        return matched == count
    }

    /// `contains(where: \.isWhitespace)`, answered from the bytes when the text is ASCII
    /// (Unicode's white space there: tab, line feed, vertical tab, form feed, return, space).
    static func containsWhitespace(_ text: String) -> Bool {
        var ascii = true
        for b in text.utf8 {
            if b >= 0x80 {
                ascii = false
                break
            }
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return true }
        }
        return ascii ? false : text.contains(where: { $0.isWhitespace })
    }

    public static func methodProblem(_ method: String) -> String? {
        let upper = method.uppercased()
        return method.isEmpty || upper == "POST" || upper == "GET" ? nil : "method must be GET or POST"
    }
}

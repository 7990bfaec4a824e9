/// Field checks for one dispatch rule (`SIPDispatchRuleInfo.Validate`, HEAD, and the dynamic
/// rule of dynamic-dispatch.md section 1), plus warnings.
enum RuleChecks {
    static func check(_ rule: DispatchRule, knownTrunks: Set<String>, trunksUseNormalizedNumbers: Bool) -> [Diagnostic] {
        let item = ItemKey(.rule, rule.id)
        var out: [Diagnostic] = []
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
        for key in ["sip.callID", "sip.trunkID", "sip.ruleID"] where rule.attributes[key] != nil {
            warning("attributes", "attribute \"\(key)\" is always overwritten by LiveKit when a call is routed")
        }
        if let media = rule.media { out += MediaChecks.check(media, item: item) }
        if case .other(let n) = rule.mediaEncryption { error("mediaEncryption", "unknown media encryption \(n)") }
        out += NumberHygiene.ruleFilterWarnings(rule, trunksUseNormalizedNumbers: trunksUseNormalizedNumbers)
        return out
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
        let lower = url.lowercased()
        let isHTTP = lower.hasPrefix("http://")
        guard isHTTP || lower.hasPrefix("https://") else {
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
        if url.contains(where: { $0.isWhitespace }) {
            return [Problem(isError: true, message: "dynamic dispatch rule URL must not contain spaces (percent-encode them as %20)")]
        }
        if isHTTP { return [Problem(isError: false, message: "LiveKit's proposed validation requires https://")] }
        return []
    }

    public static func methodProblem(_ method: String) -> String? {
        let upper = method.uppercased()
        return method.isEmpty || upper == "POST" || upper == "GET" ? nil : "method must be GET or POST"
    }
}

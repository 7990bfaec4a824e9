/// Scenario results as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub reporters)
/// read: one `testcase` per scenario, a `failure` carrying every mismatch line.
public enum JUnitReport {
    /// What the report keeps of one scenario's result: a few strings instead of its outcome,
    /// so a run of 100,000 scenarios can be reported without holding every outcome.
    public struct Case: Sendable, Equatable {
        public var name: String
        public var durationMs: Double
        public var mismatches: [ExpectationCheck.Mismatch]
        public var error: String?
        public var tags: [String]
        public var status: ScenarioRunner.Result.Status

        public init(
            name: String, durationMs: Double, mismatches: [ExpectationCheck.Mismatch], error: String?, tags: [String] = [],
            status: ScenarioRunner.Result.Status? = nil
        ) {
            self.name = name
            self.durationMs = durationMs
            self.mismatches = mismatches
            self.error = error
            self.tags = tags
            self.status = status ?? (mismatches.isEmpty ? .passed : .failed)
        }

        public init(_ result: ScenarioRunner.Result) {
            self.init(
                name: result.scenario.name, durationMs: result.durationMs, mismatches: result.mismatches,
                error: result.passed ? nil : result.outcome.error, tags: result.scenario.tags, status: result.status)
            if let problem = result.problem { error = problem }
            if status == .error, error == nil { error = "the call ended in ERROR" }
        }

        public var passed: Bool { status == .passed }
    }

    public static func xml(_ results: [ScenarioRunner.Result], suiteName: String) -> String {
        xml(cases: results.map(Case.init), suiteName: suiteName)
    }

    public static func xml(cases: [Case], suiteName: String) -> String {
        let failures = cases.filter { $0.status == .failed }.count
        let errors = cases.filter { $0.status == .error }.count
        let skipped = cases.filter { $0.status == .skipped }.count
        let total = cases.reduce(0) { $0 + $1.durationMs } / 1000
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(seconds(total))\">\n"
        out +=
            "  <testsuite name=\"\(escape(suiteName))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        out += " time=\"\(seconds(total))\">\n"
        for result in cases {
            let name = escape(result.name)
            out += "    <testcase classname=\"\(escape(suiteName))\" name=\"\(name)\" time=\"\(seconds(result.durationMs / 1000))\""
            guard !result.passed else {
                out += "/>\n"
                continue
            }
            if result.status == .skipped {
                out += ">\n      <skipped message=\"not run: --bail stopped the run\"/>\n    </testcase>\n"
                continue
            }
            let lines = result.mismatches.map(\.description)
            if result.status == .error {
                let message = result.error ?? "the call could not be run"
                out += ">\n      <error message=\"\(escape(message))\" type=\"error\">"
                out += escape(([message] + lines).joined(separator: "\n"))
                out += "</error>\n    </testcase>\n"
                continue
            }
            out += ">\n      <failure message=\"\(escape(lines.joined(separator: "; ")))\" type=\"mismatch\">"
            out += escape(lines.joined(separator: "\n"))
            if let error = result.error { out += escape("\nerror: " + error) }
            out += "</failure>\n    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func seconds(_ value: Double) -> String {
        String(JSONNumber((value * 1000).rounded() / 1000).text)
    }

    /// XML 1.0 text and attribute escaping; control characters XML cannot carry become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

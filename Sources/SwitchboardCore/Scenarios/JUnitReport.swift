/// Scenario results as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub reporters)
/// read: one `testcase` per scenario, a `failure` carrying every mismatch line.
public enum JUnitReport {
    public static func xml(_ results: [ScenarioRunner.Result], suiteName: String) -> String {
        let failures = results.filter { !$0.passed }.count
        let total = results.reduce(0) { $0 + $1.durationMs } / 1000
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(results.count)\" failures=\"\(failures)\" time=\"\(seconds(total))\">\n"
        out += "  <testsuite name=\"\(escape(suiteName))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"0\""
        out += " time=\"\(seconds(total))\">\n"
        for result in results {
            let name = escape(result.scenario.name)
            out += "    <testcase classname=\"\(escape(suiteName))\" name=\"\(name)\" time=\"\(seconds(result.durationMs / 1000))\""
            guard !result.passed else {
                out += "/>\n"
                continue
            }
            let lines = result.mismatches.map(\.description)
            out += ">\n      <failure message=\"\(escape(lines.joined(separator: "; ")))\" type=\"mismatch\">"
            out += escape(lines.joined(separator: "\n"))
            if let error = result.outcome.error { out += escape("\nerror: " + error) }
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

/// Scenario results as TAP version 13 (`prove`, tap-parser and most CI plugins read it): one
/// `ok`/`not ok` line per scenario, a YAML block under each failure or error saying why, and
/// `# SKIP` for scenarios `--bail` did not run.
public enum TAPReport {
    public static func text(cases: [JUnitReport.Case]) -> String {
        var out = "TAP version 13\n1..\(cases.count)\n"
        for (i, item) in cases.enumerated() {
            let number = i + 1
            let name = line(item.name)
            switch item.status {
            case .passed: out += "ok \(number) - \(name)\n"
            case .skipped: out += "ok \(number) - \(name) # SKIP not run: --bail stopped the run\n"
            case .failed, .error:
                out += "not ok \(number) - \(name)\n  ---\n"
                out += "  severity: \(item.status == .error ? "error" : "fail")\n"
                if !item.mismatches.isEmpty {
                    out += "  mismatches:\n"
                    for mismatch in item.mismatches {
                        out += "    - key: \(quoted(mismatch.key))\n"
                        out += "      expected: \(quoted(mismatch.expected))\n"
                        out += "      actual: \(quoted(mismatch.actual))\n"
                    }
                }
                if let error = item.error { out += "  error: \(quoted(error))\n" }
                if !item.tags.isEmpty { out += "  tags: [\(item.tags.map(quoted).joined(separator: ", "))]\n" }
                out += "  duration_ms: \(JUnitReport.seconds(item.durationMs))\n  ...\n"
            }
        }
        return out
    }

    /// A test line ends at the line break and `#` starts a directive: both are replaced.
    static func line(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 == "#" ? "＃" : $0 })
    }

    /// A YAML double-quoted scalar; JSON string syntax is a subset YAML reads the same way.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONWriter.writeString(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Scenario results as one JSON document: a summary and every case with its name, tags,
/// status (`passed`, `failed`, `error`, `skipped`), duration, mismatches and error.
public enum JSONReport {
    public static func value(cases: [JUnitReport.Case]) -> JSONValue {
        func count(_ status: ScenarioRunner.Result.Status) -> JSONValue {
            .number(JSONNumber(cases.filter { $0.status == status }.count))
        }
        let list: [JSONValue] = cases.map { item in
            let mismatches: [JSONValue] = item.mismatches.map { m in
                .object(["key": .string(m.key), "expected": .string(m.expected), "actual": .string(m.actual)])
            }
            return .object(
                JSONObject([
                    JSONMember("name", .string(item.name)),
                    JSONMember("tags", .array(item.tags.map { .string($0) })),
                    JSONMember("status", .string(item.status.rawValue)),
                    JSONMember("durationMs", .number(JSONNumber((item.durationMs * 1000).rounded() / 1000))),
                    JSONMember("mismatches", .array(mismatches)),
                    JSONMember("error", item.error.map { .string($0) } ?? .null),
                ]))
        }
        return .object(
            JSONObject([
                JSONMember("passed", count(.passed)), JSONMember("failed", count(.failed)), JSONMember("errors", count(.error)),
                JSONMember("skipped", count(.skipped)), JSONMember("cases", .array(list)),
            ]))
    }
}

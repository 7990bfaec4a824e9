import ArgumentParser
import SwitchboardCore

/// `--format KIND[:PATH]` of `switchboard test`: which reports to write and where (standard
/// output when no path). At most one report may take standard output; when one does, the
/// human lines move to standard error so the report stays parseable.
struct TestReportTarget: Equatable {
    enum Kind: String, CaseIterable { case junit, tap, json }
    var kind: Kind
    /// nil: standard output.
    var path: String?

    static func parse(_ text: String) throws -> TestReportTarget {
        let (name, path): (Substring, String?) =
            if let colon = text.firstIndex(of: ":") {
                (text[..<colon], String(text[text.index(after: colon)...]))
            } else {
                (Substring(text), nil)
            }
        guard let kind = Kind(rawValue: String(name)) else {
            let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("expected --format of \(known), optionally with :PATH, found \"\(text)\"")
        }
        if let path, path.isEmpty { throw ValidationError("expected a path after \"\(name):\" in --format, found none") }
        return TestReportTarget(kind: kind, path: path)
    }

    func render(_ cases: [JUnitReport.Case], suiteName: String) -> String {
        switch kind {
        case .junit: JUnitReport.xml(cases: cases, suiteName: suiteName)
        case .tap: TAPReport.text(cases: cases)
        case .json: JSONWriter.string(JSONReport.value(cases: cases))
        }
    }
}

/// `--filter` and `--tag`: a scenario runs when its name fits any filter (a substring, or a
/// `*` glob on the whole name) and carries any of the tags; an empty list admits all.
struct ScenarioSelection {
    var filters: [String]
    var tags: [String]

    func admits(_ scenario: Scenario) -> Bool {
        let nameFits =
            filters.isEmpty
            || filters.contains { filter in
                filter.contains("*") ? ExpectationCheck.matches(scenario.name, pattern: filter) : scenario.name.contains(filter)
            }
        return nameFits && (tags.isEmpty || tags.contains { scenario.tags.contains($0) })
    }
}

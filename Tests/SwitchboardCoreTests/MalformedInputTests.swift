import Testing

@testable import SwitchboardCore

/// Every unreadable input gives one line `FILE:LINE:COL: expected …, found …`.
@Suite("Errors that teach")
struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty file", text: "", expected: "rules.json:1:1: expected a JSON value, found an empty file"),
        Case(
            name: "whitespace only", text: "  \n  ",
            expected: "rules.json:2:3: expected a JSON value, found an empty file"),
        Case(
            name: "trailing comma in an object",
            text: "{\n  \"trunks\": [],\n}",
            expected: "rules.json:3:1: expected another member after ',', found '}' (trailing commas are not JSON)"),
        Case(
            name: "missing colon",
            text: "{\"trunks\" []}",
            expected: "rules.json:1:11: expected ':' after member name \"trunks\", found '['"),
        Case(
            name: "unquoted word",
            text: "{\"settings\": {\"mode\": oss}}",
            expected: "rules.json:1:23: expected a value, found 'oss' (strings need double quotes)"),
        Case(
            name: "unterminated string",
            text: "{\"name\": \"Front desk",
            expected: "rules.json:1:10: expected '\"' to close the string that starts here, found the end of the file"),
        Case(
            name: "wrong type for a string field",
            text: """
                {
                  "dispatchRules": [
                    {
                      "rule": {
                        "dispatchRuleDirect": {
                          "roomName": 42
                        }
                      }
                    }
                  ]
                }
                """,
            expected: "rules.json:6:23: expected a string for \"roomName\", found a number"),
        Case(
            name: "unknown rule variant",
            text: "{\"dispatch_rule\": {\"rule\": {\"dispatchRuleFancy\": {}}}}",
            expected:
                "rules.json:1:50: expected a rule variant (dispatchRuleDirect, dispatchRuleIndividual, dispatchRuleCallee or dispatchRuleDynamic) in \"rule\", found \"dispatchRuleFancy\""
        ),
        Case(
            name: "the same key in both spellings",
            text: "{\"trunk\": {\"numbers\": [\"+15550100\"], \"authUsername\": \"a\",\n \"auth_username\": \"b\"}}",
            expected:
                "rules.json:2:19: expected each field once in \"trunk\", found both \"authUsername\" and \"auth_username\" (two spellings of one field; keep one)"
        ),
        Case(
            name: "unknown enum name",
            text: "{\"trunk\": {\"numbers\": [\"+1\"], \"mediaEncryption\": \"SRTP\"}}",
            expected:
                "rules.json:1:50: expected one of SIP_MEDIA_ENCRYPT_DISABLE, SIP_MEDIA_ENCRYPT_ALLOW, SIP_MEDIA_ENCRYPT_REQUIRE for \"mediaEncryption\", found \"SRTP\""
        ),
        Case(
            name: "bad duration",
            text: "{\"trunk\": {\"numbers\": [\"+1\"], \"ringingTimeout\": 30}}",
            expected: "rules.json:1:49: expected a duration string like \"30s\" for \"ringingTimeout\", found a number"),
        Case(
            name: "a number in a list of strings",
            text: "{\"trunks\": [{\"numbers\": [\"+15550100\", 15550101]}]}",
            expected: "rules.json:1:39: expected a string in \"numbers\", found a number"),
        Case(
            name: "an array at the top",
            text: "[1, 2]",
            expected:
                "rules.json:1:1: expected a project ({\"trunks\": …, \"dispatchRules\": …}), an lk list ({\"items\": …}), a create request ({\"trunk\": …} or {\"dispatch_rule\": …}), or a trunk or rule object, found an array"
        ),
        Case(
            name: "a list mixing trunks and rules",
            text: "{\"items\": [{\"sipTrunkId\": \"ST_a\"},\n {\"sipDispatchRuleId\": \"SDR_b\", \"rule\": {}}]}",
            expected: "rules.json:2:2: expected every item to be a trunk like the first, found a dispatch rule"),
        Case(
            name: "an invalid escape",
            text: "{\"name\": \"a\\qb\"}",
            expected: "rules.json:1:12: expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found '\\q'"),
        Case(
            name: "a raw newline inside a string",
            text: "{\"name\": \"a\nb\"}",
            expected:
                "rules.json:1:12: expected '\"' to close the string, found control character U+000A (escape it as \\u000A)"),
        Case(
            name: "text after the document",
            text: "{\"trunks\": []} {}",
            expected: "rules.json:1:16: expected the end of the file after the JSON value, found '{'"),
        Case(
            name: "a bad settings value",
            text: "{\"settings\": {\"mode\": \"saas\"}}",
            expected: "rules.json:1:23: expected \"oss\" or \"cloud\" for \"mode\", found \"saas\""),
        Case(
            name: "leading zero",
            text: "{\"settings\": {\"timeoutMs\": 0100}}",
            expected: "rules.json:1:28: expected a number without leading zeros, found '0' followed by digits"),
    ]

    @Test("one exact line per malformed input", arguments: cases)
    func malformed(_ c: Case) {
        #expect(loadError(c.text, path: "rules.json") == c.expected)
    }

    @Test("invalid UTF-8 is placed at the offending byte")
    func invalidUTF8() {
        var bytes = Array("{\n  \"name\": \"caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array("\"\n}".utf8)
        do {
            _ = try load([SourceDocument(path: "latin1.json", bytes: bytes)])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "latin1.json:2:15: invalid UTF-8: expected UTF-8 text, found byte 0xE9")
        }
    }

    @Test("duplicate IDs across files name both files")
    func duplicateIDs() {
        do {
            _ = try load([
                document("{\"trunks\": [{\"sipTrunkId\": \"ST_same\", \"numbers\": [\"+1\"]}]}", path: "a.json"),
                document("{\n\"items\": [\n{\"sipTrunkId\": \"ST_same\"}]}", path: "b.json"),
            ])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "b.json:3:1: expected each trunk ID once, found \"ST_same\" again (first at a.json:1:13)")
        }
    }

    @Test("a duplicate rule ID inside one file names the first occurrence in that file")
    func duplicateInOneFile() {
        let text = "{\"items\": [\n{\"sipDispatchRuleId\": \"SDR_a\", \"rule\": {}},\n{\"sipDispatchRuleId\": \"SDR_a\", \"rule\": {}}]}"
        #expect(
            loadError(text, path: "rules.json")
                == "rules.json:3:1: expected each dispatch rule ID once, found \"SDR_a\" again (first at rules.json:2:1)")
    }

    @Test("errors in several files are all reported, one line each")
    func severalFiles() {
        do {
            _ = try load([document("", path: "a.json"), document("{\"trunks\": 1}", path: "b.json")])
            Issue.record("expected an error")
        } catch let failure as LoadFailure {
            #expect(
                failure.errors.map(\.description) == [
                    "a.json:1:1: expected a JSON value, found an empty file",
                    "b.json:1:12: expected a list of trunk objects for \"trunks\", found a number",
                ])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

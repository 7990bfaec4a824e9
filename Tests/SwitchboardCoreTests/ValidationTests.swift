import Testing

@testable import SwitchboardCore

@Suite("validate: LiveKit's field and conflict checks")
struct ValidationTests {
    func diagnostics(_ text: String) throws -> [Diagnostic] {
        WorkspaceValidator.validate(try load(text))
    }

    func errors(_ text: String) throws -> [String] {
        try diagnostics(text).filter { $0.severity == .error }.map(\.message)
    }

    func warnings(_ text: String) throws -> [String] {
        try diagnostics(text).filter { $0.severity == .warning }.map(\.message)
    }

    @Test("the bundled samples have no errors")
    func samplesAreValid() throws {
        let workspace = try load([SourceDocument(path: "samples/project.json", bytes: try sampleBytes("samples/project.json"))])
        let found = WorkspaceValidator.validate(workspace)
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found)")
    }

    @Test("a trunk needs auth, addresses or numbers (T15)")
    func trunkSecurity() throws {
        #expect(
            try errors(#"{"trunks": [{"sipTrunkId": "ST_a", "name": "open"}]}"#) == [
                "for security, one of the fields must be set: AuthUsername+AuthPassword, AllowedAddresses or Numbers"
            ])
        #expect(try errors(#"{"trunks": [{"sipTrunkId": "ST_a", "authUsername": "u"}]}"#).isEmpty)
    }

    @Test("two trunks with one number and no allowed numbers conflict (T5)")
    func trunkConflict() throws {
        let text = """
            {"trunks": [
              {"sipTrunkId": "ST_b", "numbers": ["+15550100"]},
              {"sipTrunkId": "ST_a", "numbers": ["15550100"]}
            ]}
            """
        #expect(
            try errors(text) == [
                "Conflicting inbound SIP Trunks: \"ST_a\" and \"ST_b\", using the same number(s) [+15550100] without AllowedNumbers set"
            ])
    }

    @Test("a shared number with the same allowed caller conflicts; with different ones it does not")
    func trunkAllowedNumbers() throws {
        let same = """
            {"trunks": [
              {"sipTrunkId": "ST_a", "numbers": ["+15550100"], "allowedNumbers": ["+15550111"]},
              {"sipTrunkId": "ST_b", "numbers": ["+15550100"], "allowedNumbers": ["15550111"]}
            ]}
            """
        #expect(
            try errors(same) == [
                "Conflicting inbound SIP Trunks: \"ST_a\" and \"ST_b\", using the same number(s) [+15550100] and AllowedNumber \"+15550111\""
            ])
        let different = same.replacingOccurrences(of: "\"15550111\"", with: "\"+15550122\"")
        #expect(try errors(different).isEmpty)
        // T10: restricted plus unrestricted on one number is allowed at create time.
        let mixed = """
            {"trunks": [
              {"sipTrunkId": "ST_a", "numbers": ["+15550100"], "allowedNumbers": ["+1999"]},
              {"sipTrunkId": "ST_b", "numbers": ["+15550100"]}
            ]}
            """
        #expect(try errors(mixed).isEmpty)
    }

    @Test("two default trunks without allowed numbers conflict; one trunk listing a number twice does not (T14)")
    func defaultTrunks() throws {
        let text = """
            {"trunks": [
              {"sipTrunkId": "ST_a", "allowedAddresses": ["192.0.2.1"]},
              {"sipTrunkId": "ST_b", "allowedAddresses": ["192.0.2.2"]},
              {"sipTrunkId": "ST_c", "numbers": ["+15550100", "15550100"]}
            ]}
            """
        #expect(
            try errors(text) == [
                "Conflicting inbound SIP Trunks: \"ST_a\" and \"ST_b\", using the same number(s) <any> without AllowedNumbers set"
            ])
    }

    @Test("rules with the same pin, trunk and numbers conflict whatever their type (D4, D5, D13)")
    func ruleConflicts() throws {
        let d4 = """
            {"dispatchRules": [
              {"sipDispatchRuleId": "SDR_a", "name": "Lobby", "rule": {"dispatchRuleDirect": {"roomName": "a"}}},
              {"sipDispatchRuleId": "SDR_b", "rule": {"dispatchRuleIndividual": {"roomPrefix": "b"}}}
            ]}
            """
        #expect(
            try errors(d4) == [
                "Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule \"SDR_a\" \"Lobby\""
            ])
        let d5 = """
            {"dispatchRules": [
              {"sipDispatchRuleId": "SDR_a", "trunkIds": ["ST_1", "ST_2"], "rule": {"dispatchRuleDirect": {"roomName": "a"}}},
              {"sipDispatchRuleId": "SDR_b", "trunkIds": ["ST_1"], "rule": {"dispatchRuleDirect": {"roomName": "b"}}}
            ]}
            """
        #expect(try errors(d5).count == 1)
        let d13 = """
            {"dispatchRules": [
              {"sipDispatchRuleId": "SDR_a", "inboundNumbers": ["+15551234"], "rule": {"dispatchRuleDirect": {"roomName": "a"}}},
              {"sipDispatchRuleId": "SDR_b", "inboundNumbers": ["15551234"], "rule": {"dispatchRuleDirect": {"roomName": "b"}}}
            ]}
            """
        #expect(try errors(d13).first?.hasSuffix("\"SDR_a\" \"<blank name>\"") == true)
    }

    @Test("wildcard vs trunk-specific, and different pins, never conflict (D6, D8)")
    func noConflict() throws {
        let text = """
            {"dispatchRules": [
              {"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDirect": {"roomName": "a"}}},
              {"sipDispatchRuleId": "SDR_b", "trunkIds": ["ST_1"], "rule": {"dispatchRuleDirect": {"roomName": "b"}}},
              {"sipDispatchRuleId": "SDR_c", "rule": {"dispatchRuleDirect": {"roomName": "c", "pin": "123"}}},
              {"sipDispatchRuleId": "SDR_d", "rule": {"dispatchRuleDirect": {"roomName": "d", "pin": "456"}}}
            ]}
            """
        #expect(try errors(text).isEmpty)
    }

    @Test("a dynamic rule has pin \"\" for conflicts (Y11)")
    func dynamicConflict() throws {
        let text = """
            {"dispatchRules": [
              {"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDynamic": {"url": "https://x.example/sip"}}},
              {"sipDispatchRuleId": "SDR_b", "rule": {"dispatchRuleIndividual": {"roomPrefix": "b"}}}
            ]}
            """
        #expect(try errors(text).count == 1)
    }

    @Test("dynamic rule URL and method checks (dynamic-dispatch.md section 1)")
    func dynamicFields() throws {
        func rule(_ url: String, _ method: String) -> String {
            #"{"dispatchRules": [{"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDynamic": {"url": "\#(url)", "method": "\#(method)"}}}]}"#
        }
        #expect(try errors(rule("", "POST")) == ["dynamic dispatch rule URL cannot be empty"])
        #expect(
            try errors(rule("ftp://x.example", "POST")).first?.hasPrefix("dynamic dispatch rule URL must start with http:// or https://")
                == true)
        #expect(try errors(rule("https://", "POST")) == ["dynamic dispatch rule URL must name a host"])
        #expect(try errors(rule("https://x.example/sip", "PUT")) == ["method must be GET or POST"])
        #expect(try errors(rule("https://x.example/sip", "get")).isEmpty)
        #expect(try errors(rule("https://x.example/sip", "")).isEmpty)
        #expect(try warnings(rule("http://127.0.0.1:8089/sip", "POST")) == ["LiveKit's proposed validation requires https://"])
    }

    @Test("a rule without a rule is an error")
    func missingRule() throws {
        #expect(try errors(#"{"dispatchRules": [{"sipDispatchRuleId": "SDR_a", "name": "empty"}]}"#) == ["missing rule"])
    }

    @Test("header names and values are checked")
    func headers() throws {
        let text =
            #"{"trunks": [{"sipTrunkId": "ST_a", "numbers": ["+1"], "headers": {"X OK": "v", "X-Good": "a\u0007b", "Call-ID": "x"}}]}"#
        let found = try errors(text)
        #expect(found.count == 3)
        #expect(found.contains { $0.contains("header name \"X OK\" contains ' '") })
        #expect(found.contains { $0.contains("control character U+0007") })
        #expect(found.contains { $0.contains("\"Call-ID\" is managed by LiveKit") })
    }

    @Test("media config: codec names and timeout range")
    func media() throws {
        let text =
            #"{"trunks": [{"sipTrunkId": "ST_a", "numbers": ["+1"], "media": {"codecs": [{"name": "PCMU/8000"}, {"name": ""}], "mediaTimeout": "700s"}}]}"#
        #expect(
            try errors(text) == [
                "codec name \"PCMU/8000\" must not contain whitespace or '/'", "codec name must not be empty",
                "media timeout must be between 0s and 600s, found 700s",
            ])
    }

    @Test("number hygiene: a rule filter that matches only after normalization is a warning")
    func numberHygiene() throws {
        let text = """
            {"trunks": [{"sipTrunkId": "ST_a", "numbers": ["+15550100"]}],
             "dispatchRules": [{"sipDispatchRuleId": "SDR_a", "inboundNumbers": ["15551234"], "rule": {"dispatchRuleDirect": {"roomName": "a"}}}]}
            """
        #expect(
            try warnings(text) == [
                "filter \"15551234\" is compared exactly: it matches only a caller written \"15551234\", not \"+15551234\" (your trunks list numbers in that form)"
            ])
    }

    @Test("allowed address entries LiveKit drops are warned about (T13)")
    func droppedAddresses() throws {
        let text = #"{"trunks": [{"sipTrunkId": "ST_a", "allowedAddresses": ["1.2.3.4, 5.6.7.8"]}]}"#
        let found = try warnings(text)
        #expect(found.contains("entry \"1.2.3.4, 5.6.7.8\" is not an IP, CIDR or hostname; LiveKit drops it silently"))
        #expect(found.contains("no valid entry remains, so LiveKit allows calls from any address"))
    }

    @Test("the human report names file, item and field; the JSON report counts")
    func report() throws {
        let workspace = try load(#"{"dispatchRules": [{"sipDispatchRuleId": "SDR_a", "name": "R"}]}"#, path: "p.json")
        let report = ValidationReport(workspace: workspace, diagnostics: WorkspaceValidator.validate(workspace))
        #expect(
            report.text == "error: p.json: rule SDR_a \"R\" (rule): missing rule\n1 error, 0 warnings in 0 trunks and 1 dispatch rule\n")
        #expect(report.json.objectValue?["errors"] == 1)
    }
}

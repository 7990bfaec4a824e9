/// Reads a scenarios file (`{"scenarios": [...]}`, cli.md section 5) with the same
/// `FILE:LINE:COL: expected…, found…` errors as every other input.
public enum ScenarioFileReader {
    public static func read(_ document: SourceDocument) throws(InputError) -> [Scenario] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(document.bytes)
        } catch {
            throw InputError(file: document.path, position: TextPosition(offset: error.offset, in: document.bytes), message: error.message)
        }
        do {
            return try interpret(value)
        } catch {
            let offset = JSONParser.offset(of: error.path, in: document.bytes) ?? 0
            throw InputError(file: document.path, position: TextPosition(offset: offset, in: document.bytes), message: error.message)
        }
    }

    static func interpret(_ value: JSONValue) throws(ModelError) -> [Scenario] {
        guard case .object(let root) = value, let list = root["scenarios"] else {
            throw ModelError(.root, "expected a scenarios file ({\"scenarios\": [...]}), found \(value.kindDescription)")
        }
        let path = JSONPath([.key("scenarios")])
        guard case .array(let elements) = list else { throw .typeMismatch(path, expected: "a list of scenarios", found: list) }
        var out: [Scenario] = []
        for (i, element) in elements.enumerated() {
            out.append(try readScenario(element, path: path.appending(i), index: i))
        }
        return out
    }

    static func readScenario(_ value: JSONValue, path: JSONPath, index: Int) throws(ModelError) -> Scenario {
        guard case .object(let object) = value else { throw .typeMismatch(path, expected: "a scenario object", found: value) }
        for key in object.keys where !["name", "call", "expect", "tags"].contains(key) {
            throw ModelError(path.appending(key), "expected \"name\", \"call\", \"expect\" or \"tags\" in a scenario, found \"\(key)\"")
        }
        var tags: [String] = []
        if let value = object["tags"] {
            guard case .array(let items) = value else {
                throw .typeMismatch(path.appending("tags"), expected: "a list of strings", found: value)
            }
            for (i, item) in items.enumerated() {
                guard case .string(let tag) = item else {
                    throw .typeMismatch(path.appending("tags").appending(i), expected: "a string", found: item)
                }
                tags.append(tag)
            }
        }
        var name = "scenario \(index + 1)"
        if let value = object["name"] {
            guard case .string(let s) = value else { throw .typeMismatch(path.appending("name"), expected: "a string", found: value) }
            name = s
        }
        guard let callValue = object["call"] else { throw ModelError(path, "expected a \"call\" in scenario \"\(name)\", found none") }
        guard case .object(let callObject) = callValue else {
            throw .typeMismatch(path.appending("call"), expected: "a call object", found: callValue)
        }
        let call = try CallSpec.decode(callObject, path: path.appending("call"))
        guard let expectValue = object["expect"] else {
            throw ModelError(path, "expected an \"expect\" in scenario \"\(name)\", found none")
        }
        let expect = try readExpectation(expectValue, path: path.appending("expect"))
        return Scenario(name: name, call: call, expect: expect, tags: tags)
    }

    static func readExpectation(_ value: JSONValue, path: JSONPath) throws(ModelError) -> Expectation {
        guard case .object(let object) = value else { throw .typeMismatch(path, expected: "an expectation object", found: value) }
        var expect = Expectation()
        for member in object.members {
            let at = path.appending(member.key)
            switch member.key {
            case "result":
                let options = CallOutcome.Result.allCases.map(\.rawValue).joined(separator: ", ")
                guard case .string(let s) = member.value, let result = CallOutcome.Result(rawValue: s) else {
                    throw ModelError(at, "expected one of \(options) for \"result\", found \(MockScriptReader.describe(member.value))")
                }
                expect.result = result
            case "trunkId": expect.trunkId = try string(member.value, at)
            case "ruleId": expect.ruleId = try string(member.value, at)
            case "room": expect.room = try string(member.value, at)
            case "transferTo": expect.transferTo = try string(member.value, at)
            case "sipStatus": expect.sipStatus = try integer(member.value, at)
            case "rejectStatusCode": expect.rejectStatusCode = try integer(member.value, at)
            case "trunkName": expect.trunkName = try string(member.value, at)
            case "ruleName": expect.ruleName = try string(member.value, at)
            case "sipReason": expect.sipReason = try string(member.value, at)
            case "rejectReason": expect.rejectReason = try string(member.value, at)
            case "transferDestinationName": expect.transferDestinationName = try string(member.value, at)
            case "transferRingingTimeoutSeconds": expect.transferRingingTimeoutSeconds = try number(member.value, at)
            case "error": expect.error = try string(member.value, at)
            case "participant": expect.participant = try readParticipant(member.value, at)
            case "webhook": expect.webhook = try readWebhook(member.value, at)
            default:
                throw ModelError(at, "expected an expectation key (\(Expectation.keys.joined(separator: ", "))), found \"\(member.key)\"")
            }
        }
        return expect
    }

    static func string(_ value: JSONValue, _ path: JSONPath) throws(ModelError) -> Expectation.Expected<String> {
        switch value {
        case .null: return .null
        case .string(let s): return .value(s)
        default: throw .typeMismatch(path, expected: "a string or null", found: value)
        }
    }

    static func integer(_ value: JSONValue, _ path: JSONPath) throws(ModelError) -> Expectation.Expected<Int> {
        switch value {
        case .null: return .null
        case .number(let n):
            guard let v = n.int64Value, let i = Int(exactly: v) else {
                throw ModelError(path, "expected a whole number for \"\(path.lastKey ?? "")\", found \(n.text)")
            }
            return .value(i)
        default: throw .typeMismatch(path, expected: "a whole number or null", found: value)
        }
    }
}

/// Reads the nested expectation keys (`participant`, `webhook`) and numbers that may have a
/// fraction. Unknown keys are errors naming the known ones: a typo must not pass as "not compared".
extension ScenarioFileReader {
    static func readParticipant(_ value: JSONValue, _ path: JSONPath) throws(ModelError) -> Expectation.ParticipantExpectation {
        var expect = Expectation.ParticipantExpectation()
        if case .null = value {
            expect.expectNone = true
            return expect
        }
        guard case .object(let object) = value else { throw .typeMismatch(path, expected: "a participant object or null", found: value) }
        for member in object.members {
            let at = path.appending(member.key)
            switch member.key {
            case "identity": expect.identity = try string(member.value, at)
            case "name": expect.name = try string(member.value, at)
            case "metadata": expect.metadata = try string(member.value, at)
            case "attributes":
                guard case .object(let attributes) = member.value else {
                    throw .typeMismatch(at, expected: "an object of attribute patterns", found: member.value)
                }
                for attribute in attributes.members {
                    expect.attributes.append((attribute.key, try string(attribute.value, at.appending(attribute.key))))
                }
            default:
                throw ModelError(
                    at,
                    "expected a participant key (\(Expectation.ParticipantExpectation.keys.joined(separator: ", "))), found \"\(member.key)\""
                )
            }
        }
        return expect
    }

    static func readWebhook(_ value: JSONValue, _ path: JSONPath) throws(ModelError) -> Expectation.WebhookExpectation {
        var expect = Expectation.WebhookExpectation()
        if case .null = value {
            expect.expectNone = true
            return expect
        }
        guard case .object(let object) = value else { throw .typeMismatch(path, expected: "a webhook object or null", found: value) }
        for member in object.members {
            let at = path.appending(member.key)
            switch member.key {
            case "action": expect.action = try string(member.value, at)
            case "status": expect.status = try integer(member.value, at)
            default:
                throw ModelError(
                    at, "expected a webhook key (\(Expectation.WebhookExpectation.keys.joined(separator: ", "))), found \"\(member.key)\"")
            }
        }
        return expect
    }

    static func number(_ value: JSONValue, _ path: JSONPath) throws(ModelError) -> Expectation.Expected<Double> {
        switch value {
        case .null: return .null
        case .number(let n):
            guard let v = Double(n.text) else { throw ModelError(path, "expected a number, found \(n.text)") }
            return .value(v)
        default: throw .typeMismatch(path, expected: "a number or null", found: value)
        }
    }
}

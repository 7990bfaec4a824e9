/// Reads a mock webhook script, refusing anything it does not understand with the file, line
/// and column (`mock-webhook.json:7:18: expected "close", "reset", … for "fault", found "drop"`),
/// because a typo in a script otherwise shows up as a confusing call outcome much later.
public enum MockScriptReader {
    static let routeKeys = ["match", "status", "body", "headers", "delayMs", "fault"]

    public static func read(_ document: SourceDocument) throws(InputError) -> MockScript {
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

    static func interpret(_ value: JSONValue) throws(ModelError) -> MockScript {
        guard case .object(let root) = value, let routesValue = root["routes"] else {
            throw ModelError(.root, "expected a mock webhook script ({\"routes\": [...]}), found \(value.kindDescription)")
        }
        if let extra = root.keys.first(where: { $0 != "routes" }) {
            throw ModelError(JSONPath([.key(extra)]), "expected only \"routes\" in a mock webhook script, found \"\(extra)\"")
        }
        let path = JSONPath([.key("routes")])
        guard case .array(let elements) = routesValue else { throw .typeMismatch(path, expected: "a list of routes", found: routesValue) }
        var routes: [MockScript.Route] = []
        for (i, element) in elements.enumerated() {
            routes.append(try readRoute(element, path: path.appending(i)))
        }
        return MockScript(routes: routes)
    }

    static func readRoute(_ value: JSONValue, path: JSONPath) throws(ModelError) -> MockScript.Route {
        guard case .object(let object) = value else { throw .typeMismatch(path, expected: "a route object", found: value) }
        var route = MockScript.Route()
        for member in object.members {
            let at = path.appending(member.key)
            switch member.key {
            case "match":
                guard case .object(let match) = member.value else {
                    throw .typeMismatch(at, expected: "an object of field patterns", found: member.value)
                }
                for field in match.members {
                    guard case .string(let pattern) = field.value else {
                        throw ModelError(
                            at.appending(field.key), "expected a string pattern for \"\(field.key)\", found \(field.value.kindDescription)")
                    }
                    route.match.append((field.key, pattern))
                }
            case "status":
                guard case .number(let n) = member.value, let v = n.int64Value, (100...599).contains(v) else {
                    throw ModelError(at, "expected an HTTP status from 100 to 599 for \"status\", found \(describe(member.value))")
                }
                route.status = Int(v)
            case "body":
                switch member.value {
                case .string(let text): route.body = .text(text)
                case .null: route.body = nil
                default: route.body = .json(member.value)
                }
            case "headers":
                guard case .object(let headers) = member.value else {
                    throw .typeMismatch(at, expected: "an object of header values", found: member.value)
                }
                for header in headers.members {
                    guard case .string(let s) = header.value else {
                        throw ModelError(
                            at.appending(header.key),
                            "expected a string value for header \"\(header.key)\", found \(header.value.kindDescription)")
                    }
                    route.headers[header.key] = s
                }
            case "delayMs":
                guard case .number(let n) = member.value, let v = n.int64Value, (0...600_000).contains(v) else {
                    throw ModelError(at, "expected milliseconds from 0 to 600000 for \"delayMs\", found \(describe(member.value))")
                }
                route.delayMs = Int(v)
            case "fault":
                let options = MockScript.Fault.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                guard case .string(let word) = member.value, let fault = MockScript.Fault(rawValue: word) else {
                    throw ModelError(at, "expected one of \(options) for \"fault\", found \(describe(member.value))")
                }
                route.fault = fault
            default:
                let known = routeKeys.map { "\"\($0)\"" }.joined(separator: ", ")
                throw ModelError(at, "expected a route key (\(known)), found \"\(member.key)\"")
            }
        }
        return route
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .number(let n): return n.text
        case .string(let s): return "\"\(s)\""
        default: return value.kindDescription
        }
    }
}

/// Saves a simulated call as a scenario (cli.md section 5): builds the scenario from a run and
/// adds it to a scenarios file's bytes.
///
/// The existing file is edited, not rewritten: the new scenario is spliced in after the last
/// one (or over the one with the same name), so every other byte of the file — the user's
/// layout, comments-free keys the reader ignores, number spellings — stays exactly as it was
/// and a `git diff` shows only the scenario saved. The scenario itself is written in the
/// samples' style: one key per line, `call` and `expect` on one line each.
public enum ScenarioWriter {
    /// Why the file could not be edited (shown in one line, nothing written).
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// Length of the random room suffix static rules add (`_` + 12 characters).
    static let randomSuffixLength = 13

    /// The scenario a run pins down: the call with only what differs from `simulate`'s
    /// defaults (generated call IDs are left out, so the scenario runs anywhere) and the
    /// outcome as the expectation. When the rule added a random room suffix, the room is
    /// expected as a pattern (`support_+12025550100_*`) so the scenario passes again.
    public static func scenario(named name: String, call: SimulatedCall, outcome: CallOutcome, roomIsRandom: Bool) -> Scenario {
        var spec = CallSpec(from: call.from, to: call.to)
        if call.fromHost != CallSpec.defaultFromHost { spec.fromHost = call.fromHost }
        if call.toHost != CallSpec.defaultToHost { spec.toHost = call.toHost }
        if call.sourceIP != CallSpec.defaultSourceIP { spec.sourceIp = call.sourceIP }
        spec.pin = call.pin
        spec.noPin = call.noPin
        spec.headers = call.headers
        var expect = Expectation(outcome: outcome)
        if roomIsRandom, let room = outcome.room, room.count > randomSuffixLength {
            expect.room = .value(String(room.dropLast(randomSuffixLength - 1)) + "*")
        }
        return Scenario(name: name, call: spec, expect: expect)
    }

    /// A name for a saved run: `+12025550100 → +13105550188 ACCEPT`.
    public static func defaultName(call: SimulatedCall, outcome: CallOutcome?) -> String {
        "\(call.from) → \(call.to)" + (outcome.map { " " + $0.result.rawValue } ?? "")
    }

    /// `{"name": …, "call": {…}, "expect": {…}}` with keys in cli.md's order.
    public static func json(_ scenario: Scenario) -> JSONValue {
        var members = [JSONMember("name", .string(scenario.name))]
        if !scenario.tags.isEmpty { members.append(JSONMember("tags", .array(scenario.tags.map { .string($0) }))) }
        members.append(JSONMember("call", callJSON(scenario.call)))
        members.append(JSONMember("expect", expectJSON(scenario.expect)))
        return .object(JSONObject(members))
    }

    static func callJSON(_ call: CallSpec) -> JSONValue {
        var members = [JSONMember("from", .string(call.from)), JSONMember("to", .string(call.to))]
        if !call.fromHost.isEmpty { members.append(JSONMember("fromHost", .string(call.fromHost))) }
        if !call.toHost.isEmpty { members.append(JSONMember("toHost", .string(call.toHost))) }
        if !call.sourceIp.isEmpty { members.append(JSONMember("sourceIp", .string(call.sourceIp))) }
        if !call.pin.isEmpty { members.append(JSONMember("pin", .string(call.pin))) }
        if call.noPin { members.append(JSONMember("noPin", .bool(true))) }
        if !call.headers.isEmpty {
            members.append(JSONMember("headers", .object(JSONObject(call.headers.map { JSONMember($0.key, .string($0.value)) }))))
        }
        return .object(JSONObject(members))
    }

    static func expectJSON(_ expect: Expectation) -> JSONValue {
        func string(_ value: Expectation.Expected<String>?) -> JSONValue? {
            value.map { if case .value(let s) = $0 { .string(s) } else { .null } }
        }
        func int(_ value: Expectation.Expected<Int>?) -> JSONValue? {
            value.map { if case .value(let i) = $0 { .number(JSONNumber(i)) } else { .null } }
        }
        let pairs: [(String, JSONValue?)] = [
            ("result", expect.result.map { .string($0.rawValue) }),
            ("trunkId", string(expect.trunkId)),
            ("ruleId", string(expect.ruleId)),
            ("room", string(expect.room)),
            ("sipStatus", int(expect.sipStatus)),
            ("transferTo", string(expect.transferTo)),
            ("rejectStatusCode", int(expect.rejectStatusCode)),
        ]
        return .object(JSONObject(pairs.compactMap { key, value in value.map { JSONMember(key, $0) } }))
    }

    /// The names of the scenarios in a file's bytes (nil bytes: no file yet).
    public static func names(in existing: [UInt8]?, path: String) throws(Failure) -> [String] {
        guard let existing else { return [] }
        do {
            return try ScenarioFileReader.read(SourceDocument(path: path, bytes: existing)).map(\.name)
        } catch {
            throw Failure(error.description)
        }
    }

    /// The file's new bytes with `scenario` added after the last scenario, or in place of the
    /// first one with the same name. `existing` nil: a new file holding just this scenario.
    /// A file that is not a valid scenarios file is refused (`FILE:LINE:COL: …`), never
    /// overwritten.
    public static func saving(_ scenario: Scenario, into existing: [UInt8]?, path: String) throws(Failure) -> [UInt8] {
        guard let existing, !existing.allSatisfy(isWhitespace) else {
            var out = Array("{\n  \"scenarios\": [\n".utf8)
            out += text(scenario, indent: "    ")
            out += Array("\n  ]\n}\n".utf8)
            return out
        }
        let names = try names(in: existing, path: path)
        guard let arrayStart = JSONParser.offset(of: JSONPath([.key("scenarios")]), in: existing) else {
            throw Failure("\(path): expected a \"scenarios\" list, found none")
        }
        if let index = names.firstIndex(of: scenario.name),
            let start = JSONParser.offset(of: JSONPath([.key("scenarios"), .index(index)]), in: existing)
        {
            let end = valueEnd(existing, from: start)
            let indent = lineIndent(existing, at: start) ?? "    "
            var replaced = text(scenario, indent: indent)
            replaced.removeFirst(indent.utf8.count)
            return Array(existing[..<start]) + replaced + Array(existing[end...])
        }
        let arrayEnd = valueEnd(existing, from: arrayStart)  // one past `]`
        let close = arrayEnd - 1
        if names.isEmpty {
            let outer = lineIndent(existing, at: arrayStart, anyText: true) ?? ""
            var insertion = Array("\n".utf8) + text(scenario, indent: outer + "  ") + Array("\n".utf8) + Array(outer.utf8)
            // `[   ]`: drop the blanks between the brackets.
            var openEnd = close
            while openEnd > arrayStart + 1, isWhitespace(existing[openEnd - 1]) { openEnd -= 1 }
            insertion = Array(existing[..<openEnd]) + insertion
            return insertion + Array(existing[close...])
        }
        let lastStart = JSONParser.offset(of: JSONPath([.key("scenarios"), .index(names.count - 1)]), in: existing) ?? arrayStart
        let lastEnd = valueEnd(existing, from: lastStart)
        let indent = lineIndent(existing, at: lastStart) ?? (lineIndent(existing, at: arrayStart, anyText: true) ?? "") + "  "
        let insertion = Array(",\n".utf8) + text(scenario, indent: indent)
        return Array(existing[..<lastEnd]) + insertion + Array(existing[lastEnd...])
    }

    /// The scenario in the samples' layout, every line starting with `indent`.
    static func text(_ scenario: Scenario, indent: String) -> [UInt8] {
        var out = Array((indent + "{\n").utf8)
        let object = json(scenario)
        guard case .object(let members) = object else { return out }
        for (i, member) in members.members.enumerated() {
            out += Array((indent + "  ").utf8)
            JSONWriter.writeString(member.key, into: &out)
            out += Array(": ".utf8)
            inline(member.value, into: &out)
            if i < members.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        out += Array((indent + "}").utf8)
        return out
    }

    /// `{"a": 1, "b": [2, 3]}`: one line, a space after each colon and comma.
    static func inline(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += Array(", ".utf8) }
                JSONWriter.writeString(member.key, into: &out)
                out += Array(": ".utf8)
                inline(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out += Array(", ".utf8) }
                inline(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            JSONWriter.write(value, into: &out, style: .compact, indent: 0)
        }
    }

    /// One past the last byte of the JSON value starting at `start` (the document is valid).
    static func valueEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var depth = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                    if depth == 0 { return index }
                default: break
                }
            }
            index += 1
        }
        return bytes.count
    }

    /// The blanks before `offset` on its line when nothing else precedes it there; with
    /// `anyText`, the blanks the line starts with whatever follows them.
    static func lineIndent(_ bytes: [UInt8], at offset: Int, anyText: Bool = false) -> String? {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var end = lineStart
        while end < offset, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        guard anyText || end == offset else { return nil }
        return String(decoding: bytes[lineStart..<end], as: UTF8.self)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

import Testing

@testable import SwitchboardCore

@Suite("JSON splice: a save changes only the edited bytes")
struct JSONSpliceTests {
    // MARK: Helpers

    /// `value` with the value at `path` replaced (or removed, with nil).
    static func setting(_ value: JSONValue, _ path: ArraySlice<JSONPath.Component>, to newValue: JSONValue?) -> JSONValue {
        guard let first = path.first else { return newValue ?? .null }
        switch (first, value) {
        case (.key(let key), .object(var object)):
            if path.count == 1 {
                object[key] = newValue
            } else {
                object[key] = setting(object[key] ?? .null, path.dropFirst(), to: newValue)
            }
            return .object(object)
        case (.index(let i), .array(var elements)):
            if path.count == 1 {
                if let newValue { elements[i] = newValue } else { elements.remove(at: i) }
            } else {
                elements[i] = setting(elements[i], path.dropFirst(), to: newValue)
            }
            return .array(elements)
        default:
            Issue.record("no \(first) in \(value.kindDescription)")
            return value
        }
    }

    static func setting(_ value: JSONValue, _ path: [JSONPath.Component], to newValue: JSONValue?) -> JSONValue {
        setting(value, path[...], to: newValue)
    }

    /// `text` with the only occurrence of `old` replaced by `new`.
    static func replacingOnce(_ text: String, _ old: String, _ new: String) -> String {
        let parts = text.components(separatedBy: old)
        #expect(parts.count == 2, "\(old) occurs \(parts.count - 1) times")
        return parts.joined(separator: new)
    }

    static func splice(_ original: String, _ updated: JSONValue) -> String? {
        guard let bytes = JSONSplice.splice(original: Array(original.utf8), updated: updated) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func text(_ path: String) throws -> String { String(decoding: try sampleBytes(path), as: UTF8.self) }

    // MARK: One field

    @Test("project.json: one setting changed → only its value's bytes change")
    func projectSetting() throws {
        let original = try Self.text("samples/project.json")
        let value = try JSONParser.parse(original)
        let updated = Self.setting(value, [.key("settings"), .key("timeoutMs")], to: 7000)
        #expect(Self.splice(original, updated) == Self.replacingOnce(original, "\"timeoutMs\": 5000", "\"timeoutMs\": 7000"))
    }

    @Test("project.json: a rule's name and an inline array element change in place")
    func projectRuleField() throws {
        let original = try Self.text("samples/project.json")
        let value = try JSONParser.parse(original)
        var updated = Self.setting(value, [.key("dispatchRules"), .index(3), .key("name")], to: "Sales \"hot\" line")
        updated = Self.setting(updated, [.key("trunks"), .index(0), .key("numbers"), .index(1)], to: "+14155550199")
        var expected = Self.replacingOnce(original, "\"name\": \"Sales hotline\"", "\"name\": \"Sales \\\"hot\\\" line\"")
        expected = Self.replacingOnce(
            expected, "[\"+14155550100\", \"+14155550101\"]", "[\"+14155550100\", \"+14155550199\"]")
        #expect(Self.splice(original, updated) == expected)
    }

    @Test(
        "lk files: one field changed → only its value's bytes change",
        arguments: ["samples/lk/dispatch-rules.json", "samples/lk/inbound-trunks.json"])
    func lkFiles(path: String) throws {
        let original = try Self.text(path)
        let value = try JSONParser.parse(original)
        guard case .string(let name)? = value.objectValue?["items"]?.arrayValue?[1].objectValue?["name"] else {
            Issue.record("no items[1].name in \(path)")
            return
        }
        let updated = Self.setting(value, [.key("items"), .index(1), .key("name")], to: "Renamed")
        #expect(Self.splice(original, updated) == Self.replacingOnce(original, "\"name\": \"\(name)\"", "\"name\": \"Renamed\""))
    }

    // MARK: Rules added, deleted, moved

    static func rules(_ value: JSONValue) -> [JSONValue] { value.objectValue?["dispatchRules"]?.arrayValue ?? [] }

    /// The original text of rule `index` (from its `{` to its `}`).
    static func ruleText(_ original: String, _ index: Int) throws -> String {
        let bytes = Array(original.utf8)
        let (_, span) = try #require(JSONParser.parseWithSpans(bytes))
        let value = try JSONParser.parse(bytes)
        let rulesIndex = try #require(value.objectValue?.index(of: "dispatchRules"))
        let rule = span.elements[rulesIndex].elements[index]
        return String(decoding: bytes[rule.start..<rule.end], as: UTF8.self)
    }

    @Test("a rule added at the end of dispatchRules: the old text stays, the new rule follows with the file's indent")
    func ruleAdded() throws {
        let original = try Self.text("samples/project.json")
        let value = try JSONParser.parse(original)
        let rule: JSONValue = .object(["sipDispatchRuleId": "SDR_New", "name": "New rule", "trunkIds": ["ST_A"]])
        let updated = Self.setting(value, [.key("dispatchRules")], to: .array(Self.rules(value) + [rule]))
        let last = try Self.ruleText(original, Self.rules(value).count - 1)
        let added =
            last + ",\n    {\n      \"sipDispatchRuleId\": \"SDR_New\",\n      \"name\": \"New rule\",\n"
            + "      \"trunkIds\": [\n        \"ST_A\"\n      ]\n    }"
        #expect(Self.splice(original, updated) == Self.replacingOnce(original, last, added))
    }

    @Test("a rule deleted in the middle goes with its comma and nothing else changes")
    func ruleDeleted() throws {
        let original = try Self.text("samples/project.json")
        let value = try JSONParser.parse(original)
        var rules = Self.rules(value)
        rules.remove(at: 4)
        let updated = Self.setting(value, [.key("dispatchRules")], to: .array(rules))
        let removed = try Self.ruleText(original, 4) + ",\n    "
        #expect(Self.splice(original, updated) == Self.replacingOnce(original, removed, ""))
    }

    @Test("a rule moved keeps its bytes: removed at one place, the same text inserted at the other")
    func ruleMoved() throws {
        let original = try Self.text("samples/project.json")
        let value = try JSONParser.parse(original)
        var rules = Self.rules(value)
        let moved = rules.remove(at: 1)
        rules.insert(moved, at: 5)
        let updated = Self.setting(value, [.key("dispatchRules")], to: .array(rules))
        let movedText = try Self.ruleText(original, 1)
        let anchor = try Self.ruleText(original, 5)
        var expected = Self.replacingOnce(original, movedText + ",\n    ", "")
        expected = Self.replacingOnce(expected, anchor, anchor + ",\n    " + movedText)
        #expect(Self.splice(original, updated) == expected)
    }

    @Test("a rule edited and another added in the same save: both in place")
    func ruleEditedAndAdded() throws {
        let original = try Self.text("samples/project.json")
        let value = try JSONParser.parse(original)
        var rules = Self.rules(value)
        rules[0] = Self.setting(rules[0], [.key("name")], to: "Reception")
        rules.append(.object(["name": "Extra"]))
        let updated = Self.setting(value, [.key("dispatchRules")], to: .array(rules))
        let result = try #require(Self.splice(original, updated))
        #expect(try JSONParser.parse(result) == updated)
        let lastRule = try Self.ruleText(original, Self.rules(value).count - 1)
        var expected = Self.replacingOnce(
            original, "\"name\": \"Front desk\",\n      \"trunkIds\"", "\"name\": \"Reception\",\n      \"trunkIds\"")
        expected = Self.replacingOnce(expected, lastRule, lastRule + ",\n    {\n      \"name\": \"Extra\"\n    }")
        #expect(result == expected)
    }

    // MARK: Objects and arrays

    @Test("a key added inside an object follows the previous member in its style")
    func keyAdded() throws {
        let original = "{\n    \"a\": 1,\n    \"b\": {\"x\": 1, \"y\": 2},\n    \"c\": 3\n}\n"
        var object = try #require(try JSONParser.parse(original).objectValue)
        var b = try #require(object["b"]?.objectValue)
        b.members.insert(JSONMember("z", "new"), at: 1)
        object["b"] = .object(b)
        object.members.insert(JSONMember("d", .object(["k": [1, 2]])), at: 3)
        let expected =
            "{\n    \"a\": 1,\n    \"b\": {\"x\": 1, \"z\": \"new\", \"y\": 2},\n    \"c\": 3,\n    \"d\": {\n        \"k\": [\n            1,\n            2\n        ]\n    }\n}\n"
        #expect(Self.splice(original, .object(object)) == expected)
    }

    @Test("a key removed inside an object goes with its comma")
    func keyRemoved() throws {
        let original = "{\n  \"a\": 1,\n  \"b\": {\"x\": 1, \"y\": 2},\n  \"c\": 3\n}"
        var object = try #require(try JSONParser.parse(original).objectValue)
        object["c"] = nil
        var b = try #require(object["b"]?.objectValue)
        b["x"] = nil
        object["b"] = .object(b)
        #expect(Self.splice(original, .object(object)) == "{\n  \"a\": 1,\n  \"b\": {\"y\": 2}\n}")
        object["a"] = nil
        #expect(Self.splice(original, .object(object)) == "{\n  \"b\": {\"y\": 2}\n}")
    }

    @Test("inline arrays stay inline when elements are added, removed or changed")
    func inlineArrays() throws {
        let original = "{\n  \"numbers\": [\"+1\", \"+2\"],\n  \"other\": [ 1 ]\n}\n"
        let updated: JSONValue = .object(["numbers": ["+1", "+3", "+4"], "other": [1, 2]])
        #expect(Self.splice(original, updated) == "{\n  \"numbers\": [\"+1\", \"+3\", \"+4\"],\n  \"other\": [ 1, 2 ]\n}\n")
        let removed: JSONValue = .object(["numbers": ["+2"], "other": [1]])
        #expect(Self.splice(original, removed) == "{\n  \"numbers\": [\"+2\"],\n  \"other\": [ 1 ]\n}\n")
        let replaced: JSONValue = .object(["numbers": .object(["a": ["x"]]), "other": [1]])
        #expect(Self.splice(original, replaced) == "{\n  \"numbers\": {\"a\": [\"x\"]},\n  \"other\": [ 1 ]\n}\n")
    }

    @Test("CRLF and tab-indented input: new lines use the file's newline and indent")
    func crlfAndTabs() throws {
        let original = "{\r\n\t\"a\": 1,\r\n\t\"list\": [\r\n\t\t{\"n\": 1}\r\n\t]\r\n}\r\n"
        let updated: JSONValue = .object(["a": 2, "list": [.object(["n": 1]), .object(["n": 2, "m": [true]])]])
        let expected =
            "{\r\n\t\"a\": 2,\r\n\t\"list\": [\r\n\t\t{\"n\": 1},\r\n\t\t{\r\n\t\t\t\"n\": 2,\r\n\t\t\t\"m\": [\r\n\t\t\t\ttrue\r\n\t\t\t]\r\n\t\t}\r\n\t]\r\n}\r\n"
        #expect(Self.splice(original, updated) == expected)
    }

    @Test("unchanged values keep their escapes and number spelling; changed strings use the writer's escapes")
    func escapesKept() throws {
        let original = "{\"name\": \"Caf\\u00e9\", \"n\": 1.50, \"s\": \"\\/x\", \"t\": \"old\"}"
        let updated: JSONValue = .object([
            "name": "Café", "n": .number(JSONNumber(validatedText: "1.50")), "s": "/x", "t": "tab\there\u{7F}",
        ])
        #expect(Self.splice(original, updated) == "{\"name\": \"Caf\\u00e9\", \"n\": 1.50, \"s\": \"\\/x\", \"t\": \"tab\\there\\u007f\"}")
    }

    @Test("nothing changed: the original bytes exactly; a BOM and trailing bytes are kept")
    func unchanged() throws {
        let original: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{ \"a\" : [ 1 ,2 ] }  \n\n".utf8)
        let value = try JSONParser.parse(original)
        #expect(JSONSplice.splice(original: original, updated: value) == original)
        let changed = JSONSplice.splice(original: original, updated: .object(["a": [1, 3]]))
        #expect(changed == [0xEF, 0xBB, 0xBF] + Array("{ \"a\" : [ 1 ,3 ] }  \n\n".utf8))
    }

    @Test("kind changes, empty containers and invalid input")
    func edges() throws {
        #expect(Self.splice("{\"a\": []}", .object(["a": [1]])) == "{\"a\": [\n  1\n]}")
        #expect(Self.splice("{\"a\": [1]}", .object(["a": []])) == "{\"a\": []}")
        #expect(Self.splice("{\"a\": 1}", .object([:])) == "{}")
        #expect(Self.splice("[1, 2]", .string("x")) == "\"x\"")
        #expect(Self.splice("{\"a\": 1,}", .object(["a": 2])) == nil)
        #expect(Self.splice("", .null) == nil)
        // Duplicate keys: matched in order, the result still parses equal.
        let duplicated = try JSONParser.parse("{\"a\": 1, \"a\": 3}")
        #expect(Self.splice("{\"a\": 1, \"a\": 2}", duplicated) == "{\"a\": 1, \"a\": 3}")
    }

    // MARK: Property

    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomScalar(_ rng: inout SeededGenerator) -> JSONValue {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .number(JSONNumber(Int.random(in: -1000...1000, using: &rng)))
        case 3: return .string(["é", "a\"b", "line\nbreak", "\u{1F600}", "x\\y"].randomElement(using: &rng)!)
        case 4: return .array([.number(JSONNumber(Int.random(in: 0...9, using: &rng))), "s"])
        default: return .object(["k": .string("v\(Int.random(in: 0...9, using: &rng))")])
        }
    }

    /// One random edit somewhere in `value`: change, insert, delete or move.
    static func randomEdit(_ value: JSONValue, _ rng: inout SeededGenerator, depth: Int = 0) -> JSONValue {
        let descend = depth < 6 && Int.random(in: 0..<3, using: &rng) > 0
        switch value {
        case .object(var object) where !object.isEmpty:
            let i = Int.random(in: 0..<object.count, using: &rng)
            if descend {
                object.members[i].value = randomEdit(object.members[i].value, &rng, depth: depth + 1)
                return .object(object)
            }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: object.members.remove(at: i)
            case 1: object.members.insert(JSONMember("new\(Int.random(in: 0...99, using: &rng))", randomScalar(&rng)), at: i)
            case 2: object.members.swapAt(i, Int.random(in: 0..<object.count, using: &rng))
            default: object.members[i].value = randomScalar(&rng)
            }
            return .object(object)
        case .array(var elements) where !elements.isEmpty:
            let i = Int.random(in: 0..<elements.count, using: &rng)
            if descend {
                elements[i] = randomEdit(elements[i], &rng, depth: depth + 1)
                return .array(elements)
            }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: elements.remove(at: i)
            case 1: elements.insert(randomScalar(&rng), at: i)
            case 2:
                let moved = elements.remove(at: i)
                elements.insert(moved, at: Int.random(in: 0...elements.count, using: &rng))
            default: elements[i] = randomScalar(&rng)
            }
            return .array(elements)
        default:
            return randomScalar(&rng)
        }
    }

    @Test(
        "random edits of the samples: nil or a document equal to the update, unchanged members keep their bytes",
        arguments: ["samples/project.json", "samples/lk/dispatch-rules.json", "samples/lk/inbound-trunks.json"])
    func randomEdits(path: String) throws {
        let original = try sampleBytes(path)
        let (value, span) = try #require(JSONParser.parseWithSpans(original))
        let root = try #require(value.objectValue)
        var rng = SeededGenerator(state: 20_261_127)
        var spliced = 0
        for _ in 0..<300 {
            var updated = value
            for _ in 0..<Int.random(in: 1...3, using: &rng) { updated = Self.randomEdit(updated, &rng) }
            guard let result = JSONSplice.splice(original: original, updated: updated) else { continue }
            spliced += 1
            #expect(try JSONParser.parse(result) == updated)
            // Every top-level member whose value did not change appears with its original text.
            guard case .object(let newRoot) = updated else { continue }
            let text = String(decoding: result, as: UTF8.self)
            for (j, member) in root.members.enumerated() where newRoot[member.key] == member.value {
                let memberText = String(decoding: original[span.keys[j].lowerBound..<span.elements[j].end], as: UTF8.self)
                #expect(text.contains(memberText), "\(member.key) lost its layout")
            }
        }
        #expect(spliced > 250)
    }
}

import Testing

@testable import SwitchboardCore

@Suite("JSON reading and writing")
struct JSONTests {
    @Test("numbers keep their exact text, however long")
    func numbersKeepText() throws {
        let text = #"{"big": 12345678901234567890123, "f": 1.50, "e": 1E+3, "neg": -0}"#
        let value = try parse(text)
        let written = JSONWriter.string(value, style: .compact)
        #expect(written == #"{"big":12345678901234567890123,"f":1.50,"e":1E+3,"neg":-0}"#)
    }

    @Test("object members keep their order and duplicates")
    func memberOrder() throws {
        let value = try parse(#"{"z": 1, "a": 2, "m": 3, "a": 4}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m", "a"])
    }

    @Test("escapes keep their meaning through a round trip")
    func escapes() throws {
        let text = #"{"s": "tab\there \"q\" \\ \/ \u00e9 \ud83d\ude00 \u0001 line\nnext"}"#
        let value = try parse(text)
        #expect(value.objectValue?["s"]?.stringValue == "tab\there \"q\" \\ / é 😀 \u{01} line\nnext")
        let again = try JSONParser.parse(JSONWriter.bytes(value))
        #expect(again == value)
        #expect(JSONWriter.string(value, style: .compact).contains(#"\u0001"#))
    }

    @Test(
        "strings: quotes, backslashes, C0, DEL and C1 controls are escaped; other text is copied as is",
        arguments: [
            ("plain", #""plain""#),
            ("", #""""#),
            ("a\"b\\c", #""a\"b\\c""#),
            ("\u{1B}[2J\n\t\r\u{08}\u{0C}\u{00}", #""\u001b[2J\n\t\r\b\f\u0000""#),
            ("x\u{7F}y", #""x\u007fy""#),
            ("\u{9B}31m \u{80}\u{9F}", #""\u009b31m \u0080\u009f""#),
            ("\u{A0}é😀 ends with C2 A0\u{A0}", "\"\u{A0}é😀 ends with C2 A0\u{A0}\""),
            ("\u{9B}", #""\u009b""#),
        ])
    func stringEscapes(text: String, expected: String) throws {
        var out: [UInt8] = []
        JSONWriter.writeString(text, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == expected)
        #expect(try JSONParser.parse(out) == .string(text))
    }

    @Test("pretty output uses two spaces and empty containers stay compact")
    func prettyLayout() throws {
        let value = try parse(#"{"a":[1,{"b":{}}],"c":[]}"#)
        #expect(JSONWriter.string(value) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": {}\n    }\n  ],\n  \"c\": []\n}\n")
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test("a byte-order mark is skipped")
    func byteOrderMark() throws {
        let value = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8))
        #expect(value.objectValue?.keys == ["a"])
    }

    @Test("the locator finds values by path")
    func locator() {
        let text = "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": \"x\"}\n  ]\n}"
        let bytes = Array(text.utf8)
        let offset = JSONParser.offset(of: JSONPath([.key("a"), .index(1), .key("b")]), in: bytes)
        #expect(offset.map { TextPosition(offset: $0, in: bytes).description } == "4:11")
    }

    @Test("durations read and write as protojson does")
    func durations() {
        #expect(ProtoDuration(parsing: "30s")?.nanoseconds == 30_000_000_000)
        #expect(ProtoDuration(parsing: "1.5s")?.text == "1.500s")
        #expect(ProtoDuration(parsing: "-0.000001s")?.text == "-0.000001s")
        #expect(ProtoDuration(parsing: "30") == nil)
        #expect(ProtoDuration(parsing: "1.1234567891s") == nil)
        #expect(ProtoDuration(parsing: "s") == nil)
    }
}

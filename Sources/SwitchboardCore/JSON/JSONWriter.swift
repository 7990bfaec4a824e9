/// Writes `JSONValue`s as UTF-8. Pretty output uses two-space indentation and `"key": value`,
/// the layout `lk … list --json` prints, so exported files diff cleanly against lk's.
public struct JSONWriter {
    public enum Style: Sendable {
        case pretty
        case compact
    }

    public static func bytes(_ value: JSONValue, style: Style = .pretty) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, style: style, indent: 0)
        if style == .pretty { out.append(0x0A) }
        return out
    }

    public static func string(_ value: JSONValue, style: Style = .pretty) -> String {
        String(decoding: bytes(value, style: style), as: UTF8.self)
    }

    public static func write(_ value: JSONValue, into out: inout [UInt8], style: Style, indent: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.text.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            var array = JSONContainerWriter.array(style: style, indent: indent)
            for element in elements {
                array.next(into: &out)
                write(element, into: &out, style: style, indent: array.valueIndent)
            }
            array.finish(into: &out)
        case .object(let object):
            var writer = JSONContainerWriter.object(style: style, indent: indent)
            for member in object.members { writer.member(member.key, member.value, into: &out) }
            writer.finish(into: &out)
        }
    }

    static func newline(into out: inout [UInt8], style: Style, indent: Int) {
        guard style == .pretty else { return }
        out.append(0x0A)
        if indent > 0 { out.append(contentsOf: repeatElement(0x20, count: 2 * indent)) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, into: &out) }
    }

    /// Copies runs of bytes that need no escape in one append each: almost every string in a
    /// configuration is plain, and a per-byte append was a quarter of an export's time.
    ///
    /// DEL and the C1 controls (U+0080–U+009F, UTF-8 C2 80–C2 9F) are escaped too: JSON
    /// allows them raw, but a terminal showing the output may act on them (U+009B is CSI).
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let isC1 = byte == 0xC2 && index + 1 < count && bytes[index + 1] < 0xA0
            if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x7F, !isC1 {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if isC1 {
                appendUnicodeEscape(bytes[index + 1], into: &out)
                index += 2
            } else {
                appendEscape(byte, into: &out)
                index += 1
            }
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default: appendUnicodeEscape(byte, into: &out)
        }
    }

    /// `\u00XX` for a code point below U+0100.
    private static func appendUnicodeEscape(_ codePoint: UInt8, into out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(codePoint >> 4)], hexDigits[Int(codePoint & 0xF)]])
    }
}

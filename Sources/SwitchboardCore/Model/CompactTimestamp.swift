/// A `createdAt` or `updatedAt` string held in 16 bytes with no allocation of its own when it
/// is spelled the way protojson writes a Timestamp (`2025-01-07T22:40:00Z`, with up to six
/// fraction digits), and kept as the string itself otherwise.
///
/// Why: LiveKit stamps every rule and trunk twice, and each stamp is longer than the 15 bytes
/// a Swift `String` holds inline, so each cost a heap block of 64 bytes: 128 bytes a rule, a
/// tenth of a dense rule's whole model. The packed form keeps the digits themselves (not an
/// instant), so any value comes back byte for byte, whatever its date says; a string of any
/// other shape, 9 fraction digits included, is kept as it was in a small box.
struct CompactTimestamp: Sendable, Equatable {
    /// The packed digits; 0 with no `box` is the empty string. Bits from the lowest: fraction
    /// digits + 1 (3 bits: 1 is none), the fraction's value (20), second (6), minute (6),
    /// hour (5), day (5), month (4), year (14).
    private var bits: UInt64
    /// The string, when it does not pack.
    private var box: Box?

    private final class Box: Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    init() {
        bits = 0
        box = nil
    }

    init(_ text: String) {
        var text = text
        if text.isEmpty {
            bits = 0
            box = nil
        } else if let packed = text.withUTF8({ Self.pack(UnsafeRawBufferPointer($0)) }) {
            bits = packed
            box = nil
        } else {
            bits = 0
            box = Box(text)
        }
    }

    /// Packs the string between `bytes`'s quotes when it has the protojson shape, without
    /// making a `String` (the canonical scan reads timestamps straight from the file).
    init?(packing bytes: UnsafeRawBufferPointer) {
        guard let packed = Self.pack(bytes) else { return nil }
        bits = packed
        box = nil
    }

    var isEmpty: Bool { bits == 0 && box == nil }

    var text: String {
        if let box { return box.text }
        if bits == 0 { return "" }
        return String(unsafeUninitializedCapacity: 27) { out in Self.unpack(bits, into: out) }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        // A string packs in one way only and a boxed one never packs: equal strings have
        // equal bits, and boxes compare by their text.
        lhs.bits == rhs.bits && lhs.box?.text == rhs.box?.text
    }

    /// `YYYY-MM-DDTHH:MM:SS[.F{1,6}]Z` with each field in range of its bits, or nil.
    private static func pack(_ b: UnsafeRawBufferPointer) -> UInt64? {
        let n = b.count
        guard n >= 20, n <= 27, n != 21, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[n - 1] == UInt8(ascii: "Z")
        else { return nil }
        func digits(_ start: Int, _ count: Int) -> UInt64? {
            var value: UInt64 = 0
            for i in start..<(start + count) {
                let d = b[i] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                value = value * 10 + UInt64(d)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), month < 16, let day = digits(8, 2), day < 32,
            let hour = digits(11, 2), hour < 32, let minute = digits(14, 2), minute < 64, let second = digits(17, 2), second < 64
        else { return nil }
        var fractionDigits: UInt64 = 0
        var fraction: UInt64 = 0
        if n > 20 {
            guard b[19] == UInt8(ascii: "."), let f = digits(20, n - 21) else { return nil }
            fractionDigits = UInt64(n - 21)
            fraction = f
        }
        return (fractionDigits + 1) | fraction << 3 | second << 23 | minute << 29 | hour << 35 | day << 40 | month << 45
            | year << 49
    }

    private static func unpack(_ bits: UInt64, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        func put(_ value: UInt64, _ start: Int, _ count: Int) {
            var value = value
            for i in stride(from: start + count - 1, through: start, by: -1) {
                out[i] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(bits >> 49, 0, 4)
        out[4] = UInt8(ascii: "-")
        put(bits >> 45 & 0xF, 5, 2)
        out[7] = UInt8(ascii: "-")
        put(bits >> 40 & 0x1F, 8, 2)
        out[10] = UInt8(ascii: "T")
        put(bits >> 35 & 0x1F, 11, 2)
        out[13] = UInt8(ascii: ":")
        put(bits >> 29 & 0x3F, 14, 2)
        out[16] = UInt8(ascii: ":")
        put(bits >> 23 & 0x3F, 17, 2)
        let fractionDigits = Int(bits & 0x7) - 1
        var n = 19
        if fractionDigits > 0 {
            out[19] = UInt8(ascii: ".")
            put(bits >> 3 & 0xF_FFFF, 20, fractionDigits)
            n = 20 + fractionDigits
        }
        out[n] = UInt8(ascii: "Z")
        return n + 1
    }
}

extension FieldCodec where Value == CompactTimestamp {
    /// `string`'s reading and writing, over the compact form.
    static let timestamp = FieldCodec(
        decode: { (value, path) throws(ModelError) in CompactTimestamp(try FieldCodec<String>.string.decode(value, path)) },
        encode: { value, _ in value.isEmpty ? nil : .string(value.text) },
        zero: .string(""),
        matchesEncoding: { value, json in
            guard case .string(let s) = json else { return false }
            return !value.isEmpty && CompactTimestamp(s) == value
        }
    ).scanning { c in
        // A protojson timestamp has no escapes: packed from the file's bytes, no `String` made.
        let start = c.index + 1
        if start < c.bytes.count, c.bytes[c.index] == UInt8(ascii: "\"") {
            var end = start
            while end < c.bytes.count, end - start <= 27, c.bytes[end] != UInt8(ascii: "\""), c.bytes[end] != UInt8(ascii: "\\") {
                end += 1
            }
            if end < c.bytes.count, c.bytes[end] == UInt8(ascii: "\""),
                let packed = CompactTimestamp(packing: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: c.bytes[start..<end])))
            {
                c.index = end + 1
                return packed
            }
        }
        return CanonicalScan.string(&c).map(CompactTimestamp.init)
    }
}

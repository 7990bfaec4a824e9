/// Turns the bytes a terminal sends into ``Key``s, without a terminal.
///
/// The curses adapter lets ncurses decode keys; this decoder exists for everything else: the
/// in-memory backend, scripted end-to-end input and fuzzing. It understands UTF-8, C0 control
/// keys, CSI and SS3 cursor/function sequences (xterm, VT220, rxvt and Linux console forms) and
/// SGR mouse reports. It never traps on any input: malformed UTF-8 becomes U+FFFD, unknown or
/// over-long escape sequences are dropped.
///
/// Feed bytes as they arrive; an incomplete sequence is kept until more bytes come or
/// ``flush()`` is called after the escape timeout (that is how a lone Esc is told apart from
/// the start of an arrow key).
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Sequences longer than this cannot be real keys; they are discarded.
    static let maximumSequenceLength = 32

    public init() {}

    /// Decodes a complete buffer in one go (flushing at the end).
    public static func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes) + decoder.flush()
    }

    /// Whether bytes are waiting for the rest of a sequence.
    public var hasPending: Bool { !pending.isEmpty }

    /// Adds bytes and returns every key they complete.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        // Walk an index and drop the used bytes once at the end: removing them key by key
        // made a large paste quadratic (a 256 KiB paste took minutes).
        var start = pending.startIndex
        while start < pending.endIndex {
            switch Self.parse(pending[start...]) {
            case .key(let key, let length):
                if let key { keys.append(key) }
                start += length
            case .incomplete:
                if pending.endIndex - start > Self.maximumSequenceLength { start = pending.endIndex }
                pending.removeFirst(start)
                return keys
            }
        }
        pending.removeAll(keepingCapacity: true)
        return keys
    }

    /// Called when no more bytes arrived within the escape delay: whatever is pending is taken
    /// literally (a lone `ESC` is the Escape key; a truncated UTF-8 sequence is U+FFFD).
    public mutating func flush() -> [Key] {
        guard !pending.isEmpty else { return [] }
        var keys: [Key] = []
        if pending.first == 0x1B {
            keys.append(.escape)
            pending.removeFirst()
            keys += feed([])
        }
        if !pending.isEmpty {
            keys.append(.char("\u{FFFD}"))
            pending.removeAll()
        }
        return keys
    }

    enum Step {
        /// A decoded key (or `nil` for a sequence that is recognised but ignored) and the bytes
        /// it used.
        case key(Key?, Int)
        case incomplete
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> Step {
        guard let first = bytes.first else { return .incomplete }
        switch first {
        case 0x1B: return parseEscape(bytes)
        case 0x0D, 0x0A: return .key(.enter, 1)
        case 0x09: return .key(.tab, 1)
        case 0x08, 0x7F: return .key(.backspace, 1)
        case 0x00: return .key(.ctrl(" "), 1)
        case 0x01...0x1A: return .key(.ctrl(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x1C...0x1F: return .key(.ctrl(Character(Unicode.Scalar(first + 0x40))), 1)
        default: return parseUTF8(bytes)
        }
    }

    static func parseUTF8(_ bytes: ArraySlice<UInt8>) -> Step {
        let first = bytes[bytes.startIndex]
        let length: Int
        switch first {
        case 0x00..<0x80: return .key(.char(Character(Unicode.Scalar(first))), 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .key(.char("\u{FFFD}"), 1)
        }
        let available = Array(bytes.prefix(length))
        for (offset, byte) in available.enumerated().dropFirst() where byte & 0xC0 != 0x80 {
            return .key(.char("\u{FFFD}"), offset)
        }
        guard available.count == length else { return .incomplete }
        var value = UInt32(first) & (0xFF >> (length + 1))
        for byte in available.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        guard let scalar = Unicode.Scalar(value), value >= [0, 0, 0x80, 0x800, 0x10000][length] else {
            return .key(.char("\u{FFFD}"), length)
        }
        return .key(.char(Character(scalar)), length)
    }

    static func parseEscape(_ bytes: ArraySlice<UInt8>) -> Step {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return .incomplete }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "["): return parseCSI(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return .incomplete }
            return .key(ss3Key(bytes[start + 2]), 3)
        case 0x1B:
            // ESC ESC: the first is a real Escape press.
            return .key(.escape, 1)
        default:
            // Alt+key arrives as ESC + key; without an Alt case it reads as Esc, then the key.
            return .key(.escape, 1)
        }
    }

    static func ss3Key(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "M"): return .enter
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(final) - Int(UInt8(ascii: "P")) + 1)
        default: return nil
        }
    }

    static func parseCSI(_ bytes: ArraySlice<UInt8>) -> Step {
        let start = bytes.startIndex
        // Parameter and intermediate bytes are 0x20–0x3F; the final byte is 0x40–0x7E.
        var index = start + 2
        while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) { index += 1 }
        guard index < bytes.endIndex else { return .incomplete }
        let final = bytes[index]
        let length = index - start + 1
        guard (0x40...0x7E).contains(final) else { return .key(nil, length) }
        let parameterBytes = bytes[(start + 2)..<index]
        if parameterBytes.first == UInt8(ascii: "<") {
            return .key(sgrMouse(parameterBytes.dropFirst(), final: final), length)
        }
        let parameters = String(decoding: parameterBytes, as: UTF8.self).split(
            separator: ";", omittingEmptySubsequences: false
        ).map { Int($0) }
        switch final {
        case UInt8(ascii: "A"): return .key(.up, length)
        case UInt8(ascii: "B"): return .key(.down, length)
        case UInt8(ascii: "C"): return .key(.right, length)
        case UInt8(ascii: "D"): return .key(.left, length)
        case UInt8(ascii: "H"): return .key(.home, length)
        case UInt8(ascii: "F"): return .key(.end, length)
        case UInt8(ascii: "Z"): return .key(.backTab, length)
        case UInt8(ascii: "P")...UInt8(ascii: "S"):
            return .key(.function(Int(final) - Int(UInt8(ascii: "P")) + 1), length)
        case UInt8(ascii: "~"): return .key(tildeKey(parameters.first ?? nil), length)
        default: return .key(nil, length)
        }
    }

    /// VT220-style `CSI n ~` keys.
    static func tildeKey(_ code: Int?) -> Key? {
        guard let code else { return nil }
        switch code {
        case 1, 7: return .home
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(code - 10)
        case 17...21: return .function(code - 11)
        case 23...26: return .function(code - 12)
        case 28, 29: return .function(code - 13)
        case 31...34: return .function(code - 14)
        default: return nil
        }
    }

    /// SGR (1006) mouse report: `CSI < button ; column ; row M|m`, 1-based coordinates.
    static func sgrMouse(_ parameters: ArraySlice<UInt8>, final: UInt8) -> Key? {
        let numbers = String(decoding: parameters, as: UTF8.self).split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return nil }
        // Clamped before any arithmetic: a forged report may carry any Int, Int.min included.
        let code = numbers[0]
        let column = min(max(numbers[1], 1), Int(UInt16.max)) - 1
        let row = min(max(numbers[2], 1), Int(UInt16.max)) - 1
        let button: MouseButton = [.left, .middle, .right][min(2, code & 3)]
        let action: MouseEvent.Action
        if code & 64 != 0 {
            action = code & 1 == 0 ? .scrollUp : .scrollDown
        } else if final == UInt8(ascii: "m") {
            action = .release
        } else if code & 32 != 0 {
            action = code & 3 == 3 ? .move : .drag(button)
        } else if code & 3 == 3 {
            action = .release
        } else {
            action = .press(button)
        }
        return .mouse(MouseEvent(action: action, column: column, row: row))
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes that keeps everything `JSONValue` can hold.
///
/// Errors carry a byte offset; `TextPosition` turns it into line and column only when an
/// error is actually reported, so the fast path does no position bookkeeping.
public struct JSONParser {
    /// Deeper documents are refused: a "JSON bomb" must not exhaust the stack.
    public static let maximumDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var parser = Cursor(buffer)
            return try parser.parseDocument()
        }
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The byte offset at which the value at `path` starts, or nil when the document does not
    /// reach that far. Used to place model errors (a number where a string belongs) in the file.
    public static func offset(of path: JSONPath, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Cursor(buffer)
            parser.skipWhitespace()
            return try? parser.locate(path.components[...])
        }
    }
}

/// A syntax error at a byte offset, with a message saying what was expected and what was found.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public let offset: Int
    public let message: String
}

/// The parser's position in a document. Internal so that `CanonicalScan` can read a message
/// straight from the bytes with the same rules for strings, whitespace and nesting.
struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw JSONSyntaxError(offset: bad, message: "invalid UTF-8: expected UTF-8 text, found byte 0x\(hex(bytes[bad]))")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        if index >= bytes.count {
            throw JSONSyntaxError(offset: index, message: "expected a JSON value, found an empty file")
        }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw JSONSyntaxError(offset: index, message: "expected the end of the file after the JSON value, found \(describeHere())")
        }
        return value
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func describeHere() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let b = bytes[index]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x20 { return "control character U+\(hex(b, width: 4))" }
        // A multi-byte character: show it whole.
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))'"
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else {
            throw JSONSyntaxError(offset: index, message: "expected a value, found the end of the file")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case let b where isWordByte(b):
            throw bareWordError(at: index)
        default:
            throw JSONSyntaxError(offset: index, message: "expected a value, found \(describeHere())")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = word.utf8CodeUnitCount
        var ok = index + count <= bytes.count
        if ok {
            for i in 0..<count where bytes[index + i] != word.utf8Start[i] {
                ok = false
                break
            }
        }
        // `trueish` must not parse as `true` followed by junk the caller then misreports.
        if ok, index + count < bytes.count, isWordByte(bytes[index + count]) { ok = false }
        guard ok else { throw bareWordError(at: start) }
        index += count
    }

    /// `oss` where `"oss"` was meant: name the whole word, and the likely fix.
    func bareWordError(at start: Int) -> JSONSyntaxError {
        var end = start
        while end < bytes.count, isWordByte(bytes[end]), end - start < 24 { end += 1 }
        let found = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(end, start + 1)]), as: UTF8.self)
        return JSONSyntaxError(offset: start, message: "expected a value, found '\(found)' (strings need double quotes)")
    }

    func isWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw JSONSyntaxError(offset: index, message: "expected at most \(JSONParser.maximumDepth) levels of nesting, found more")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
        try enter()
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONObject(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(offset: index, message: "expected a quoted member name, found \(describeHere())")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: index, message: "expected ':' after member name \"\(key)\", found \(describeHere())")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: index, message: "expected ',' or '}' to continue the object, found the end of the file")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    throw JSONSyntaxError(
                        offset: index, message: "expected another member after ',', found '}' (trailing commas are not JSON)")
                }
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONObject(members)
            }
            throw JSONSyntaxError(offset: index, message: "expected ',' or '}' after the value of \"\(key)\", found \(describeHere())")
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> [JSONValue] {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONSyntaxError(offset: index, message: "expected ',' or ']' to continue the array, found the end of the file")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    throw JSONSyntaxError(
                        offset: index, message: "expected another element after ',', found ']' (trailing commas are not JSON)")
                }
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return elements
            }
            throw JSONSyntaxError(offset: index, message: "expected ',' or ']' after an array element, found \(describeHere())")
        }
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        let start = index
        // Fast path: no escapes, the bytes are the string (UTF-8 was validated up front).
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                throw JSONSyntaxError(
                    offset: index,
                    message:
                        "expected '\"' to close the string, found control character U+\(hex(b, width: 4)) (escape it as \\u\(hex(b, width: 4)))"
                )
            }
            index += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b < 0x20 {
                throw JSONSyntaxError(
                    offset: index,
                    message:
                        "expected '\"' to close the string, found control character U+\(hex(b, width: 4)) (escape it as \\u\(hex(b, width: 4)))"
                )
            }
            if b != UInt8(ascii: "\\") {
                scratch.append(b)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try readHex4(escapeStart)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw JSONSyntaxError(
                            offset: escapeStart,
                            message:
                                "expected a low surrogate \\uDC00-\\uDFFF after high surrogate \\u\(hex(UInt8(scalar >> 8)))\(hex(UInt8(scalar & 0xFF))), found none"
                        )
                    }
                    let lowStart = index
                    index += 2
                    let low = try readHex4(lowStart)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw JSONSyntaxError(
                            offset: lowStart,
                            message: "expected a low surrogate \\uDC00-\\uDFFF, found \\u\(String(low, radix: 16, uppercase: true))")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw JSONSyntaxError(
                        offset: escapeStart,
                        message:
                            "expected a high surrogate before low surrogate \\u\(String(scalar, radix: 16, uppercase: true)), found none")
                }
                // Every value here is a valid scalar: surrogates were combined or refused above.
                scratch.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                index = escapeStart
                throw JSONSyntaxError(
                    offset: escapeStart,
                    message: "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found \(describeEscape(e))")
            }
        }
        throw JSONSyntaxError(offset: open, message: "expected '\"' to close the string that starts here, found the end of the file")
    }

    func describeEscape(_ e: UInt8) -> String {
        if e >= 0x20 && e < 0x7F { return "'\\\(Character(Unicode.Scalar(e)))'" }
        return "'\\' followed by byte 0x\(hex(e))"
    }

    mutating func readHex4(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
                throw JSONSyntaxError(offset: escapeStart, message: "expected four hex digits after \\u, found \(describeHere())")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw JSONSyntaxError(offset: index, message: "expected a digit in the number, found \(describeHere())")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw JSONSyntaxError(offset: start, message: "expected a number without leading zeros, found '0' followed by digits")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONSyntaxError(offset: index, message: "expected a digit after the decimal point, found \(describeHere())")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONSyntaxError(offset: index, message: "expected a digit in the exponent, found \(describeHere())")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return JSONNumber(validatedText: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Walks to the value at `path`, skipping (parsing and discarding) everything else.
    mutating func locate(_ path: ArraySlice<JSONPath.Component>) throws(JSONSyntaxError) -> Int? {
        skipWhitespace()
        guard let first = path.first else { return index }
        let rest = path.dropFirst()
        guard index < bytes.count else { return nil }
        switch (first, bytes[index]) {
        case (.key(let wanted), UInt8(ascii: "{")):
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return nil }
            while index < bytes.count {
                skipWhitespace()
                let key = try parseString()
                skipWhitespace()
                index += 1  // ':'
                skipWhitespace()
                if key == wanted { return try locate(rest) }
                _ = try parseValue()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
            return nil
        case (.index(let wanted), UInt8(ascii: "[")):
            index += 1
            var position = 0
            while index < bytes.count {
                skipWhitespace()
                if bytes[index] == UInt8(ascii: "]") { return nil }
                if position == wanted { return try locate(rest) }
                _ = try parseValue()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
                position += 1
            }
            return nil
        default:
            return nil
        }
    }
}

func hex(_ byte: UInt8, width: Int = 2) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

// MARK: - Deferred item lists

/// The elements of one array, either already built or still bytes in the document, parsed one
/// at a time as they are iterated. Loading a 100,000-item list this way holds one item's JSON
/// tree at a time instead of all of them.
public struct JSONElements: Sequence {
    enum Storage {
        case values([JSONValue])
        /// `start` is just past the array's `[`; `count` the number of elements a bracket scan
        /// found (exact for a valid document).
        case deferred(bytes: DocumentBytes, start: Int, count: Int, failure: DeferredFailure)
    }

    /// The document a deferred list is read from.
    enum DocumentBytes {
        case array([UInt8])
        /// A file's buffer, given back as an iterator that may (`givesBackConsumedBytes`) reads
        /// past it.
        case releasable(ReleasableBytes)

        func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            switch self {
            case .array(let bytes): return bytes.withUnsafeBufferPointer(body)
            case .releasable(let source): return body(source.buffer)
            }
        }
    }

    /// Set when a deferred element failed to parse; the caller then reads the document again
    /// the ordinary way, which reports the error exactly.
    final class DeferredFailure: @unchecked Sendable {
        var failed = false
    }

    let storage: Storage

    /// Where element `element` of a deferred list starts: just past the comma before it.
    struct Split: Sendable, Equatable {
        var element: Int
        var offset: Int
    }

    /// Split points are noted every this many elements (a few hundred for 100,000 items).
    static let splitStride = 256
    /// A deferred list's split points, in order.
    let splits: [Split]

    public init(_ values: [JSONValue]) {
        storage = .values(values)
        splits = []
    }

    init(bytes: DocumentBytes, start: Int, count: Int, splits: [Split] = []) {
        storage = .deferred(bytes: bytes, start: start, count: count, failure: DeferredFailure())
        self.splits = splits
    }

    /// One run of consecutive elements, read by an iterator of its own.
    struct Part {
        /// The index of the run's first element in the whole list.
        var first: Int
        var count: Int
        var iterator: Iterator
        /// The run's own syntax-error flag (runs are read on different threads); see
        /// `markFailed`.
        let failure: DeferredFailure
    }

    /// Records that a part stopped at a syntax error, as if this list's own iteration had.
    func markFailed() {
        if case .deferred(_, _, _, let failure) = storage { failure.failed = true }
    }

    /// The list cut at its split points into at most `parts` runs of about equal length, for
    /// reading at once on several threads; nil when it cannot be cut (built values, or too
    /// short to have split points). Each iterator stops at the end of its run and gives back
    /// only the bytes of its own run.
    func parts(_ parts: Int) -> [Part]? {
        guard parts > 1, case .deferred(let bytes, let start, let count, _) = storage, !splits.isEmpty else { return nil }
        // The split point nearest each ideal boundary, without repeats.
        var cuts: [Split] = []
        for k in 1..<parts {
            let ideal = count * k / parts
            let nearest = splits.min { abs($0.element - ideal) < abs($1.element - ideal) }!
            if nearest.element > (cuts.last?.element ?? 0), nearest.element < count { cuts.append(nearest) }
        }
        guard !cuts.isEmpty else { return nil }
        let starts = [Split(element: 0, offset: start)] + cuts
        return starts.indices.map { k in
            let end = k + 1 < starts.count ? starts[k + 1] : nil
            let failure = DeferredFailure()
            var iterator = Iterator(
                storage: .deferred(bytes: bytes, start: start, count: count, failure: failure), position: starts[k].offset)
            iterator.end = end?.offset ?? Int.max
            return Part(
                first: starts[k].element, count: (end?.element ?? count) - starts[k].element, iterator: iterator, failure: failure)
        }
    }

    /// How many elements there are, for reserving room up front.
    public var count: Int {
        switch storage {
        case .values(let values): return values.count
        case .deferred(_, _, let count, _): return count
        }
    }

    /// True when iteration stopped at a syntax error (a deferred list only).
    public var failed: Bool {
        if case .deferred(_, _, _, let failure) = storage { return failure.failed }
        return false
    }

    public struct Iterator: IteratorProtocol {
        let storage: Storage
        var position: Int
        var done = false
        /// Set by the one pass that reads a list for good: the bytes of the elements behind it
        /// are given back (a releasable document only), in steps of `giveBackStep` bytes.
        var givesBackConsumedBytes = false
        private var consumedFrom: Int
        static let giveBackStep = 1 << 20
        /// Where the iterator's run of elements ends (`parts`): it gives nothing from here on,
        /// and gives back no byte from here on, which the next run may still be reading.
        var end = Int.max

        init(storage: Storage, position: Int) {
            self.storage = storage
            self.position = position
            consumedFrom = position
        }

        /// Gives back what the elements read so far occupied; the element at `position` and
        /// everything after it stay.
        mutating func giveBackConsumed() {
            guard givesBackConsumedBytes, case .deferred(.releasable(let source), _, _, _) = storage else { return }
            let upTo = Swift.min(position, end)
            guard upTo - consumedFrom >= Self.giveBackStep else { return }
            source.release(consumedFrom..<upTo)
            consumedFrom = upTo
        }

        public mutating func next() -> JSONValue? {
            switch storage {
            case .values(let values):
                guard position < values.count else { return nil }
                defer { position += 1 }
                return values[position]
            case .deferred(let bytes, _, _, let failure):
                guard !done, position < end else { return nil }
                let start = position
                let result = bytes.withBuffer { buffer -> (JSONValue?, Int, Bool) in
                    var cursor = Cursor(buffer)
                    cursor.index = start
                    // The root object and this array enclose every element.
                    cursor.depth = 2
                    do {
                        return try cursor.nextElement()
                    } catch {
                        return (nil, cursor.index, true)
                    }
                }
                position = result.1
                if result.2 { failure.failed = true }
                if result.0 == nil { done = true }
                giveBackConsumed()
                return result.0
            }
        }
    }

    public func makeIterator() -> Iterator {
        switch storage {
        case .values: return Iterator(storage: storage, position: 0)
        case .deferred(_, let start, _, _): return Iterator(storage: storage, position: start)
        }
    }
}

extension JSONParser {
    /// A root object whose arrays under `keys` are not built: each reads as `.array([])` in
    /// `root`, and its elements come from `elements[key]`, parsed as they are iterated. Nil
    /// for anything unusual (not an object, invalid UTF-8, a syntax error before or around the
    /// lists); the caller then parses the whole document, which reports errors exactly.
    public static func parseDeferringLists(
        _ bytes: [UInt8], keys: Set<String>
    ) -> (root: JSONObject, elements: [String: JSONElements])? {
        parseDeferringLists(.array(bytes), keys: keys)
    }

    static func parseDeferringLists(
        _ bytes: JSONElements.DocumentBytes, keys: Set<String>
    ) -> (root: JSONObject, elements: [String: JSONElements])? {
        let found = bytes.withBuffer { buffer -> (JSONObject, [String: (start: Int, count: Int, splits: [JSONElements.Split])])? in
            var cursor = Cursor(buffer)
            return try? cursor.parseRootDeferring(keys)
        }
        guard let (root, lists) = found else { return nil }
        return (root, lists.mapValues { JSONElements(bytes: bytes, start: $0.start, count: $0.count, splits: $0.splits) })
    }
}

extension Cursor {
    /// The root object, skipping (with a bracket scan) the arrays of `keys`; returns where
    /// each skipped array's elements start.
    mutating func parseRootDeferring(
        _ keys: Set<String>
    ) throws(JSONSyntaxError) -> (JSONObject, [String: (start: Int, count: Int, splits: [JSONElements.Split])]) {
        let fail = JSONSyntaxError(offset: index, message: "")
        if UTF8Validation.firstInvalidOffset(bytes) != nil { throw fail }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw fail }
        try enter()
        index += 1
        var members: [JSONMember] = []
        var starts: [String: (start: Int, count: Int, splits: [JSONElements.Split])] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { throw fail }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail }
            index += 1
            skipWhitespace()
            if keys.contains(key), starts[key] == nil, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                let start = index + 1
                var splits: [JSONElements.Split] = []
                guard let count = skipBracketed(splits: &splits) else { throw fail }
                starts[key] = (start, count, splits)
                members.append(JSONMember(key, .array([])))
            } else {
                members.append(JSONMember(key, try parseValue()))
            }
            skipWhitespace()
            guard index < bytes.count else { throw fail }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw fail }
            index += 1
            skipWhitespace()
            guard index == bytes.count else { throw fail }
            return (JSONObject(members), starts)
        }
    }

    /// Moves past the array or object starting here by counting brackets outside strings, and
    /// returns how many elements it has. Validates nothing: the elements are parsed later.
    /// Every `JSONElements.splitStride` elements it notes where the next one starts (just past
    /// the comma before it), so the list can later be read in parts at once.
    ///
    /// Runs over every byte of a large list, so strings are skipped in a loop of their own.
    mutating func skipBracketed(splits: inout [JSONElements.Split]) -> Int? {
        var depth = 0
        var commas = 0
        var empty = true
        var i = index
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            i += 1
            switch b {
            case 0x20, 0x0A, 0x0D, 0x09:
                continue
            case UInt8(ascii: "\""):
                if depth == 1 { empty = false }
                while true {
                    guard i < count else {
                        index = i
                        return nil
                    }
                    let c = bytes[i]
                    i += 1
                    if c == UInt8(ascii: "\"") { break }
                    if c == UInt8(ascii: "\\") { i += 1 }
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if depth == 1 { empty = false }
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 1, b == UInt8(ascii: "}") { empty = false }
                depth -= 1
                if depth == 0 {
                    index = i
                    return empty ? 0 : commas + 1
                }
            case UInt8(ascii: ","):
                if depth == 1 {
                    empty = false
                    commas += 1
                    if commas % JSONElements.splitStride == 0 { splits.append(JSONElements.Split(element: commas, offset: i)) }
                }
            default:
                if depth == 1 { empty = false }
            }
        }
        index = i
        return nil
    }

    /// The next element of an array whose `[` (or previous element) is behind the cursor:
    /// the element and where the one after it starts, or nil at the closing `]`.
    mutating func nextElement() throws(JSONSyntaxError) -> (JSONValue?, Int, Bool) {
        let fail = JSONSyntaxError(offset: index, message: "")
        skipWhitespace()
        guard index < bytes.count else { throw fail }
        if bytes[index] == UInt8(ascii: "]") { return (nil, index, false) }
        let value = try parseValue()
        skipWhitespace()
        guard index < bytes.count else { throw fail }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            skipWhitespace()
            // `[1,]`: a trailing comma is not JSON.
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw fail }
            return (value, index, false)
        }
        guard bytes[index] == UInt8(ascii: "]") else { throw fail }
        return (value, index, false)
    }
}

// MARK: - Byte ranges

/// Where a parsed value sits in its document: `start..<end` is the value's text (for a
/// container, from its opening bracket to just past its closing one). `elements` are an
/// array's elements or an object's member values, in order; `keys` the members' key text
/// (quotes included). Lets `JSONSplice` keep the bytes of everything that did not change.
struct JSONValueSpan: Sendable {
    var start: Int
    var end: Int
    var elements: [JSONValueSpan] = []
    var keys: [Range<Int>] = []
}

extension JSONParser {
    /// The document's value and the byte ranges of all its parts, or nil when it is not valid
    /// JSON (the same rules as `parse`).
    static func parseWithSpans(_ bytes: [UInt8]) -> (JSONValue, JSONValueSpan)? {
        bytes.withUnsafeBufferPointer { buffer -> (JSONValue, JSONValueSpan)? in
            var cursor = Cursor(buffer)
            if UTF8Validation.firstInvalidOffset(buffer) != nil { return nil }
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { cursor.index = 3 }
            cursor.skipWhitespace()
            guard let result = try? cursor.parseSpanned() else { return nil }
            cursor.skipWhitespace()
            guard cursor.index == buffer.count else { return nil }
            return result
        }
    }
}

extension Cursor {
    /// `parseValue`, recording byte ranges.
    mutating func parseSpanned() throws(JSONSyntaxError) -> (JSONValue, JSONValueSpan) {
        let fail = JSONSyntaxError(offset: index, message: "")
        guard index < bytes.count else { throw fail }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try enter()
            index += 1
            var members: [JSONMember] = []
            var span = JSONValueSpan(start: start, end: start)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                span.end = index
                return (.object(JSONObject()), span)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail }
                let keyStart = index
                let key = try parseString()
                span.keys.append(keyStart..<index)
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail }
                index += 1
                skipWhitespace()
                let (value, valueSpan) = try parseSpanned()
                members.append(JSONMember(key, value))
                span.elements.append(valueSpan)
                skipWhitespace()
                guard index < bytes.count else { throw fail }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw fail }
                index += 1
                depth -= 1
                span.end = index
                return (.object(JSONObject(members)), span)
            }
        case UInt8(ascii: "["):
            try enter()
            index += 1
            var elements: [JSONValue] = []
            var span = JSONValueSpan(start: start, end: start)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                span.end = index
                return (.array([]), span)
            }
            while true {
                skipWhitespace()
                let (value, valueSpan) = try parseSpanned()
                elements.append(value)
                span.elements.append(valueSpan)
                skipWhitespace()
                guard index < bytes.count else { throw fail }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw fail }
                index += 1
                depth -= 1
                span.end = index
                return (.array(elements), span)
            }
        default:
            let value = try parseValue()
            return (value, JSONValueSpan(start: start, end: index))
        }
    }
}

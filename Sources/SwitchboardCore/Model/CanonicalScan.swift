/// Reading a message straight from a document's bytes, for the objects that make large files
/// large: those written exactly as `encode` writes them (see `ProtoMessage.canonicalLayout`;
/// lk's own output and Switchboard's are like this).
///
/// For such an object the scan gives the same message, with the same canonical source, as
/// `decode` gives from its JSON tree, without building the tree or a path per field. Anything
/// else — an unknown key, keys out of table order or in two spellings, a zero or null value, an
/// enum number, a duration not spelled the protojson way, a syntax error — makes the scan give
/// up (nil), and the caller reads the object the ordinary way, which stays the one definition of
/// what it means and of every error message. Each scan below therefore accepts a value only
/// when its codec's `decode` would read it and `encode` would write it back as it is.
enum CanonicalScan {
    static func string(_ c: inout Cursor) -> String? {
        guard let s = c.scanString(), !s.isEmpty else { return nil }
        return s
    }

    /// `false` is the zero value, which `encode` omits: only `true` is canonical.
    static func bool(_ c: inout Cursor) -> Bool? {
        guard c.index < c.bytes.count, c.bytes[c.index] == UInt8(ascii: "t"), (try? c.expectWord("true")) != nil else { return nil }
        return true
    }

    static func stringList(_ c: inout Cursor) -> [String]? {
        guard c.enterContainer(UInt8(ascii: "["), close: UInt8(ascii: "]")) else { return nil }
        var out: [String] = []
        while true {
            c.skipWhitespace()
            guard let s = c.scanString() else { return nil }
            out.append(s)
            switch c.scanSeparator(close: UInt8(ascii: "]")) {
            case .more: continue
            case .closed: return out
            case .invalid: return nil
            }
        }
    }

    /// A repeated key is not canonical: the map keeps one value for it, so writing the map
    /// back would not give the object.
    static func stringMap(_ c: inout Cursor) -> StringMap? {
        guard c.enterContainer(UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
        var pairs: [(String, String)] = []
        while true {
            c.skipWhitespace()
            guard let key = c.scanString(), c.scanColon(), let value = c.scanString() else { return nil }
            if pairs.contains(where: { $0.0 == key }) { return nil }
            pairs.append((key, value))
            switch c.scanSeparator(close: UInt8(ascii: "}")) {
            case .more: continue
            case .closed: return StringMap(pairs)
            case .invalid: return nil
            }
        }
    }

    /// `"30.000s"` reads as 30 seconds but is written `"30s"`: only the written spelling counts.
    static func duration(_ c: inout Cursor) -> ProtoDuration?? {
        guard let s = c.scanString(), let d = ProtoDuration(parsing: s), d.text == s else { return nil }
        return d
    }

    /// An object kept as read (`roomConfig`); any object is canonical, `null` is not.
    static func object(_ c: inout Cursor) -> JSONValue?? {
        guard c.index < c.bytes.count, c.bytes[c.index] == UInt8(ascii: "{"), let value = try? c.parseValue() else { return nil }
        return value
    }

    /// By name only (a number is written back as a name), and not the zero value (omitted).
    static func protoEnum<E: ProtoEnum>(_ c: inout Cursor) -> E? {
        guard let s = c.scanString(), let value = E.known.first(where: { $0.name == s })?.value, !value.isZero, value.name == s
        else { return nil }
        return value
    }

    /// An enum with presence: the zero value is written too.
    static func optionalEnum<E: ProtoEnum>(_ c: inout Cursor) -> E?? {
        guard let s = c.scanString(), let value = E.known.first(where: { $0.name == s })?.value, value.name == s else { return nil }
        return value
    }

    /// Whole numbers written as `encode` writes them: no sign, no leading zero, not quoted, not 0.
    static func uint32(_ c: inout Cursor) -> UInt32? {
        let start = c.index
        var value: UInt64 = 0
        while c.index < c.bytes.count, c.bytes[c.index] >= UInt8(ascii: "0"), c.bytes[c.index] <= UInt8(ascii: "9") {
            value = value * 10 + UInt64(c.bytes[c.index] - UInt8(ascii: "0"))
            c.index += 1
            if c.index - start > 10 { return nil }
        }
        guard c.index > start, c.bytes[start] != UInt8(ascii: "0"), value <= UInt64(UInt32.max) else { return nil }
        // `12.5` or `12e3` continue the number: not canonical.
        if c.index < c.bytes.count, c.bytes[c.index] == UInt8(ascii: ".") || c.bytes[c.index] | 0x20 == UInt8(ascii: "e") { return nil }
        return UInt32(value)
    }

    static func message<M: ProtoMessage>(_ c: inout Cursor) -> M?? {
        guard let message = M.scanCanonical(&c) else { return nil }
        return message
    }

    static func messageList<M: ProtoMessage>(_ c: inout Cursor) -> [M]? {
        guard c.enterContainer(UInt8(ascii: "["), close: UInt8(ascii: "]")) else { return nil }
        var out: [M] = []
        while true {
            c.skipWhitespace()
            guard let message = M.scanCanonical(&c) else { return nil }
            out.append(message)
            switch c.scanSeparator(close: UInt8(ascii: "]")) {
            case .more: continue
            case .closed: return out
            case .invalid: return nil
            }
        }
    }
}

extension ProtoMessage {
    /// The message whose object starts at the cursor, when that object is canonical; nil
    /// otherwise (the cursor is then left somewhere inside the object).
    static func scanCanonical(_ c: inout Cursor) -> Self? {
        let table = Self.table
        guard table.scannable, let defaultsWritten = table.defaultsWritten else { return nil }
        guard c.index < c.bytes.count, c.bytes[c.index] == UInt8(ascii: "{"), (try? c.enter()) != nil else { return nil }
        c.index += 1
        var message = Self()
        var fields: UInt32 = 0
        var last = -1
        var proto: Bool?
        c.skipWhitespace()
        if c.index < c.bytes.count, c.bytes[c.index] == UInt8(ascii: "}") {
            c.index += 1
            c.depth -= 1
        } else {
            members: while true {
                c.skipWhitespace()
                guard let key = c.scanKey(), let (i, isProto) = table.scanLookup(key, in: c.bytes, after: last) else { return nil }
                if let isProto {
                    if let proto, proto != isProto { return nil }
                    proto = isProto
                }
                guard c.scanColon(), let read = table.specs[i].scanRead, read(&message, &c) else { return nil }
                fields |= 1 << UInt32(i)
                last = i
                switch c.scanSeparator(close: UInt8(ascii: "}")) {
                case .more: continue
                case .closed: break members
                case .invalid: return nil
                }
            }
        }
        // A field the object did not have must write nothing (as in `canonicalLayout`).
        if defaultsWritten & ~UInt64(fields) != 0 { return nil }
        message.source = MessageSource(canonical: MessageSource.Layout(fields: fields, proto: proto ?? false))
        // A canonical source says which fields were present, which is all a cross-field check
        // needs (a oneof with two members is not accepted here, and `decode` reports it).
        guard (try? validateDecoded(message, path: .root)) != nil else { return nil }
        return message
    }
}

extension FieldTable {
    /// The field after `last` spelled exactly `key` (raw bytes, no escapes), and whether that
    /// was its proto spelling (nil for a field spelled one way). Only later fields count: a
    /// canonical object has its keys in table order, once each.
    func scanLookup(_ key: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, after last: Int) -> (Int, Bool?)? {
        let length = key.count
        return keyBytes.withUnsafeBufferPointer { names -> (Int, Bool?)? in
            func equal(_ name: Range<Int>) -> Bool {
                guard name.count == length else { return false }
                var k = key.lowerBound
                for n in name {
                    if names[n] != bytes[k] { return false }
                    k += 1
                }
                return true
            }
            var i = last + 1
            while i < keyRanges.count {
                let ranges = keyRanges[i]
                if equal(ranges.camel) { return (i, ranges.proto == ranges.camel ? nil : false) }
                if equal(ranges.proto) { return (i, true) }
                i += 1
            }
            return nil
        }
    }
}

extension Cursor {
    enum Separator {
        case more
        case closed
        case invalid
    }

    /// Steps into `[` or `{` (counting the nesting level as the parser does) when the container
    /// has at least one element; an empty one is a zero value, never canonical.
    mutating func enterContainer(_ open: UInt8, close: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == open, (try? enter()) != nil else { return false }
        index += 1
        skipWhitespace()
        return index < bytes.count && bytes[index] != close
    }

    /// After an element: `,` with another element after it, or the closing bracket.
    mutating func scanSeparator(close: UInt8) -> Separator {
        skipWhitespace()
        guard index < bytes.count else { return .invalid }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            skipWhitespace()
            return index < bytes.count && bytes[index] != close ? .more : .invalid
        }
        guard bytes[index] == close else { return .invalid }
        index += 1
        depth -= 1
        return .closed
    }

    mutating func scanColon() -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        skipWhitespace()
        return true
    }

    /// Any string value, escapes decoded.
    mutating func scanString() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        return try? parseString()
    }

    /// A member name's bytes between its quotes; nil when it has an escape (the ordinary
    /// reading then decodes it).
    mutating func scanKey() -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                index = i + 1
                return start..<i
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            i += 1
        }
        return nil
    }
}

extension JSONElements.Iterator {
    /// The next element read straight from the bytes when it is a canonical `M` that `accept`
    /// takes; nil, without moving, otherwise — `next()` then reads that element as usual.
    mutating func nextCanonical<M: ProtoMessage>(_: M.Type, accept: (MessageSource.Layout) -> Bool) -> M? {
        guard case .deferred(let bytes, _, _, _) = storage, !done, position < end else { return nil }
        let start = position
        let scanned = bytes.withBuffer { buffer -> (M, Int)? in
            var cursor = Cursor(buffer)
            cursor.index = start
            // The root object and this array enclose every element (as in `next()`).
            cursor.depth = 2
            cursor.skipWhitespace()
            guard let message = M.scanCanonical(&cursor), let layout = message.source.layout, accept(layout) else { return nil }
            cursor.skipWhitespace()
            guard cursor.index < buffer.count else { return nil }
            if buffer[cursor.index] == UInt8(ascii: ",") {
                cursor.index += 1
                cursor.skipWhitespace()
                // `[{…},]`: a trailing comma is not JSON.
                guard cursor.index < buffer.count, buffer[cursor.index] != UInt8(ascii: "]") else { return nil }
                return (message, cursor.index)
            }
            guard buffer[cursor.index] == UInt8(ascii: "]") else { return nil }
            return (message, cursor.index)
        }
        guard let (message, next) = scanned else { return nil }
        position = next
        giveBackConsumed()
        return message
    }
}

/// Writes one object's members, or one array's elements, as they come: for writers that go
/// straight from the model to bytes instead of building a `JSONValue` tree first (exporting
/// 100,000 rules built and then walked a tree of a million values).
///
/// ``JSONWriter`` writes its own objects and arrays through these, so both routes put the same
/// separators, newlines and indentation in the same places.
struct JSONObjectWriter {
    let style: JSONWriter.Style
    /// The indentation of the object's braces; members sit one level deeper.
    let indent: Int
    private var count = 0

    init(style: JSONWriter.Style, indent: Int) {
        self.style = style
        self.indent = indent
    }

    /// The indentation to write a member's value at.
    var valueIndent: Int { indent + 1 }

    /// Opens the next member and writes its key; the caller writes the value next.
    mutating func key(_ key: String, into out: inout [UInt8]) {
        out.append(count == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
        count += 1
        JSONWriter.newline(into: &out, style: style, indent: indent + 1)
        JSONWriter.writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        if style == .pretty { out.append(UInt8(ascii: " ")) }
    }

    mutating func member(_ key: String, _ value: JSONValue, into out: inout [UInt8]) {
        self.key(key, into: &out)
        JSONWriter.write(value, into: &out, style: style, indent: indent + 1)
    }

    /// Closes the object: `{}` when it got no member.
    func finish(into out: inout [UInt8]) {
        if count == 0 {
            out.append(contentsOf: "{}".utf8)
            return
        }
        JSONWriter.newline(into: &out, style: style, indent: indent)
        out.append(UInt8(ascii: "}"))
    }
}

/// The array counterpart of ``JSONObjectWriter``.
struct JSONArrayWriter {
    let style: JSONWriter.Style
    let indent: Int
    private var count = 0

    init(style: JSONWriter.Style, indent: Int) {
        self.style = style
        self.indent = indent
    }

    var elementIndent: Int { indent + 1 }

    /// Opens the next element; the caller writes it at ``elementIndent`` next.
    mutating func next(into out: inout [UInt8]) {
        out.append(count == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
        count += 1
        JSONWriter.newline(into: &out, style: style, indent: indent + 1)
    }

    func finish(into out: inout [UInt8]) {
        if count == 0 {
            out.append(contentsOf: "[]".utf8)
            return
        }
        JSONWriter.newline(into: &out, style: style, indent: indent)
        out.append(UInt8(ascii: "]"))
    }
}

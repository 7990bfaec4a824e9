/// Writes one object's members, or one array's elements, as they come: for writers that go
/// straight from the model to bytes instead of building a `JSONValue` tree first (exporting
/// 100,000 rules built and then walked a tree of a million values).
///
/// ``JSONWriter`` writes its own objects and arrays through this, so both routes put the same
/// separators, newlines and indentation in the same places.
struct JSONContainerWriter {
    let style: JSONWriter.Style
    /// The indentation of the brackets; members and elements sit one level deeper.
    let indent: Int
    private let open: UInt8
    private let close: UInt8
    private var count = 0

    static func object(style: JSONWriter.Style, indent: Int) -> JSONContainerWriter {
        JSONContainerWriter(style: style, indent: indent, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
    }

    static func array(style: JSONWriter.Style, indent: Int) -> JSONContainerWriter {
        JSONContainerWriter(style: style, indent: indent, open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
    }

    private init(style: JSONWriter.Style, indent: Int, open: UInt8, close: UInt8) {
        self.style = style
        self.indent = indent
        self.open = open
        self.close = close
    }

    /// The same container with `count` elements already written by another writer (a list
    /// written in parts), so its next element is preceded by a separator and `finish` closes it.
    func resumed(after count: Int) -> JSONContainerWriter {
        var copy = self
        copy.count = count
        return copy
    }

    /// The indentation to write a member's value or an element at.
    var valueIndent: Int { indent + 1 }

    /// Opens the next element; the caller writes it at ``valueIndent`` next.
    mutating func next(into out: inout [UInt8]) {
        out.append(count == 0 ? open : UInt8(ascii: ","))
        count += 1
        JSONWriter.newline(into: &out, style: style, indent: indent + 1)
    }

    /// Opens the next member of an object and writes its key; the caller writes the value next.
    mutating func key(_ key: String, into out: inout [UInt8]) {
        next(into: &out)
        JSONWriter.writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        if style == .pretty { out.append(UInt8(ascii: " ")) }
    }

    mutating func member(_ key: String, _ value: JSONValue, into out: inout [UInt8]) {
        self.key(key, into: &out)
        JSONWriter.write(value, into: &out, style: style, indent: indent + 1)
    }

    /// Closes the container: `{}` or `[]` when it got nothing.
    func finish(into out: inout [UInt8]) {
        if count == 0 {
            out.append(contentsOf: [open, close])
            return
        }
        JSONWriter.newline(into: &out, style: style, indent: indent)
        out.append(close)
    }
}

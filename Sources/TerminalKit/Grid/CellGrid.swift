/// A width × height screen image: what a frame should look like, independent of any terminal.
///
/// Widgets draw into a grid; ``GridDiff`` compares two grids; backends paint the difference.
/// Invariants kept by every mutating method: a wide grapheme's lead is always followed by its
/// continuation in the same row, a continuation is never orphaned, and nothing written with a
/// clip rectangle ever lands outside it — in particular a wide grapheme that would straddle
/// the clip's right edge becomes a space, so borders drawn next to text are never broken.
public struct CellGrid: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(column: Int, row: Int) -> Cell {
        cells[row * width + column]
    }

    /// The cell at a position, or `nil` outside the grid.
    public func cell(column: Int, row: Int) -> Cell? {
        guard column >= 0, column < width, row >= 0, row < height else { return nil }
        return cells[row * width + column]
    }

    /// The visible text of a row (continuations skipped), handy in tests.
    public func text(row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        return cells[(row * width)..<((row + 1) * width)].map(\.grapheme).joined()
    }

    /// Fills a rectangle (clipped to the grid) with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, grapheme: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        // One cell, stored into each place of every row: views fill panels, tables and rows
        // over and over, and building a cell and checking its neighbours per place was a
        // third of drawing a frame. Only a wide glyph across the area's edges can be left
        // half-covered, so only the two edge cells need `breakWideGlyph`.
        let cell = Cell(grapheme: String(grapheme), width: 1, style: style)
        for row in area.y..<area.maxY {
            breakWideGlyph(column: area.x, row: row)
            breakWideGlyph(column: area.maxX - 1, row: row)
            let start = row * width + area.x
            cells.withUnsafeMutableBufferPointer { cells in
                for index in start..<(start + area.width) { cells[index] = cell }
            }
        }
    }

    /// Writes one line of text starting at (`column`, `row`), clipped to `clip` (and the grid).
    ///
    /// Newlines are not interpreted; control characters are drawn as U+FFFD as a last line of
    /// defence (callers should have used ``sanitizeForDisplay(_:keepNewlines:tabWidth:)``).
    /// Zero-width graphemes are dropped. Returns the column after the last cell written, so
    /// callers can continue a line of spans.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, column: Int, row: Int, style: Style = .plain, clip: Rect? = nil
    ) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var cursor = column
        guard row >= area.y, row < area.maxY else { return cursor + DisplayWidth.of(text) }
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
            writePrintableASCII(bytes, column: column, row: row, style: style, area: area)
        }
        if let end = ascii ?? nil { return end }
        for character in text {
            var grapheme = String(character)
            var width = DisplayWidth.of(character)
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                grapheme = "\u{FFFD}"
                width = 1
            }
            guard width > 0 else { continue }
            defer { cursor += width }
            if cursor >= area.maxX { continue }
            if cursor < area.x {
                // The left half of a wide glyph is cut off: show its visible half as a space.
                if cursor + width > area.x {
                    put(.blank(style), column: area.x, row: row)
                }
                continue
            }
            if cursor + width > area.maxX {
                put(.blank(style), column: cursor, row: row)
                continue
            }
            put(Cell(grapheme: grapheme, width: UInt8(width), style: style), column: cursor, row: row)
        }
        return cursor
    }

    /// `write` for text that is all printable ASCII (most of what a view draws: names, IDs,
    /// numbers, borders' labels), or nil for any other text. Every byte is one cell of width
    /// one, so the cells are stored straight into the row; as in ``fill(_:style:grapheme:)``
    /// only the two edge cells can cut a wide glyph. Nil when a byte needs the general path.
    private mutating func writePrintableASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, column: Int, row: Int, style: Style, area: Rect
    ) -> Int? {
        for byte in bytes where byte &- 0x20 >= 0x5F { return nil }
        let first = max(column, area.x)
        let end = min(column + bytes.count, area.maxX)
        if first < end {
            breakWideGlyph(column: first, row: row)
            breakWideGlyph(column: end - 1, row: row)
            let base = row * width
            cells.withUnsafeMutableBufferPointer { cells in
                for place in first..<end {
                    cells[base + place] = Cell(grapheme: Self.asciiGraphemes[Int(bytes[place - column] - 0x20)], width: 1, style: style)
                }
            }
        }
        return column + bytes.count
    }

    /// " " through "~" as strings, made once: a small string built per cell was a visible
    /// part of a frame.
    private static let asciiGraphemes: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Writes a sequence of styled spans as one line; returns the column after the last one.
    @discardableResult
    public mutating func write(_ spans: [Span], column: Int, row: Int, clip: Rect? = nil) -> Int {
        var cursor = column
        for span in spans {
            cursor = write(span.text, column: cursor, row: row, style: span.style, clip: clip)
        }
        return cursor
    }

    /// Changes the style of every cell in `rect`, keeping the text (used for selection bars).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * width + column].style = style
            }
        }
    }

    /// Places a single cell, repairing any wide grapheme it overlaps so the grid's invariants
    /// hold. A width-2 cell also writes its continuation (the caller checked there is room).
    public mutating func put(_ cell: Cell, column: Int, row: Int) {
        guard column >= 0, column < width, row >= 0, row < height else { return }
        let span = max(1, Int(cell.width))
        for offset in 0..<span where column + offset < width {
            breakWideGlyph(column: column + offset, row: row)
        }
        if span == 2 && column + 1 >= width {
            cells[row * width + column] = .blank(cell.style)
            return
        }
        cells[row * width + column] = cell
        if span == 2 {
            cells[row * width + column + 1] = .continuation(cell.style)
        }
    }

    /// Before a cell is overwritten: if it is half of a wide glyph, turn the other half into
    /// a space so no orphan remains.
    private mutating func breakWideGlyph(column: Int, row: Int) {
        let index = row * width + column
        let existing = cells[index]
        if existing.isContinuation, column > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if existing.width == 2, column + 1 < width {
            cells[index + 1] = .blank(existing.style)
        }
    }
}

/// One terminal cell: a grapheme, how many columns it takes, and its style.
///
/// A two-column grapheme occupies a *lead* cell (width 2) followed by a *continuation* cell
/// (width 0, empty grapheme) that carries the same style. Painters skip continuations; diffs
/// and snapshots treat the pair as one glyph.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn here; empty for a continuation cell.
    public var grapheme: String
    /// 1 for ordinary cells, 2 for the lead of a wide grapheme, 0 for its continuation.
    public var width: UInt8
    public var style: Style

    public init(grapheme: String, width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the given style; what an empty screen is made of.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a wide grapheme.
    public static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}

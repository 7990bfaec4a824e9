import CNCursesW
import TerminalKit

/// What ncurses holds for one screen cell, read back with `mvwin_wch`; for the headless
/// adapter tests, which check that painting really reached ncurses' screen.
public struct ScreenCell: Hashable, Sendable {
    public var grapheme: String
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    /// ncurses colour numbers of the cell's pair (-1 = terminal default).
    public var foreground: Int32
    public var background: Int32
}

extension CursesTerminal {
    /// The cell at a position as ncurses stores it.
    @_spi(Testing)
    public func screenCell(column: Int, row: Int) -> ScreenCell? {
        guard let window = sb_stdscr() else { return nil }
        var cell = cchar_t()
        guard sb_mvwin_wch(window, Int32(row), Int32(column), &cell) != ERR else { return nil }
        return decode(cell)
    }

    /// A row's text as ncurses stores it, read with `win_wchnstr`.
    @_spi(Testing)
    public func screenRowText(_ row: Int) -> String {
        guard let window = sb_stdscr() else { return "" }
        let width = size.columns
        var cells = [cchar_t](repeating: cchar_t(), count: width + 1)
        guard sb_mvwin_wchnstr(window, Int32(row), 0, &cells, Int32(width)) != ERR else { return "" }
        return cells.prefix(width).map { decode($0).grapheme }.joined()
    }

    private func decode(_ cell: cchar_t) -> ScreenCell {
        var copy = cell
        var text = [wchar_t](repeating: 0, count: Int(sb_ccharw_max()) + 1)
        var attributes: attr_t = 0
        var pair: Int32 = 0
        _ = sb_getcchar(&copy, &text, &attributes, &pair)
        var scalars = String.UnicodeScalarView()
        for value in text.prefix(while: { $0 != 0 }) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { scalars.append(scalar) }
        }
        var foreground: Int32 = -1
        var background: Int32 = -1
        if pair > 0 { _ = extended_pair_content(pair, &foreground, &background) }
        return ScreenCell(
            grapheme: String(scalars), bold: attributes & sb_a_bold() != 0,
            underline: attributes & sb_a_underline() != 0, reverse: attributes & sb_a_reverse() != 0,
            foreground: foreground, background: background)
    }
}

import CNCursesW
import TerminalKit

/// Maps ``Color`` values to ncurses colour numbers and (foreground, background) pairs.
///
/// Pairs come from a cache over `init_extended_pair` (int pair numbers, so all 65,536 pairs of
/// xterm-256color are usable, unlike `init_pair`'s `short`). Palette entries are never
/// redefined with `init_color`: that would rewrite the user's terminal palette. RGB is mapped to
/// the nearest palette index in Swift (TerminalKit's degradation) unless the terminal is a
/// direct-colour one (`TERM=xterm-direct`), where colour numbers are 24-bit values.
struct CursesColors {
    let depth: ColorDepth
    /// Whether `use_default_colors` succeeded, so -1 means the terminal's own colour.
    let usesDefaultColors: Bool
    /// Set when pair numbers ran out and were recycled; the caller repaints fully.
    var exhaustedPairs = false
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(depth: ColorDepth, usesDefaultColors: Bool = true) {
        self.depth = depth
        self.usesDefaultColors = usesDefaultColors
    }

    /// The pair number for a foreground/background combination (0 = terminal default).
    mutating func pair(foreground: Color, background: Color) -> Int32 {
        guard depth != .none else { return 0 }
        let key = PairKey(
            foreground: number(for: foreground, isForeground: true),
            background: number(for: background, isForeground: false))
        if key.foreground == -1 && key.background == -1 && usesDefaultColors { return 0 }
        if let existing = pairs[key] { return existing }
        if nextPair >= sb_color_pairs() {
            reset_color_pairs()
            pairs.removeAll()
            nextPair = 1
            exhaustedPairs = true
        }
        let pair = nextPair
        guard init_extended_pair(pair, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    /// The ncurses colour number for a colour at this terminal's depth.
    func number(for color: Color, isForeground: Bool) -> Int32 {
        let degraded = color.degraded(to: depth)
        switch degraded {
        case .default:
            if usesDefaultColors { return -1 }
            return isForeground ? 7 : 0
        case .ansi(let index):
            if depth == .truecolor && index >= 8 { return Self.direct(ColorPalette.ansi[Int(index)]) }
            return sb_colors() >= 16 ? Int32(index) : Int32(index % 8)
        case .indexed(let index):
            if depth == .truecolor { return Self.direct(ColorPalette.rgb(ofIndex: index)) }
            return Int32(index)
        case .rgb(let red, let green, let blue):
            return Self.direct(RGB(red, green, blue))
        }
    }

    /// A direct-colour terminal's colour number. Values below 8 would be read as ANSI
    /// colours, so near-black is nudged to 8 (#000008), indistinguishable from black.
    static func direct(_ rgb: RGB) -> Int32 {
        let value = Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
        return max(8, value)
    }
}

/// Degrading colours to what a terminal can show.
///
/// The chain is truecolor → 256 (nearest entry of the xterm 6×6×6 cube or its 24-step grey
/// ramp) → 16 (nearest of the standard xterm ANSI palette) → none. Distances use the
/// "redmean" approximation of perceived difference, which keeps dark blues from collapsing into
/// black the way plain Euclidean RGB distance does.
extension Color {
    /// This colour as a terminal of `depth` can show it. Never returns a colour richer than
    /// `depth`; `.default` stays `.default` at every depth.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.default, _), (_, .none):
            return .default
        case (.ansi, _):
            return self
        case (.indexed(let index), _):
            if index < 16 { return .ansi(index) }
            return depth >= .indexed256 ? self : .ansi(ColorPalette.nearestANSI(to: ColorPalette.rgb(ofIndex: index)))
        case (.rgb(let red, let green, let blue), .truecolor):
            return .rgb(red, green, blue)
        case (.rgb(let red, let green, let blue), .indexed256):
            return .indexed(ColorPalette.nearestIndex(to: RGB(red, green, blue)))
        case (.rgb(let red, let green, let blue), .ansi16):
            let index = ColorPalette.nearestIndex(to: RGB(red, green, blue))
            return .ansi(ColorPalette.nearestANSI(to: ColorPalette.rgb(ofIndex: index)))
        }
    }

    /// The approximate RGB value this colour shows on a stock xterm; `nil` for `.default`,
    /// whose real value only the terminal knows.
    public var approximateRGB: RGB? {
        switch self {
        case .default: return nil
        case .ansi(let index): return ColorPalette.ansi[Int(index & 15)]
        case .indexed(let index): return ColorPalette.rgb(ofIndex: index)
        case .rgb(let red, let green, let blue): return RGB(red, green, blue)
        }
    }
}

/// A plain 24-bit colour value used by the palette arithmetic.
public struct RGB: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Perceptual-ish squared distance ("redmean"): cheap, and much closer to what eyes see
    /// than unweighted Euclidean distance.
    public func distanceSquared(to other: RGB) -> Int {
        let meanRed = (Int(red) + Int(other.red)) / 2
        let deltaRed = Int(red) - Int(other.red)
        let deltaGreen = Int(green) - Int(other.green)
        let deltaBlue = Int(blue) - Int(other.blue)
        return ((512 + meanRed) * deltaRed * deltaRed) >> 8 + 4 * deltaGreen * deltaGreen
            + ((767 - meanRed) * deltaBlue * deltaBlue) >> 8
    }
}

/// The xterm default palette, the reference for every degradation.
public enum ColorPalette {
    /// xterm's default values for the 16 ANSI colours.
    public static let ansi: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The six channel levels of the 6×6×6 colour cube (indexes 16–231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a 256-colour palette index.
    public static func rgb(ofIndex index: UInt8) -> RGB {
        switch index {
        case 0..<16:
            return ansi[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return RGB(level, level, level)
        }
    }

    /// The nearest index in 16…255 (cube or grey ramp). The 16 ANSI entries are skipped on
    /// purpose: users redefine them, so they are not a reliable target for an exact RGB.
    public static func nearestIndex(to color: RGB) -> UInt8 {
        let cube = RGB(
            cubeLevels[nearestCubeLevel(color.red)],
            cubeLevels[nearestCubeLevel(color.green)],
            cubeLevels[nearestCubeLevel(color.blue)])
        let cubeIndex =
            16 + 36 * nearestCubeLevel(color.red) + 6 * nearestCubeLevel(color.green)
            + nearestCubeLevel(color.blue)
        let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyLevel = UInt8(8 + 10 * greyStep)
        let grey = RGB(greyLevel, greyLevel, greyLevel)
        if grey.distanceSquared(to: color) < cube.distanceSquared(to: color) {
            return UInt8(232 + greyStep)
        }
        return UInt8(cubeIndex)
    }

    /// The nearest of the 16 ANSI colours.
    public static func nearestANSI(to color: RGB) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in ansi.enumerated() {
            let distance = candidate.distanceSquared(to: color)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return UInt8(best)
    }

    private static func nearestCubeLevel(_ channel: UInt8) -> Int {
        // Thresholds are the midpoints between successive cube levels.
        switch channel {
        case 0..<48: return 0
        case 48..<115: return 1
        case 115..<155: return 2
        case 155..<195: return 3
        case 195..<235: return 4
        default: return 5
        }
    }
}

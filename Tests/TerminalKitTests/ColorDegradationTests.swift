import Testing

@testable import TerminalKit

@Suite("Colour degradation")
struct ColorDegradationTests {
    @Test(
        "RGB to the nearest 256-colour entry",
        arguments: [
            (Color.rgb(255, 0, 0), Color.indexed(196)), (.rgb(0, 0, 0), .indexed(16)),
            (.rgb(255, 255, 255), .indexed(231)), (.rgb(128, 128, 128), .indexed(244)),
            (.rgb(0x5f, 0xaf, 0xff), .indexed(75)), (.rgb(0x30, 0x30, 0x30), .indexed(236)),
            (.rgb(0x00, 0x5f, 0x87), .indexed(24)),
        ])
    func to256(color: Color, expected: Color) {
        #expect(color.degraded(to: .indexed256) == expected)
    }

    @Test(
        "RGB and 256-colour entries to the 16 ANSI colours",
        arguments: [
            (Color.rgb(255, 0, 0), Color.ansi(9)), (.rgb(0, 0, 0), .ansi(0)), (.rgb(255, 255, 255), .ansi(15)),
            (.indexed(244), .ansi(8)), (.indexed(4), .ansi(4)), (.indexed(46), .ansi(10)),
            (.rgb(0xaf, 0xd7, 0xff), .ansi(7)), (.ansi(3), .ansi(3)),
        ])
    func to16(color: Color, expected: Color) {
        #expect(color.degraded(to: .ansi16) == expected)
    }

    @Test("truecolor keeps RGB; nothing survives none; default is never degraded")
    func extremes() {
        #expect(Color.rgb(1, 2, 3).degraded(to: .truecolor) == .rgb(1, 2, 3))
        for color in [Color.rgb(1, 2, 3), .indexed(200), .ansi(5), .default] {
            #expect(color.degraded(to: .none) == .default)
        }
        for depth in ColorDepth.allCases { #expect(Color.default.degraded(to: depth) == .default) }
        #expect(Color.indexed(7).degraded(to: .indexed256) == .ansi(7))
    }

    @Test("palette index arithmetic")
    func palette() {
        #expect(ColorPalette.rgb(ofIndex: 16) == RGB(0, 0, 0))
        #expect(ColorPalette.rgb(ofIndex: 231) == RGB(255, 255, 255))
        #expect(ColorPalette.rgb(ofIndex: 232) == RGB(8, 8, 8))
        #expect(ColorPalette.rgb(ofIndex: 255) == RGB(238, 238, 238))
        #expect(ColorPalette.rgb(ofIndex: 75) == RGB(0x5f, 0xaf, 0xff))
    }

    @Test("depth detection honours NO_COLOR, terminfo and COLORTERM")
    func detect() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "1"], colors: 256) == ColorDepth.none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], colors: 256) == .indexed256)
        #expect(ColorDepth.detect(environment: [:], colors: 8) == .ansi16)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], colors: 256) == .truecolor)
        #expect(ColorDepth.detect(environment: [:], colors: 0x100_0000) == .truecolor)
        #expect(ColorDepth.detect(environment: [:], colors: 0) == ColorDepth.none)
        #expect(ColorDepth(argument: "never") == ColorDepth.none)
        #expect(ColorDepth(argument: "256") == .indexed256)
        #expect(ColorDepth(argument: "auto") == nil)
    }

    @Test("colour names are stable for snapshots")
    func names() {
        #expect(Color.rgb(0x5f, 0xaf, 0xff).name == "#5fafff")
        #expect(Color.ansi(12).name == "brightBlue")
        #expect(Color.indexed(75).name == "75")
        #expect(Color(ansiName: "brightWhite") == .ansi(15))
        #expect(Color(ansiName: "purple") == nil)
    }
}

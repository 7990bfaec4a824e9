import Testing

@testable import TerminalKit

@Suite("Key decoder")
struct KeyDecoderTests {
    func decode(_ text: String) -> [Key] {
        KeyDecoder.decode(Array(text.utf8))
    }

    @Test(
        "sequences from common terminals",
        arguments: [
            ("q", Key.char("q")), ("é", .char("é")), ("漢", .char("漢")), ("\u{1B}", .escape), ("\r", .enter),
            ("\n", .enter), ("\t", .tab), ("\u{7F}", .backspace), ("\u{8}", .backspace), ("\u{10}", .ctrl("p")),
            ("\u{13}", .ctrl("s")), ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right),
            ("\u{1B}[D", .left), ("\u{1B}OA", .up), ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home),
            ("\u{1B}[4~", .end), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete),
            ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)), ("\u{1B}[15~", .function(5)),
            ("\u{1B}[24~", .function(12)), ("\u{1B}[1;5A", .up), (" ", .char(" ")),
        ])
    func single(input: String, expected: Key) {
        #expect(decode(input) == [expected])
    }

    @Test("mouse reports (SGR 1006)")
    func mouse() {
        #expect(decode("\u{1B}[<0;10;5M") == [.mouse(MouseEvent(action: .press(.left), column: 9, row: 4))])
        #expect(decode("\u{1B}[<0;10;5m") == [.mouse(MouseEvent(action: .release, column: 9, row: 4))])
        #expect(decode("\u{1B}[<2;1;1M") == [.mouse(MouseEvent(action: .press(.right), column: 0, row: 0))])
        #expect(decode("\u{1B}[<64;3;4M") == [.mouse(MouseEvent(action: .scrollUp, column: 2, row: 3))])
        #expect(decode("\u{1B}[<65;3;4M") == [.mouse(MouseEvent(action: .scrollDown, column: 2, row: 3))])
        #expect(decode("\u{1B}[<32;3;4M") == [.mouse(MouseEvent(action: .drag(.left), column: 2, row: 3))])
    }

    @Test("several keys in one read, including an escape sequence in the middle")
    func sequence() {
        #expect(decode("j\u{1B}[Bk/") == [.char("j"), .down, .char("k"), .char("/")])
        #expect(decode("\u{1B}\u{1B}[A") == [.escape, .up])
        #expect(decode("\u{1B}x") == [.escape, .char("x")])
    }

    @Test("bytes split across reads are reassembled; a lone Esc waits for the timeout")
    func streaming() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, 0x5B]).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.feed([0x41]) == [.up])
        #expect(decoder.feed([0xE6, 0xBC]).isEmpty)
        #expect(decoder.feed([0xA2]) == [.char("漢")])
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPending)
    }

    @Test("malformed input never traps and becomes U+FFFD or nothing")
    func malformed() {
        #expect(KeyDecoder.decode([0xFF]) == [.char("\u{FFFD}")])
        #expect(KeyDecoder.decode([0xC3, 0x41]) == [.char("\u{FFFD}"), .char("A")])
        #expect(KeyDecoder.decode([0xE0, 0x80, 0x80]) == [.char("\u{FFFD}")])
        #expect(KeyDecoder.decode([0xED, 0xA0, 0x80]) == [.char("\u{FFFD}")])
        #expect(KeyDecoder.decode(Array("\u{1B}[99~".utf8)).isEmpty)
        #expect(KeyDecoder.decode(Array("\u{1B}[<1;2M".utf8)).isEmpty)
    }

    @Test("random bytes: no trap, bounded buffering")
    func fuzz() {
        var generator = SeededGenerator(seed: 42)
        var decoder = KeyDecoder()
        for _ in 0..<3000 {
            let count = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<count).map { _ -> UInt8 in
                // Bias towards the interesting bytes.
                let pick = Int.random(in: 0..<10, using: &generator)
                switch pick {
                case 0: return 0x1B
                case 1: return UInt8(ascii: "[")
                case 2: return UInt8(ascii: "<")
                case 3: return UInt8(ascii: ";")
                default: return UInt8.random(in: 0...255, using: &generator)
                }
            }
            _ = decoder.feed(bytes)
        }
        _ = decoder.flush()
        #expect(!decoder.hasPending)
    }

    @Test("display names used in hints")
    func names() {
        #expect(Key.ctrl("p").displayName == "ctrl+p")
        #expect(Key.down.displayName == "↓")
        #expect(Key.down.asciiName == "down")
        #expect(Key.char(" ").displayName == "space")
        #expect(Key.function(5).displayName == "F5")
    }
}

import Foundation
import Testing

@testable import TerminalKit

/// Inputs found by fuzzing the decoder (Fuzz/Sources/FuzzKeyDecoder): each once trapped or
/// stalled, and must now decode quickly to something harmless.
@Suite("Key decoder robustness")
struct KeyDecoderRobustnessTests {
    @Test("a mouse report with coordinates at Int's limits does not overflow")
    func extremeMouseCoordinates() {
        let keys = KeyDecoder.decode(Array("\u{1B}[<0;-9223372036854775808;9223372036854775807M".utf8))
        #expect(keys == [.mouse(MouseEvent(action: .press(.left), column: 0, row: Int(UInt16.max) - 1))])
        #expect(KeyDecoder.decode(Array("\u{1B}[<-9223372036854775808;1;-5m".utf8)).count == 1)
    }

    @Test("a large paste decodes in linear time")
    func largePaste() async {
        // On its own thread: a second of decoding must not hold a cooperative thread that the
        // timed webhook tests running in parallel need.
        let (count, last, pending, elapsed) = await withCheckedContinuation { continuation in
            Thread {
                let paste = [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024) + Array("\u{1B}[A".utf8)
                let clock = ContinuousClock()
                let start = clock.now
                var decoder = KeyDecoder()
                let keys = decoder.feed(paste)
                continuation.resume(returning: (keys.count, keys.last, decoder.hasPending, clock.now - start))
            }.start()
        }
        #expect(count == 256 * 1024 + 1)
        #expect(last == .up)
        #expect(!pending)
        // Quadratic removal took minutes here; linear takes about a second in a debug build.
        #expect(elapsed < .seconds(10))
    }

    @Test("bytes split anywhere decode as they do in one piece")
    func splitFeeding() {
        let text = Array("a\u{1B}[1;5Aé\u{1B}[<0;3;4M漢\u{1B}OP".utf8)
        for split in 1..<text.count {
            var decoder = KeyDecoder()
            let keys = decoder.feed(Array(text[..<split])) + decoder.feed(Array(text[split...])) + decoder.flush()
            #expect(keys == KeyDecoder.decode(text), "split at \(split)")
        }
    }
}

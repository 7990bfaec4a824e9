import SwitchboardIO
import Testing

/// The recovery prompt says "the files changed since" from these fingerprints: a change of
/// any byte, or a byte added or removed, must change the fingerprint.
@Suite("Content fingerprints")
struct ContentHashTests {
    @Test("every one-byte change, insertion and removal changes the fingerprint, at every length and position")
    func singleEdits() {
        var seen: Set<UInt64> = []
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            let original = ContentHash.fingerprint(bytes)
            seen.insert(original)
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(ContentHash.fingerprint(changed) != original, "flip at \(position) of \(length)")
                var removed = bytes
                removed.remove(at: position)
                #expect(ContentHash.fingerprint(removed) != original, "removal at \(position) of \(length)")
            }
            for position in 0...length {
                var inserted = bytes
                inserted.insert(0, at: position)
                #expect(ContentHash.fingerprint(inserted) != original, "zero inserted at \(position) of \(length)")
            }
        }
        #expect(seen.count == 41, "the 41 different inputs have 41 different fingerprints")
        #expect(ContentHash.fingerprint([]) != ContentHash.fingerprint([0]))
        #expect(ContentHash.hex(ContentHash.fingerprint(Array("x".utf8))).count == 16)
    }
}

import Testing

@testable import SwitchboardCore

/// The routing engine's hand-written fast paths must give exactly what the straightforward
/// code gave: the same room suffixes for a seed, the same addresses accepted and refused, the
/// same normalized numbers.
@Suite("Routing: fast paths agree with the plain code")
struct RoutingFastPathTests {
    @Test("room suffixes: the same draws as Int.random for a seed")
    func sameDraws() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        for bound in [1, 2, 3, 7, 57, 1000, Int(UInt32.max)] {
            for _ in 0..<2000 {
                #expect(GeneratedID.draw(below: bound, using: &a) == Int.random(in: 0..<bound, using: &b))
            }
        }
        var c = SeededGenerator(seed: 9)
        var d = SeededGenerator(seed: 9)
        let alphabet = GeneratedID.alphabet
        for _ in 0..<200 {
            let expected = String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &d)] })
            #expect(GeneratedID.suffix(using: &c) == expected)
        }
    }

    @Test("IPv4 parsing: the same verdicts as the splitting parser")
    func sameIPv4() {
        let samples = [
            "203.0.113.7", "0.0.0.0", "255.255.255.255", "256.1.1.1", "010.0.0.1", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3",
            "1.2.3.", "", "a.b.c.d", "1.2.3.4 ", "00.1.2.3", "0.10.200.9", "1.2.3.04", "1234.1.1.1", "+1.2.3.4", "1.2.3.٤",
        ]
        for sample in samples {
            #expect(IPAddress.parseIPv4(Substring(sample)) == IPAddress.parseIPv4Splitting(Substring(sample)), "\(sample)")
        }
    }

    @Test("number normalization: the same results as before")
    func sameNormalization() {
        func reference(_ number: String) -> String {
            guard !number.isEmpty else { return number }
            var digits = ""
            var first = true
            var sawDigit = false
            for b in number.utf8 {
                defer { first = false }
                switch b {
                case UInt8(ascii: "+") where first: continue
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits.unicodeScalars.append(Unicode.Scalar(b))
                    sawDigit = true
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): continue
                default: return number
                }
            }
            return sawDigit ? "+" + digits : number
        }
        let samples = [
            "+12005550100", "12005550100", "+1 (200) 555-0100", "(200) 555 0100", "+", "+-", "alice", "*", "tel:+1200", "00441234",
            "+1+2", "", " ", "+123456789012345678901234567890", "1-2", "+١٢٣",
        ]
        for sample in samples { #expect(PhoneNumber.normalize(sample) == reference(sample), "\(sample)") }
    }
}

/// LiveKit's ID format (`utils/guid`): a prefix and 12 characters of a 57-letter alphabet
/// without look-alikes (no `0 1 I O l`). Randomness is passed in, so a seed reproduces IDs.
public enum GeneratedID {
    public static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    /// `alphabet` as ASCII bytes: appending `Character`s cost more than the random draws.
    static let alphabetBytes: [UInt8] = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    public static func suffix(using rng: inout some RandomNumberGenerator) -> String {
        // Twelve ASCII bytes fit a small string: no allocation. Same draws, same order.
        var bytes: (UInt64, UInt64) = (0, 0)
        let count = alphabetBytes.count
        return withUnsafeMutableBytes(of: &bytes) { buffer in
            for i in 0..<12 { buffer[i] = alphabetBytes[draw(below: count, using: &rng)] }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[0..<12]), as: UTF8.self)
        }
    }

    /// `Int.random(in: 0..<bound, using: &rng)`, the standard library's algorithm (Lemire's
    /// multiply-and-reject over `next()`) written out: the same numbers from the same
    /// generator, without the generic detour that dominated a room name's cost.
    static func draw(below bound: Int, using rng: inout some RandomNumberGenerator) -> Int {
        let upper = UInt64(bound)
        var m = rng.next().multipliedFullWidth(by: upper)
        if m.low < upper {
            let t = (0 &- upper) % upper
            while m.low < t { m = rng.next().multipliedFullWidth(by: upper) }
        }
        return Int(m.high)
    }

    public static func trunk(using rng: inout some RandomNumberGenerator) -> String { "ST_" + suffix(using: &rng) }
    public static func rule(using rng: inout some RandomNumberGenerator) -> String { "SDR_" + suffix(using: &rng) }
    public static func call(using rng: inout some RandomNumberGenerator) -> String { "SCL_" + suffix(using: &rng) }
}

/// A small, fast, seedable generator (SplitMix64) so `--seed N` gives the same IDs and room
/// suffixes on every machine and every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

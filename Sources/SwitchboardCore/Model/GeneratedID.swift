/// LiveKit's ID format (`utils/guid`): a prefix and 12 characters of a 57-letter alphabet
/// without look-alikes (no `0 1 I O l`). Randomness is passed in, so a seed reproduces IDs.
public enum GeneratedID {
    public static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    public static func suffix(using rng: inout some RandomNumberGenerator) -> String {
        var out = ""
        out.reserveCapacity(12)
        for _ in 0..<12 { out.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]) }
        return out
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

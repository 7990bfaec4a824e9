import Foundation
import Testing

/// The short fuzz run in CI.
///
/// The libFuzzer build of `Fuzz/` (release, `-sanitize=fuzzer,address`) compiles every
/// dependency again with instrumentation, which costs more of CI's budget than it is worth for
/// a few seconds of fuzzing (see Fuzz/README.md for the numbers). Instead the harness files
/// themselves (`Harnesses/` holds symbolic links to `Fuzz/Sources/*/Fuzz*.swift`) are compiled
/// into this test target, against the modules `swift test` built anyway, and each harness's
/// entry function is run over its committed seeds and over seeded random mutations of them.
/// No coverage guidance and no AddressSanitizer — but every trap (a bounds check, an overflow,
/// a forced unwrap) still stops the run, and a harness that no longer compiles (an API changed
/// under it) now breaks the main build instead of only the fuzz build.
///
/// `FUZZ_REPLAY_MUTATIONS` changes the number of mutated inputs per target (default 1,500).
@Suite("Fuzz harnesses over their seeds and mutations")
struct FuzzReplayTests {
    typealias Harness = @Sendable (UnsafePointer<UInt8>, Int) -> CInt

    static let harnesses: [(String, Harness)] = [
        ("FuzzWorkspaceLoader", { fuzzWorkspaceLoader($0, $1) }),
        ("FuzzWebhookReply", { fuzzWebhookReply($0, $1) }),
        ("FuzzMockScript", { fuzzMockScript($0, $1) }),
        ("FuzzScenarios", { fuzzScenarios($0, $1) }),
        ("FuzzTheme", { fuzzTheme($0, $1) }),
        ("FuzzKeyDecoder", { fuzzKeyDecoder($0, $1) }),
    ]

    static let seedsRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Fuzz/Seeds")
    }()

    static var mutationsPerTarget: Int {
        ProcessInfo.processInfo.environment["FUZZ_REPLAY_MUTATIONS"].flatMap(Int.init) ?? 1500
    }

    @Test("every harness runs over its seeds and mutations of them", arguments: harnesses.map(\.0))
    func replay(_ name: String) throws {
        let index = try #require(Self.harnesses.firstIndex { $0.0 == name })
        let harness = Self.harnesses[index].1
        let seeds = try Self.seeds(of: name)
        #expect(!seeds.isEmpty, "no seeds in Fuzz/Seeds/\(name)")
        for seed in seeds { Self.run(harness, seed) }
        var generator = SplitMix64(seed: UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
        let mutator = Mutator(seeds: seeds)
        for _ in 0..<Self.mutationsPerTarget {
            Self.run(harness, mutator.next(using: &generator))
        }
    }

    @Test("the mutator is deterministic and keeps inputs small")
    func mutatorIsDeterministic() {
        let seeds: [[UInt8]] = [Array("{\"trunks\": []}".utf8), Array("name = \"x\"".utf8)]
        func sample() -> [[UInt8]] {
            var generator = SplitMix64(seed: 42)
            let mutator = Mutator(seeds: seeds)
            return (0..<200).map { _ in mutator.next(using: &generator) }
        }
        let first = sample()
        #expect(first == sample())
        #expect(first.allSatisfy { $0.count <= Mutator.maxLength })
        #expect(Set(first).count > 100, "mutations differ from each other")
    }

    static func seeds(of target: String) throws -> [[UInt8]] {
        let directory = seedsRoot.appendingPathComponent(target)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return try names.map { Array(try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    static func run(_ harness: Harness, _ input: [UInt8]) {
        // libFuzzer never passes a null pointer, even for an empty input.
        var bytes = input
        bytes.append(0)
        _ = bytes.withUnsafeBufferPointer { harness($0.baseAddress!, input.count) }
    }
}

/// A small libFuzzer-like mutator: bit flips, interesting bytes, inserted tokens, erased,
/// duplicated and spliced ranges, one to four of them per input.
struct Mutator {
    static let maxLength = 8192
    static let interestingBytes: [UInt8] = [
        0x00, 0xFF, 0x7F, 0x80, 0xC3, 0x1B, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x0A, 0x0D, 0x23, 0x3D, 0x2D,
        0x30, 0x39,
    ]
    static let tokens: [[UInt8]] = [
        "null", "true", "false", "-1", "0", "1e309", "-9223372036854775808", "18446744073709551616", "\"\"", "{}", "[]",
        "{\"a\":", "[[[[[[[[[[[[[[[[", "\\u0000", "\\ud800", "\\\"", "\u{1B}[", "\u{1B}[<0;1;1M", "\u{1B}[200~", "\n---\n",
        " = ", "#", "[roles]", "[elements]", "\"action\": \"transfer\"", "\"room_name\": \"\u{1B}[2J\"",
        "\"sipDispatchRuleId\": \"SDR_x\"", "\"sipTrunkId\": \"ST_x\"", "\"numbers\": [\"+1\"]", "\"30s\"", "é", "🎉",
    ].map { Array($0.utf8) }

    let seeds: [[UInt8]]

    init(seeds: [[UInt8]]) {
        self.seeds = seeds.isEmpty ? [[]] : seeds
    }

    func next(using generator: inout SplitMix64) -> [UInt8] {
        var bytes = seeds[Int(generator.next() % UInt64(seeds.count))]
        for _ in 0...Int(generator.next() % 4) { mutate(&bytes, using: &generator) }
        if bytes.count > Self.maxLength { bytes.removeLast(bytes.count - Self.maxLength) }
        return bytes
    }

    func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        func position(_ count: Int) -> Int { count == 0 ? 0 : Int(generator.next() % UInt64(count + 1)) }
        switch generator.next() % 7 {
        case 0 where !bytes.isEmpty:
            let index = position(bytes.count - 1)
            bytes[index] ^= UInt8(1) << UInt8(generator.next() % 8)
        case 1 where !bytes.isEmpty:
            bytes[position(bytes.count - 1)] = Self.interestingBytes[Int(generator.next() % UInt64(Self.interestingBytes.count))]
        case 2:
            bytes.insert(contentsOf: Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))], at: position(bytes.count))
        case 3 where !bytes.isEmpty:
            let start = position(bytes.count - 1)
            let end = min(bytes.count, start + 1 + Int(generator.next() % 64))
            bytes.removeSubrange(start..<end)
        case 4 where !bytes.isEmpty:
            let start = position(bytes.count - 1)
            let end = min(bytes.count, start + 1 + Int(generator.next() % 256))
            let copy = Array(bytes[start..<end])
            bytes.insert(contentsOf: copy, at: position(bytes.count))
        case 5:
            let other = seeds[Int(generator.next() % UInt64(seeds.count))]
            let cut = position(bytes.count)
            let otherCut = position(other.count)
            bytes = Array(bytes[..<cut]) + Array(other[otherCut...])
        default:
            if !bytes.isEmpty { bytes.removeLast(Int(generator.next() % UInt64(bytes.count))) }
        }
    }
}

/// A tiny seeded generator (SplitMix64), so a failing mutation is reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

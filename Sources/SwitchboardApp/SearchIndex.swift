#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text a list's live filter searches, for every item, packed into one byte buffer.
///
/// Built once per workspace. Each item's searchable fields (name, ID, numbers, room, URL…) are
/// lower-cased and joined with a NUL between fields, so a query never matches across two
/// fields. One contiguous buffer instead of 100,000 separate strings keeps the filter's scan
/// inside the CPU cache and lets `memchr`/`memcmp` do the matching: typing a letter into the filter of
/// 100,000 rules is a few milliseconds.
struct SearchIndex: Sendable {
    private let bytes: [UInt8]
    /// `starts[i]..<starts[i + 1]` is item `i`'s text.
    private let starts: [Int]

    init(_ fields: [[String]]) {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(fields.count + 1)
        for itemFields in fields {
            for field in itemFields where !field.isEmpty {
                bytes.append(contentsOf: field.lowercased().utf8)
                bytes.append(0)
            }
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The candidates (item positions) whose text contains `query`, case-insensitively, in the
    /// candidates' order. An empty query keeps every candidate.
    func filter(_ candidates: [Int], query: String) -> [Int] {
        let needle = Array(query.lowercased().utf8)
        guard !needle.isEmpty else { return candidates }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needleBuffer in
                candidates.filter { index in
                    let start = starts[index]
                    let length = starts[index + 1] - start
                    guard length >= needleBuffer.count, let base = haystack.baseAddress else { return false }
                    return Self.contains(base + start, length: length, needleBuffer)
                }
            }
        }
    }

    /// Substring search: `memchr` finds each candidate first byte, `memcmp` checks the rest.
    /// (`memmem` would do both, but it is a GNU extension Swift's Glibc module does not show.)
    private static func contains(
        _ haystack: UnsafePointer<UInt8>, length: Int, _ needle: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let needleBase = needle.baseAddress, let first = needle.first else { return true }
        let lastStart = length - needle.count
        var position = 0
        while position <= lastStart {
            guard let hit = memchr(haystack + position, Int32(first), lastStart - position + 1) else { return false }
            let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - haystack
            if memcmp(haystack + found, needleBase, needle.count) == 0 { return true }
            position = found + 1
        }
        return false
    }
}

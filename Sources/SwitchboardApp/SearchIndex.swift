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
    private var bytes: [UInt8]
    /// `starts[i]..<starts[i + 1]` is item `i`'s text.
    private var starts: [Int]
    /// Per item, which byte classes its text has (see `bit(of:)`): a query needs every class
    /// of its own bytes, so most items are refused from eight bytes without reading their
    /// text — and for a one-letter query the mask alone is the answer.
    private var masks: [UInt64]
    /// For every pair of byte classes seen next to each other in some item's text, a bitmap
    /// over the items that have it (`pairSlots` says where each pair's bitmap starts, -1 for
    /// a pair no item has). Single letters are common to most items, so after the first
    /// letter the byte masks let almost everything through; pairs are what tells "su" from
    /// "us". Kept pair by pair rather than item by item: the second letter of a filter reads
    /// one bitmap (12.5 KB for 100,000 items) instead of a filter per item, and as the classes
    /// of letters, digits and common separators are the bytes themselves, a two-letter query
    /// of those needs no text search at all.
    private var pairBitmaps: [UInt64]
    private var pairSlots: [Int32]
    /// Words of one bitmap: one bit per item.
    private var bitmapWords: Int
    /// How often each byte occurs in all the text: the substring search anchors on the query's
    /// rarest byte. Every rule's ID starts `sdr_`, so anchoring "su" on its `s` stopped at
    /// every ID, while `u` is rare.
    private var byteCounts: [Int]

    init(_ fields: [[String]]) {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var masks: [UInt64] = []
        starts.reserveCapacity(fields.count + 1)
        masks.reserveCapacity(fields.count)
        var pairSlots = [Int32](repeating: -1, count: Self.classCount * Self.classCount)
        var slotCount: Int32 = 0
        for itemFields in fields {
            let start = bytes.count
            for field in itemFields where !field.isEmpty {
                Self.appendLowercased(field, to: &bytes)
                bytes.append(0)
            }
            var mask: UInt64 = 0
            var previous: UInt8 = 0
            for i in start..<bytes.count {
                let byte = bytes[i]
                mask |= Self.bits[Int(byte)]
                // Pairs with a NUL (field boundaries) are not recorded: a query never matches
                // across fields.
                if previous != 0, byte != 0 {
                    let pair = Self.pairIndex(previous, byte)
                    if pairSlots[pair] < 0 {
                        pairSlots[pair] = slotCount
                        slotCount += 1
                    }
                }
                previous = byte
            }
            masks.append(mask)
            starts.append(bytes.count)
        }
        // A second pass sets the bits, into bitmaps allocated once at their final size.
        let bitmapWords = (fields.count + 63) / 64
        var pairBitmaps = [UInt64](repeating: 0, count: Int(slotCount) * bitmapWords)
        for item in 0..<fields.count {
            let word = item >> 6
            let bit = UInt64(1) << UInt64(item & 63)
            var previous: UInt8 = 0
            for i in starts[item]..<starts[item + 1] {
                let byte = bytes[i]
                if previous != 0, byte != 0 {
                    pairBitmaps[Int(pairSlots[Self.pairIndex(previous, byte)]) * bitmapWords + word] |= bit
                }
                previous = byte
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.masks = masks
        self.pairBitmaps = pairBitmaps
        self.pairSlots = pairSlots
        self.bitmapWords = bitmapWords
        var byteCounts = [Int](repeating: 0, count: 256)
        for byte in bytes { byteCounts[Int(byte)] += 1 }
        self.byteCounts = byteCounts
    }

    // MARK: Edits

    /// Item `item`'s text becomes that of `fields` (an edited item keeps its place).
    mutating func replace(_ item: Int, with fields: [String]) {
        let bit = UInt64(1) << UInt64(item & 63)
        for slot in pairSlots(of: item) { pairBitmaps[slot * bitmapWords + (item >> 6)] &= ~bit }
        let range = starts[item]..<starts[item + 1]
        for byte in bytes[range] { byteCounts[Int(byte)] -= 1 }
        let text = Self.text(fields)
        bytes.replaceSubrange(range, with: text)
        let delta = text.count - range.count
        if delta != 0 {
            for index in (item + 1)..<starts.count { starts[index] += delta }
        }
        masks[item] = Self.mask(text)
        added(item)
    }

    /// A new item at `item`; the items from there on move one place down.
    mutating func insert(_ fields: [String], at item: Int) {
        if count + 1 > bitmapWords * 64 { restride(bitmapWords + 1) }
        let text = Self.text(fields)
        shiftBitmaps(from: item, up: true)
        bytes.insert(contentsOf: text, at: starts[item])
        starts.insert(starts[item], at: item)
        for index in (item + 1)..<starts.count { starts[index] += text.count }
        masks.insert(Self.mask(text), at: item)
        added(item)
    }

    /// Removes item `item`; the items after it move one place up.
    mutating func remove(at item: Int) {
        let range = starts[item]..<starts[item + 1]
        for byte in bytes[range] { byteCounts[Int(byte)] -= 1 }
        bytes.removeSubrange(range)
        starts.remove(at: item)
        for index in item..<starts.count { starts[index] -= range.count }
        masks.remove(at: item)
        shiftBitmaps(from: item, up: false)
    }

    /// Counts the bytes of a new text at `item` and sets its pair bits, giving a pair no item
    /// had yet a bitmap of its own.
    private mutating func added(_ item: Int) {
        for byte in bytes[starts[item]..<starts[item + 1]] { byteCounts[Int(byte)] += 1 }
        var previous: UInt8 = 0
        for index in starts[item]..<starts[item + 1] {
            let byte = bytes[index]
            if previous != 0, byte != 0 {
                let pair = Self.pairIndex(previous, byte)
                if pairSlots[pair] < 0 {
                    pairSlots[pair] = Int32(pairBitmaps.count / max(1, bitmapWords))
                    pairBitmaps += [UInt64](repeating: 0, count: bitmapWords)
                }
                pairBitmaps[Int(pairSlots[pair]) * bitmapWords + (item >> 6)] |= UInt64(1) << UInt64(item & 63)
            }
            previous = byte
        }
    }

    /// The bitmap slot of every pair of item `item`'s text.
    private func pairSlots(of item: Int) -> [Int] {
        var out: [Int] = []
        var previous: UInt8 = 0
        for index in starts[item]..<starts[item + 1] {
            let byte = bytes[index]
            if previous != 0, byte != 0 { out.append(Int(pairSlots[Self.pairIndex(previous, byte)])) }
            previous = byte
        }
        return out
    }

    /// Moves every bitmap's bits from `item` on one place up (an insert, leaving `item`'s bit
    /// clear) or down (a removal, dropping `item`'s bit).
    private mutating func shiftBitmaps(from item: Int, up: Bool) {
        let words = bitmapWords
        guard words > 0 else { return }
        let first = item >> 6
        let bit = item & 63
        let low: UInt64 = bit == 0 ? 0 : UInt64.max >> UInt64(64 - bit)
        pairBitmaps.withUnsafeMutableBufferPointer { bitmaps in
            for base in stride(from: 0, to: bitmaps.count, by: words) {
                if up {
                    var carry: UInt64 = 0
                    for word in first..<words {
                        let old = bitmaps[base + word]
                        bitmaps[base + word] = word == first ? (old & low) | ((old & ~low) << 1) : (old << 1) | carry
                        carry = old >> 63
                    }
                } else {
                    for word in first..<words {
                        let old = bitmaps[base + word]
                        let next = word + 1 < words ? bitmaps[base + word + 1] : 0
                        bitmaps[base + word] = word == first ? (old & low) | ((old >> 1) & ~low) | (next << 63) : (old >> 1) | (next << 63)
                    }
                }
            }
        }
    }

    /// Gives every bitmap `words` words (room for more items).
    private mutating func restride(_ words: Int) {
        let slots = bitmapWords == 0 ? 0 : pairBitmaps.count / bitmapWords
        var wider = [UInt64](repeating: 0, count: slots * words)
        for slot in 0..<slots {
            for word in 0..<bitmapWords { wider[slot * words + word] = pairBitmaps[slot * bitmapWords + word] }
        }
        pairBitmaps = wider
        bitmapWords = words
    }

    /// An item's text: its non-empty fields lower-cased, each followed by a NUL.
    private static func text(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for field in fields where !field.isEmpty {
            appendLowercased(field, to: &out)
            out.append(0)
        }
        return out
    }

    private static func mask(_ text: [UInt8]) -> UInt64 {
        var mask: UInt64 = 0
        for byte in text { mask |= bits[Int(byte)] }
        return mask
    }

    /// A byte's class: its mask bit's number (`bit(of:)`), with the shared bit of every other
    /// byte as the last class.
    private static let classes: [UInt8] = (0...255).map {
        let bit = bit(of: UInt8($0)).trailingZeroBitCount
        return UInt8(bit == 63 ? classCount - 1 : bit)
    }
    /// a–z, 0–9, eight separators, and "any other byte".
    private static let classCount = 45

    private static func pairIndex(_ first: UInt8, _ second: UInt8) -> Int {
        Int(classes[Int(first)]) * classCount + Int(classes[Int(second)])
    }

    var count: Int { starts.count - 1 }

    /// `field.lowercased()`'s bytes; ASCII (IDs, numbers, most names) without building a
    /// lowered copy of the string first.
    static func appendLowercased(_ field: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        for byte in field.utf8 {
            guard byte < 0x80 else {
                bytes.removeSubrange(start...)
                bytes.append(contentsOf: field.lowercased().utf8)
                return
            }
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
    }

    /// `bit(of:)` for every byte, 0 for NUL (the field separator): building the index looks
    /// up each byte of every item's text.
    private static let bits: [UInt64] = (0...255).map { $0 == 0 ? 0 : bit(of: UInt8($0)) }

    /// The mask bit of a byte: one bit each for `a`–`z`, `0`–`9` and the common separators,
    /// one shared bit for every other byte (so that bit alone proves nothing).
    static func bit(of byte: UInt8) -> UInt64 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return 1 << UInt64(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 1 << UInt64(26 + byte - UInt8(ascii: "0"))
        case UInt8(ascii: " "): return 1 << 36
        case UInt8(ascii: "_"): return 1 << 37
        case UInt8(ascii: "-"): return 1 << 38
        case UInt8(ascii: "+"): return 1 << 39
        case UInt8(ascii: "."): return 1 << 40
        case UInt8(ascii: ":"): return 1 << 41
        case UInt8(ascii: "/"): return 1 << 42
        case UInt8(ascii: "@"): return 1 << 43
        default: return 1 << 63
        }
    }

    /// The candidates (item positions) whose text contains `query`, case-insensitively, in the
    /// candidates' order. An empty query keeps every candidate.
    func filter(_ candidates: [Int], query: String) -> [Int] {
        let needle = Array(query.lowercased().utf8)
        guard !needle.isEmpty else { return candidates }
        var need: UInt64 = 0
        // A NUL would match the separator between fields, which no mask records.
        for byte in needle { need |= byte == 0 ? 0 : Self.bit(of: byte) }
        if needle.contains(0) { need = 0 }
        // One byte with a bit of its own: having the bit is containing the byte.
        let maskDecides = needle.count == 1 && need != 1 << 63 && needle[0] != 0
        // The bitmaps of the query's pairs: an item must have every one.
        var slots: [Int] = []
        for (first, second) in zip(needle, needle.dropFirst()) where first != 0 && second != 0 {
            let slot = pairSlots[Self.pairIndex(first, second)]
            guard slot >= 0 else { return [] }
            if !slots.contains(Int(slot)) { slots.append(Int(slot)) }
        }
        // Two bytes with classes of their own: having the pair is containing the query.
        let pairDecides =
            needle.count == 2 && needle[0] != 0 && needle[1] != 0 && Self.bit(of: needle[0]) != 1 << 63
            && Self.bit(of: needle[1]) != 1 << 63
        let anchor = needle.indices.min { byteCounts[Int(needle[$0])] < byteCounts[Int(needle[$1])] } ?? 0
        var out: [Int] = []
        out.reserveCapacity(min(candidates.count, 1024))
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needleBuffer in
                masks.withUnsafeBufferPointer { masks in
                    starts.withUnsafeBufferPointer { starts in
                        pairBitmaps.withUnsafeBufferPointer { bitmaps in
                            guard let base = haystack.baseAddress else { return }
                            let bitmapBases = slots.map { $0 * bitmapWords }
                            candidates: for index in candidates where masks[index] & need == need {
                                if maskDecides {
                                    out.append(index)
                                    continue
                                }
                                let word = index >> 6
                                let bit = UInt64(1) << UInt64(index & 63)
                                for bitmap in bitmapBases where bitmaps[bitmap + word] & bit == 0 { continue candidates }
                                if pairDecides {
                                    out.append(index)
                                    continue
                                }
                                let start = starts[index]
                                let length = starts[index + 1] - start
                                if length >= needleBuffer.count, Self.contains(base + start, length: length, needleBuffer, anchor: anchor) {
                                    out.append(index)
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Substring search: `memchr` finds each place of the needle's `anchor` byte (its rarest),
    /// `memcmp` checks the whole needle around it. (`memmem` would do both, but it is a GNU
    /// extension Swift's Glibc module does not show.)
    private static func contains(
        _ haystack: UnsafePointer<UInt8>, length: Int, _ needle: UnsafeBufferPointer<UInt8>, anchor: Int
    ) -> Bool {
        guard let needleBase = needle.baseAddress, !needle.isEmpty else { return true }
        let lastStart = length - needle.count
        // Where the anchor byte may be: `anchor` bytes into every possible start.
        var position = anchor
        while position <= lastStart + anchor {
            guard let hit = memchr(haystack + position, Int32(needle[anchor]), lastStart + anchor - position + 1) else {
                return false
            }
            let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - haystack
            if memcmp(haystack + found - anchor, needleBase, needle.count) == 0 { return true }
            position = found + 1
        }
        return false
    }
}

/// Normalized numbers to ascending trunk positions, for the untraced routing path: one
/// open-addressing table whose slots hold the key, its hash and (for the usual single trunk)
/// the position itself. A lookup touches one slot's cache line; a `[String: [Int]]` touched
/// the key, the value and the value's array, three lines scattered over 10,000 trunks' worth
/// of memory.
struct NumberTable: Sendable {
    private struct Slot: Sendable {
        var key: String
        var hash: UInt64
        /// With `count == 1`, the position itself; otherwise where the positions start in `lists`.
        var start: Int32
        /// 0: an empty slot.
        var count: Int32
    }

    /// The positions listed under one key, in ascending order, without an array of its own.
    struct Positions: Sequence {
        fileprivate let single: Int32
        fileprivate let start: Int
        fileprivate let count: Int
        fileprivate let lists: [Int32]

        static let none = Positions(single: 0, start: 0, count: 0, lists: [])

        var isEmpty: Bool { count == 0 }

        func makeIterator() -> Iterator { Iterator(positions: self, offset: 0) }

        struct Iterator: IteratorProtocol {
            fileprivate let positions: Positions
            fileprivate var offset: Int

            mutating func next() -> Int? {
                guard offset < positions.count else { return nil }
                defer { offset += 1 }
                return positions.count == 1 ? Int(positions.single) : Int(positions.lists[positions.start + offset])
            }
        }
    }

    private let slots: [Slot]
    private let lists: [Int32]
    private let mask: Int

    /// `entries` maps each key to its positions, ascending and without duplicates.
    init(_ entries: [String: [Int]]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(key: "", hash: 0, start: 0, count: 0), count: capacity)
        var lists: [Int32] = []
        let mask = capacity - 1
        for (key, positions) in entries where !positions.isEmpty {
            let hash = Self.hash(key)
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i].count != 0 { i = (i + 1) & mask }
            if positions.count == 1 {
                slots[i] = Slot(key: key, hash: hash, start: Int32(positions[0]), count: 1)
            } else {
                slots[i] = Slot(key: key, hash: hash, start: Int32(lists.count), count: Int32(positions.count))
                lists += positions.map { Int32($0) }
            }
        }
        self.slots = slots
        self.lists = lists
        self.mask = mask
    }

    func positions(_ key: String) -> Positions {
        let hash = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i].count != 0 {
                if slots[i].hash == hash, slots[i].key == key {
                    return Positions(single: slots[i].start, start: Int(slots[i].start), count: Int(slots[i].count), lists: lists)
                }
                i = (i + 1) & mask
            }
            return .none
        }
    }

    /// The standard library's hash: equal strings (`==` compares canonically equivalent
    /// Unicode as equal) must land in the same slot, which a hash of the raw bytes does not
    /// promise.
    static func hash(_ key: String) -> UInt64 { UInt64(bitPattern: Int64(key.hashValue)) }
}

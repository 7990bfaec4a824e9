/// The position of each ID in a list (the first, when an ID repeats), kept up to date through
/// inserts and removals without hashing the IDs that move.
///
/// A dictionary from ID to position has to rewrite every entry after an insert or a removal
/// (half of 100,000 rule IDs hashed again per edit, on average). Here an ID maps to a *slot*
/// that never changes; slots map to positions in a plain array, which an edit renumbers with
/// integer writes only.
struct PositionIndex: Sendable {
    /// ID → slot.
    private var slots: [String: Int32]
    /// By position: the item's slot (-1 for a repeated ID, which has none).
    private var slotAt: [Int32]
    /// By slot: the position (-1 once removed; slots are not reused).
    private var positionOf: [Int32]

    init(_ ids: [String]) {
        var slots: [String: Int32] = [:]
        slots.reserveCapacity(ids.count)
        var slotAt: [Int32] = []
        slotAt.reserveCapacity(ids.count)
        var positionOf: [Int32] = []
        positionOf.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() {
            if slots[id] == nil {
                slots[id] = Int32(positionOf.count)
                slotAt.append(Int32(positionOf.count))
                positionOf.append(Int32(position))
            } else {
                slotAt.append(-1)
            }
        }
        self.slots = slots
        self.slotAt = slotAt
        self.positionOf = positionOf
    }

    /// Distinct IDs.
    var count: Int { slots.count }

    subscript(id: String) -> Int? {
        slots[id].map { Int(positionOf[Int($0)]) }
    }

    /// An item with a new ID (not in the list) at `position`.
    mutating func insert(_ id: String, at position: Int) {
        let slot = Int32(positionOf.count)
        positionOf.append(Int32(position))
        slots[id] = slot
        slotAt.insert(slot, at: position)
        renumber(from: position + 1)
    }

    /// Removes the item at `position`, whose ID is `id` (not repeated).
    mutating func remove(_ id: String, at position: Int) {
        let slot = slotAt.remove(at: position)
        slots[id] = nil
        if slot >= 0 { positionOf[Int(slot)] = -1 }
        renumber(from: position)
    }

    private mutating func renumber(from start: Int) {
        slotAt.withUnsafeBufferPointer { slotAt in
            positionOf.withUnsafeMutableBufferPointer { positionOf in
                for position in start..<slotAt.count where slotAt[position] >= 0 {
                    positionOf[Int(slotAt[position])] = Int32(position)
                }
            }
        }
    }
}

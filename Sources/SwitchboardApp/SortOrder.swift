import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a list is ordered; `s` cycles through the orders.
///
/// The default is the order of the files, which is how the user wrote them and how a diff of
/// the file reads. Ties always fall back to the ID, so every order is total and stable across
/// reloads, and selection-by-ID never flickers between equal items.
public enum SortOrder: String, CaseIterable, Sendable {
    case file
    case id
    case name
    case type

    /// Shown in the list's title: `Rules 11 · by name`.
    public var label: String {
        switch self {
        case .file: return "file order"
        case .id: return "by ID"
        case .name: return "by name"
        case .type: return "by type"
        }
    }

    public var next: SortOrder {
        let all = SortOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Workspace positions of every item of `kind`, in this order. O(n log n); the catalog
    /// computes each order once per workspace, in the background (`WorkspaceCatalog.order`),
    /// so a keystroke normally only looks it up.
    func positions(of kind: ItemKind, in workspace: Workspace) -> [Int] {
        let count = kind == .trunk ? workspace.trunks.count : workspace.rules.count
        switch self {
        case .file:
            return Array(0..<count)
        case .id:
            let ids = kind == .trunk ? workspace.trunks.map(\.id) : workspace.rules.map(\.id)
            return Self.sorted(keys: ids, ranks: nil)
        case .name:
            return Self.sorted(keys: names(of: kind, in: workspace), ranks: nil)
        case .type:
            let ranks: [Int] =
                kind == .trunk
                ? workspace.trunks.map { $0.isDefault ? 1 : 0 }
                : workspace.rules.map { Self.rank(of: $0.kind) }
            return Self.sorted(keys: names(of: kind, in: workspace), ranks: ranks)
        }
    }

    /// Positions `0..<keys.count` ordered by (rank, key, position), the comparison of
    /// `(ranks[i], keys[i], i) < …`. When every key is ASCII, `String`'s `<` is byte order,
    /// so the keys are compared as bytes from one buffer, first by their leading eight bytes
    /// packed in an integer: several times faster than comparing `String`s.
    static func sorted(keys: [String], ranks: [Int]?) -> [Int] {
        var all = Array(0..<keys.count)
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(keys.count + 1)
        var ascii = true
        for key in keys {
            bytes.append(contentsOf: key.utf8)
            starts.append(bytes.count)
        }
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        guard ascii else {
            if let ranks { return all.sorted { (ranks[$0], keys[$0], $0) < (ranks[$1], keys[$1], $1) } }
            return all.sorted { (keys[$0], $0) < (keys[$1], $1) }
        }
        // The first eight bytes, big-endian, zero-padded: integer order is byte order there.
        var prefixes = [UInt64](repeating: 0, count: keys.count)
        for i in 0..<keys.count {
            var prefix: UInt64 = 0
            for j in 0..<8 {
                let at = starts[i] + j
                prefix = prefix << 8 | UInt64(at < starts[i + 1] ? bytes[at] : 0)
            }
            prefixes[i] = prefix
        }
        let rankOf = ranks ?? []
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                prefixes.withUnsafeBufferPointer { prefixes in
                    rankOf.withUnsafeBufferPointer { ranks in
                        all.sort { a, b in
                            if !ranks.isEmpty, ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
                            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                            // Equal first eight bytes (zero padding included): compare the rest.
                            let la = starts[a + 1] - starts[a]
                            let lb = starts[b + 1] - starts[b]
                            let common = min(la, lb)
                            if common > 8, let base = bytes.baseAddress {
                                let order = memcmp(base + starts[a] + 8, base + starts[b] + 8, common - 8)
                                if order != 0 { return order < 0 }
                            }
                            if la != lb { return la < lb }
                            return a < b
                        }
                    }
                }
            }
        }
        return all
    }

    /// What this order compares for the item at `position` (then the position breaks ties):
    /// the same keys as `positions(of:in:)`, for one item.
    private func key(of kind: ItemKind, at position: Int, in workspace: Workspace) -> (rank: Int, key: String) {
        let id = kind == .trunk ? workspace.trunks[position].id : workspace.rules[position].id
        let name = kind == .trunk ? workspace.trunks[position].name : workspace.rules[position].name
        switch self {
        case .file: return (0, "")
        case .id: return (0, id)
        case .name: return (0, (name.isEmpty ? id : name).lowercased())
        case .type:
            let rank = kind == .trunk ? (workspace.trunks[position].isDefault ? 1 : 0) : Self.rank(of: workspace.rules[position].kind)
            return (rank, (name.isEmpty ? id : name).lowercased())
        }
    }

    /// Puts `position` into `order` (this order's positions of every other item) where a full
    /// sort would: a binary search, so an edit of one of 100,000 rules does not sort them again.
    /// For ASCII keys `String`'s `<` is the byte order `sorted(keys:ranks:)` uses.
    func insert(_ position: Int, into order: inout [Int], of kind: ItemKind, in workspace: Workspace) {
        let new = key(of: kind, at: position, in: workspace)
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            let other = key(of: kind, at: order[middle], in: workspace)
            if (other.rank, other.key, order[middle]) < (new.rank, new.key, position) { low = middle + 1 } else { high = middle }
        }
        order.insert(position, at: low)
    }

    private func names(of kind: ItemKind, in workspace: Workspace) -> [String] {
        kind == .trunk
            ? workspace.trunks.map { ($0.name.isEmpty ? $0.id : $0.name).lowercased() }
            : workspace.rules.map { ($0.name.isEmpty ? $0.id : $0.name).lowercased() }
    }

    /// Dynamic rules first (they are what this tool is about), then the static kinds, then rules
    /// missing their variant.
    static func rank(of kind: RuleKind?) -> Int {
        switch kind {
        case .dynamic: return 0
        case .direct: return 1
        case .individual: return 2
        case .callee: return 3
        case nil: return 4
        }
    }
}

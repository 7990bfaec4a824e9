/// A `map<string,string>` that remembers the order keys were written in, so attributes and
/// headers are shown and exported in the user's order rather than hash order.
public struct StringMap: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var pairs: [(key: String, value: String)]

    public init() { pairs = [] }

    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = []
        for (k, v) in elements { self[k] = v }
    }

    public init(_ pairs: [(String, String)]) {
        self.pairs = []
        // Exactly the room needed: appending one by one left room for twice as many pairs
        // in every rule's attributes.
        self.pairs.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// Room for `capacity` pairs without growing (routing adds its `sip.*` keys to a copy).
    public mutating func reserveCapacity(_ capacity: Int) { pairs.reserveCapacity(capacity) }

    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }
    public var keys: [String] { pairs.map(\.key) }

    public subscript(key: String) -> String? {
        get { pairs.first(where: { $0.key == key })?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// Sets `key` to `value` and moves it to the end: `self[key] = nil` then
    /// `self[key] = value` in one pass (routing sets its `sip.*` keys this way, per call).
    public mutating func setLast(_ key: String, _ value: String) {
        if let i = pairs.firstIndex(where: { $0.key == key }) { pairs.remove(at: i) }
        pairs.append((key, value))
    }

    /// Appends a pair whose key the caller knows is not in the map (no scan for it).
    mutating func appendAbsent(_ key: String, _ value: String) {
        assert(!pairs.contains { $0.key == key }, "appendAbsent: \(key) is already set")
        pairs.append((key, value))
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }

    public static func == (a: StringMap, b: StringMap) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for (k, v) in pairs {
            hasher.combine(k)
            hasher.combine(v)
        }
    }
}

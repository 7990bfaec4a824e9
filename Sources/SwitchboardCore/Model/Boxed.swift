/// An optional value kept behind one reference: 8 bytes in its owner whatever the value's
/// size, and nothing allocated while it is nil.
///
/// Why: a rule's `media` is 64 bytes inline and almost always absent; stored directly it took
/// those 64 bytes in every one of 100,000 rules. The box is never changed in place (a new
/// value makes a new box), so copies of the owner share it safely.
struct Boxed<Wrapped: Equatable & Sendable>: Equatable, Sendable {
    private final class Storage: Sendable {
        let value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }

    private var storage: Storage?

    init(_ value: Wrapped?) { storage = value.map(Storage.init) }

    var value: Wrapped? { storage?.value }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage === rhs.storage || lhs.value == rhs.value }
}

extension FieldCodec {
    /// This codec's reading and writing, over a boxed copy of its value.
    func boxed<W: Equatable & Sendable>() -> FieldCodec<Boxed<W>> where Value == W? {
        let inner = self
        let decode: @Sendable (JSONValue, JSONPath) throws(ModelError) -> Boxed<W> = { (value, path) throws(ModelError) in
            Boxed(try inner.decode(value, path))
        }
        let encode: @Sendable (Boxed<W>, NameStyle) -> JSONValue? = { value, names in inner.encode(value.value, names) }
        var matches: (@Sendable (Boxed<W>, JSONValue) -> Bool)?
        if let innerMatches = inner.matchesEncoding { matches = { value, json in innerMatches(value.value, json) } }
        var codec = FieldCodec<Boxed<W>>(
            decode: decode, encode: encode, zero: inner.zero, isStructured: inner.isStructured, matchesEncoding: matches)
        if let scan = inner.scan {
            codec = codec.scanning { c in
                guard let value = scan(&c) else { return nil }
                return Boxed<W>(value)
            }
        }
        if let stream = inner.stream {
            codec = codec.streaming { value, names, key, object, out in stream(value.value, names, key, &object, &out) }
        }
        return codec
    }
}

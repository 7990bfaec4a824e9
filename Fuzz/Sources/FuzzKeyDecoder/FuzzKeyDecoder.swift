import TerminalKit

/// The key-input decoder over arbitrary bytes, fed in chunks as a terminal delivers them (the
/// first byte picks the chunk size, so sequences are split at every place), with a flush at
/// the end as the escape timeout would. Every key must also have a printable label.
public func fuzzKeyDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let chunk = Int(data[0] % 8) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var decoder = KeyDecoder()
    var keys: [Key] = []
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + chunk, bytes.count)
        keys += decoder.feed(Array(bytes[offset..<end]))
        if data[0] & 0x80 != 0, decoder.hasPending { keys += decoder.flush() }
        offset = end
    }
    keys += decoder.flush()
    for key in keys { _ = (key.displayName, key.asciiName) }
    _ = KeyDecoder.decode(bytes)
    return 0
}

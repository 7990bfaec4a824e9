/// UTF-8 validation that says *where* the first bad byte is, which `String(validating:)`
/// cannot, so a user learns the line and column of a stray Latin-1 byte.
enum UTF8Validation {
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            // Configuration files are almost all ASCII: eight bytes at a time while they are.
            if i + 8 <= n, let base = bytes.baseAddress,
                UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
                continue
            }
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            if b0 & 0xE0 == 0xC0 {
                length = 2
                minimum = 0x80
            } else if b0 & 0xF0 == 0xE0 {
                length = 3
                minimum = 0x800
            } else if b0 & 0xF8 == 0xF0 {
                length = 4
                minimum = 0x10000
            } else {
                return i
            }
            guard i + length <= n else { return i }
            var scalar = UInt32(b0) & (0xFF >> (length + 1))
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(b & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}

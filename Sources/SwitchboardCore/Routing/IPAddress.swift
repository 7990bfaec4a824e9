/// An IPv4 or IPv6 address parsed the way Go's `netip.ParseAddr` reads one, which is what
/// LiveKit's `allowed_addresses` filter uses. Written here rather than borrowed from the
/// platform so the core stays free of system networking and behaves the same everywhere.
///
/// Accepted: dotted-quad IPv4 without leading zeros (`203.0.113.7`; `010.0.0.1` is refused,
/// as Go refuses it), IPv6 with `::` compression and an optional embedded IPv4 tail
/// (`::ffff:192.0.2.1`), and an IPv6 zone (`fe80::1%eth0`, zone kept but never matched by a
/// prefix, as in Go). An IPv4 address and its IPv4-mapped IPv6 form are different addresses
/// to Go, so they are here too.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Family: Sendable, Hashable {
        case v4
        case v6
    }

    public let family: Family
    /// 4 bytes for IPv4, 16 for IPv6, network order.
    public let bytes: [UInt8]
    /// The IPv6 zone after `%`, empty when none.
    public let zone: String

    public init?(_ text: String) {
        if let v4 = Self.parseIPv4(Substring(text)) {
            family = .v4
            bytes = v4
            zone = ""
            return
        }
        var body = Substring(text)
        var zone = ""
        if let percent = body.firstIndex(of: "%") {
            zone = String(body[body.index(after: percent)...])
            guard !zone.isEmpty else { return nil }
            body = body[..<percent]
        }
        guard let v6 = Self.parseIPv6(body) else { return nil }
        family = .v6
        bytes = v6
        self.zone = zone
    }

    public var bitCount: Int { bytes.count * 8 }

    public var description: String {
        switch family {
        case .v4: return bytes.map(String.init).joined(separator: ".")
        case .v6:
            let groups = stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            return groups.joined(separator: ":") + (zone.isEmpty ? "" : "%" + zone)
        }
    }

    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        // Byte by byte, without splitting: four decimal parts of one to three digits, no
        // leading zero, each at most 255. Anything else is not an IPv4 address.
        var value = 0
        var digits = 0
        var leadingZero = false
        var parts: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var part = 0
        for b in text.utf8 {
            if b == UInt8(ascii: ".") {
                guard digits > 0, part < 3 else { return nil }
                withUnsafeMutableBytes(of: &parts) { $0[part] = UInt8(value) }
                part += 1
                value = 0
                digits = 0
                continue
            }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            if digits == 0 { leadingZero = b == UInt8(ascii: "0") } else if leadingZero { return nil }
            digits += 1
            value = value * 10 + Int(b - UInt8(ascii: "0"))
            guard digits <= 3, value <= 255 else { return nil }
        }
        guard part == 3, digits > 0 else { return nil }
        return [parts.0, parts.1, parts.2, UInt8(value)]
    }

    /// The original splitting parser, kept for reference in tests of `parseIPv4`.
    static func parseIPv4Splitting(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(4)
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit) else { return nil }
            // Go rejects leading zeros: "010" could mean octal to other parsers.
            if part.count > 1, part.first == "0" { return nil }
            guard let value = UInt8(part) else { return nil }
            out.append(value)
        }
        return out
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard !text.isEmpty else { return nil }
        guard let gap = text.firstRange(of: "::") else {
            guard let all = parseGroups(text, allowIPv4Tail: true) else { return nil }
            return all.count == 16 ? all : nil
        }
        let rest = text[gap.upperBound...]
        // Only one `::` is allowed, and `:::` is not a gap followed by an empty group.
        guard !rest.contains("::"), !rest.hasPrefix(":") else { return nil }
        guard let head = parseGroups(text[..<gap.lowerBound], allowIPv4Tail: false),
            let tail = parseGroups(rest, allowIPv4Tail: true)
        else { return nil }
        // `::` stands for at least one group of zeros.
        guard head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }

    /// Colon-separated hex groups (possibly none), the last of which may be a dotted IPv4.
    private static func parseGroups(_ text: Substring, allowIPv4Tail: Bool) -> [UInt8]? {
        guard !text.isEmpty else { return [] }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        var out: [UInt8] = []
        for (index, group) in groups.enumerated() {
            if index == groups.count - 1, allowIPv4Tail, group.contains(".") {
                guard let v4 = parseIPv4(group) else { return nil }
                out += v4
                continue
            }
            guard (1...4).contains(group.count), let value = UInt16(group, radix: 16), group.allSatisfy(\.isHexDigit) else {
                return nil
            }
            out.append(UInt8(value >> 8))
            out.append(UInt8(value & 0xFF))
        }
        return out.count <= 16 ? out : nil
    }
}

/// A CIDR prefix (`198.51.100.0/24`, `2001:db8::/32`) as Go's `netip.ParsePrefix` reads it:
/// the address may have host bits set (`10.1.2.3/8` is the same network as `10.0.0.0/8`),
/// the length must be plain decimal within the family's size, and a zoned address is refused.
public struct IPPrefix: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let length: Int

    public init?(_ text: String) {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let lengthText = text[text.index(after: slash)...]
        guard let address = IPAddress(String(text[..<slash])), address.zone.isEmpty,
            !lengthText.isEmpty, lengthText.count <= 3, lengthText.allSatisfy(\.isASCIIDigit),
            lengthText.count == 1 || lengthText.first != "0",
            let length = Int(lengthText), length <= address.bitCount
        else { return nil }
        self.address = address
        self.length = length
    }

    /// True when `ip` is of the same family and its first `length` bits equal the prefix's.
    /// Zoned addresses never match, as in Go.
    public func contains(_ ip: IPAddress) -> Bool {
        guard ip.family == address.family, ip.zone.isEmpty else { return false }
        var remaining = length
        for index in 0..<address.bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if ip.bytes[index] & mask != address.bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    public var description: String { "\(address)/\(length)" }
}

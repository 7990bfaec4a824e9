/// Reads a webhook's `transfer_to` the way LiveKit's `TransferSIPParticipant` validates it
/// (livekit-routing.md 5.4): a `sip:`, `sips:` or `tel:` URI, optionally wrapped in `<>`. A bare
/// phone number is accepted too, as the proposal's own test sends one, and becomes
/// `tel:+digits` with a note saying so.
public enum TransferTarget {
    public struct Parsed: Sendable, Equatable {
        /// The target as the REFER would carry it: `sip:`/`sips:` kept as written (without
        /// `<>`), `tel:` unwrapped.
        public var uri: String
        /// Set when the target was rewritten (a bare number).
        public var note: String?
    }

    public static func parse(_ raw: String) -> Parsed? {
        var text = raw.trimmingASCIIWhitespace()
        if text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 {
            text = String(text.dropFirst().dropLast()).trimmingASCIIWhitespace()
        }
        let lower = text.lowercased()
        for scheme in ["sip:", "sips:", "tel:"] where lower.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            guard !rest.isEmpty, !rest.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) else { return nil }
            return Parsed(uri: scheme + rest, note: nil)
        }
        let normalized = PhoneNumber.normalize(text)
        guard normalized.hasPrefix("+"), normalized.dropFirst().allSatisfy(\.isASCIIDigit), normalized.count > 1 else { return nil }
        return Parsed(
            uri: "tel:" + normalized,
            note:
                "transfer_to \"\(raw)\" is a bare number; sent as \"tel:\(normalized)\" (LiveKit's transfer API wants a sip:, sips: or tel: URI)"
        )
    }

    public static let help = "a sip:, sips: or tel: URI (optionally in <>), or a phone number"
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

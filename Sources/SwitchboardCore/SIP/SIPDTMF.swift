/// DTMF digits carried in SIP INFO (the way a PIN reaches LiveKit's prompt when the caller's
/// phone does not send RFC 4733 events): `application/dtmf-relay` bodies (`Signal=5`,
/// `Duration=160`) and the bare `application/dtmf` digit.
public enum SIPDTMF {
    /// The longest PIN LiveKit's prompt collects; one more digit is a wrong PIN
    /// (livekit-routing.md 2.7).
    public static let pinLimit = 16

    /// The digit an INFO carries (`0`–`9`, `*`, `#`, `A`–`D`), or nil when it carries none.
    public static func digit(contentType: String?, body: [UInt8]) -> Character? {
        let type = (contentType ?? "").split(separator: ";").first.map { $0.sipTrimmed.lowercased() } ?? ""
        let text = String(decoding: body, as: UTF8.self)
        let value: Substring
        switch type {
        case "application/dtmf-relay":
            guard
                let line = text.split(whereSeparator: \.isNewline).first(where: {
                    $0.sipTrimmed.lowercased().hasPrefix("signal")
                }), let equals = line.firstIndex(of: "=")
            else { return nil }
            value = line[line.index(after: equals)...].sipTrimmed
        case "application/dtmf":
            value = Substring(text).drop(while: \.isWhitespace).prefix { !$0.isWhitespace }
        default:
            return nil
        }
        // Some phones send the event code (10 for *, 11 for #) instead of the character.
        switch value.uppercased() {
        case "10": return "*"
        case "11": return "#"
        case let one where one.count == 1 && "0123456789*#ABCD".contains(one): return one.first
        default: return nil
        }
    }
}

import SwitchboardCore

/// A `400` for a message that could not be read, when enough of it can be addressed (its Via,
/// From, To, Call-ID and CSeq lines): RFC 3261 section 21.4.1 with the reason in the phrase.
enum SIPBadRequest {
    static func response(to bytes: [UInt8], reason: String) -> [UInt8]? {
        let text = String(decoding: bytes.prefix(SIPParser.maxMessageBytes), as: UTF8.self)
        let lines = text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
        guard let first = lines.first, !first.hasPrefix("SIP/") else { return nil }  // never answer a response
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon].sipTrimmed)
            if ["via", "from", "to", "call-id", "cseq"].contains(SIPMessage.canonical(name)) {
                headers.append((name, String(line[line.index(after: colon)...].sipTrimmed)))
            }
        }
        let request = SIPMessage(start: .request(method: "X", uri: "x"), headers: headers)
        guard request.header("via") != nil, request.header("call-id") != nil, request.header("cseq") != nil else { return nil }
        let phrase = String(reason.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(100).map(Character.init))
        return request.response(400, "Bad Request (\(phrase))", toTag: nil).bytes
    }
}

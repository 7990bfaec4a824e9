/// Why a SIP message could not be read, in words a 400 reason phrase and a log line can carry.
public struct SIPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Reads SIP messages (RFC 3261 section 7): a start line, headers (folded continuation lines
/// joined, compact names kept as written), an empty line, and a body of exactly
/// Content-Length bytes. Over UDP a datagram is one message; over TCP `frameLength` says where
/// a message ends in the stream.
public enum SIPParser {
    /// Largest message read; anything longer is refused rather than buffered.
    public static let maxMessageBytes = 64 * 1024

    public static func parse(_ bytes: [UInt8]) throws(SIPParseError) -> SIPMessage {
        guard bytes.count <= maxMessageBytes else { throw SIPParseError("message larger than \(maxMessageBytes) bytes") }
        guard let split = headerEnd(bytes) else { throw SIPParseError("no empty line after the headers") }
        guard let head = String(validating: bytes[..<split.headEnd], as: UTF8.self) else {
            throw SIPParseError("headers are not UTF-8")
        }
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count == 1 { lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        guard let first = lines.first, !first.isEmpty else { throw SIPParseError("empty start line") }
        let start = try startLine(first)
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { throw SIPParseError("a continuation line before any header") }
                headers[headers.count - 1].value += " " + line.drop { $0 == " " || $0 == "\t" }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw SIPParseError("header line without a colon: \(visible(line))") }
            let name = line[..<colon].sipTrimmed
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.!%*+`'~".contains($0) }) else {
                throw SIPParseError("bad header name: \(visible(String(name)))")
            }
            headers.append((String(name), String(line[line.index(after: colon)...].sipTrimmed)))
        }
        var message = SIPMessage(start: start, headers: headers)
        let available = bytes.count - split.bodyStart
        if let length = message.header("content-length") {
            guard let count = Int(length.trimmingCharacters()), count >= 0 else {
                throw SIPParseError("Content-Length is not a number: \(visible(length))")
            }
            guard count <= available else { throw SIPParseError("Content-Length \(count) but only \(available) body bytes") }
            message.body = Array(bytes[split.bodyStart..<(split.bodyStart + count)])
        } else {
            message.body = Array(bytes[split.bodyStart...])
        }
        if message.method != nil {
            for required in ["via", "from", "to", "call-id", "cseq"] where message.header(required) == nil {
                throw SIPParseError(
                    "missing \(required == "call-id" ? "Call-ID" : required == "cseq" ? "CSeq" : required.capitalized) header")
            }
            guard message.cseq != nil else { throw SIPParseError("CSeq is not \"number METHOD\"") }
        }
        return message
    }

    /// On a stream: the length of the first complete message in `buffer`, nil when more bytes
    /// are needed. Throws when the headers can never end well (too long, bad Content-Length).
    public static func frameLength(_ buffer: [UInt8]) throws(SIPParseError) -> Int? {
        var start = 0
        // Keep-alive CRLFs between messages (RFC 5626) are skipped by the caller's count.
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
        guard let split = headerEnd(Array(buffer[start...])) else {
            if buffer.count - start > maxMessageBytes { throw SIPParseError("headers longer than \(maxMessageBytes) bytes") }
            return nil
        }
        let head = String(decoding: buffer[start..<(start + split.headEnd)], as: UTF8.self)
        var length = 0
        for line in head.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = SIPMessage.canonical(String(line[..<colon].sipTrimmed))
            if name == "content-length" {
                guard let n = Int(line[line.index(after: colon)...].sipTrimmed), n >= 0 else {
                    throw SIPParseError("Content-Length is not a number")
                }
                length = n
            }
        }
        let total = start + split.bodyStart + length
        guard total - start <= maxMessageBytes else { throw SIPParseError("message larger than \(maxMessageBytes) bytes") }
        return buffer.count >= total ? total : nil
    }

    static func headerEnd(_ bytes: [UInt8]) -> (headEnd: Int, bodyStart: Int)? {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A {
                if bytes[i + 1] == 0x0A { return (i, i + 2) }
            }
            if i + 3 < bytes.count, bytes[i] == 0x0D, bytes[i + 1] == 0x0A, bytes[i + 2] == 0x0D, bytes[i + 3] == 0x0A {
                return (i, i + 4)
            }
            i += 1
        }
        return nil
    }

    static func startLine(_ line: String) throws(SIPParseError) -> SIPMessage.StartLine {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        if parts.first == "SIP/2.0" {
            guard parts.count >= 2, let status = Int(parts[1]), (100...699).contains(status) else {
                throw SIPParseError("bad status line: \(visible(line))")
            }
            return .response(status: status, reason: parts.count > 2 ? parts[2] : "")
        }
        guard parts.count == 3, parts[2] == "SIP/2.0" else {
            throw SIPParseError("bad request line (expected METHOD URI SIP/2.0): \(visible(line))")
        }
        guard parts[0].allSatisfy({ $0.isUppercase || $0.isNumber }) else { throw SIPParseError("bad method: \(visible(parts[0]))") }
        return .request(method: parts[0], uri: parts[1])
    }

    /// Text from the wire, cut and with control characters made visible, for reasons and logs.
    static func visible(_ text: String) -> String {
        let cut = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return String(cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}

extension String {
    func trimmingCharacters() -> String { String(self[...].sipTrimmed) }
}

/// Everything that can go wrong talking to a LiveKit server, each as the one line a user
/// reads: what failed, where, and what would fix it. Secrets never appear in these.
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Missing or malformed URL, key or secret; nothing was sent.
    case configuration(String)
    /// The server could not be reached or did not answer in time (the transport's words).
    case unreachable(url: String, reason: String)
    /// The server answered with a Twirp error (`{"code": …, "msg": …}`).
    case twirp(method: String, status: Int, code: String, message: String)
    /// The server answered 200 with a body that is not the message expected.
    case badResponse(method: String, reason: String)

    public var description: String {
        switch self {
        case .configuration(let text): return text
        case .unreachable(let url, let reason): return "LiveKit server at \(url) is unreachable: \(reason)"
        case .twirp(let method, let status, let code, let message):
            let hint = Self.hint(code: code, status: status)
            let shown = message.isEmpty ? "" : ": \(message)"
            return "LiveKit server refused \(method) (HTTP \(status), \(code))\(shown)\(hint)"
        case .badResponse(let method, let reason): return "LiveKit server's answer to \(method) is not usable: \(reason)"
        }
    }

    /// What to check for the errors a user can fix on their side.
    static func hint(code: String, status: Int) -> String {
        switch code {
        case "unauthenticated":
            return " (check LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or --api-key/--api-secret)"
        case "permission_denied":
            return " (the API key needs the SIP admin grant)"
        case "bad_route":
            return " (is the URL a LiveKit server with the SIP service?)"
        default:
            return ""
        }
    }

    /// A non-200 answer read as Twirp reads errors: the JSON body's `code` and `msg`; a body
    /// that is not Twirp JSON (a proxy's HTML page) is described by its status instead.
    public static func twirp(method: String, status: Int, body: [UInt8]) -> ServerError {
        if case .object(let object)? = try? JSONParser.parse(body), let code = object["code"]?.stringValue {
            return .twirp(method: method, status: status, code: code, message: object["msg"]?.stringValue ?? "")
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return .twirp(
            method: method, status: status, code: status == 404 ? "bad_route" : "not a Twirp error",
            message: TerminalText.escaped(firstLine))
    }
}

/// Where the LiveKit server's API is: `LIVEKIT_URL` (or `--url`) made into the http(s) base
/// the Twirp endpoints hang off. `lk` and the server SDKs accept the WebSocket URL users copy
/// from the LiveKit console (`wss://project.livekit.cloud`) and swap the scheme: so do we.
public struct ServerAddress: Sendable, Equatable, CustomStringConvertible {
    /// `http://host:port[/path]` or `https://…`, without a trailing slash.
    public let base: String

    public init(_ url: String) throws(ServerError) {
        let trimmed = String(url.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !trimmed.isEmpty else {
            throw ServerError.configuration(
                "no LiveKit server URL: set LIVEKIT_URL or pass --url (for example --url wss://my-project.livekit.cloud)")
        }
        guard let colon = trimmed.range(of: "://") else {
            throw ServerError.configuration(
                "\"\(trimmed)\" is not a server URL: expected http://, https://, ws:// or wss:// followed by a host")
        }
        let scheme = trimmed[..<colon.lowerBound].lowercased()
        var rest = String(trimmed[colon.upperBound...])
        let mapped: String
        switch scheme {
        case "http", "ws": mapped = "http"
        case "https", "wss": mapped = "https"
        default:
            throw ServerError.configuration(
                "\"\(trimmed)\" has the scheme \"\(scheme)\": expected http://, https://, ws:// or wss://")
        }
        while rest.hasSuffix("/") { rest.removeLast() }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        guard !host.isEmpty else { throw ServerError.configuration("\"\(trimmed)\" names no host") }
        base = mapped + "://" + rest
    }

    /// `POST` target of a SIP service method: `{base}/twirp/livekit.SIP/{method}`.
    public func endpoint(_ method: String) -> String { base + "/twirp/livekit.SIP/" + method }

    public var description: String { base }
}

import ArgumentParser
import Foundation

/// `HOST:PORT` for a SIP endpoint (`[::1]:5060` for IPv6; port 0 picks a free one), as
/// `switchboard sip --listen` and the terminal UI's `--sip-listen` take it.
struct SIPListenAddress: ExpressibleByArgument, Sendable {
    var host: String
    var port: Int

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let port = Int(argument[argument.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        host = String(argument[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
    }

    /// The address put in Via and Contact of what the endpoint sends: a wildcard listen
    /// address is no address to reach, so loopback stands in.
    var advertised: String { host == "0.0.0.0" || host == "::" || host.isEmpty ? "127.0.0.1" : host }

    static var defaultValueDescription: String { "127.0.0.1:5060" }
}

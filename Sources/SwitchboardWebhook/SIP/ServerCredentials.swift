import Foundation
import SwitchboardCore

/// Where and as whom to reach the LiveKit server: `--url/--api-key/--api-secret`, else
/// `LIVEKIT_URL`, `LIVEKIT_API_KEY`, `LIVEKIT_API_SECRET` (the names `lk` reads). The secret
/// is held only to sign; `description` never shows it.
public struct ServerCredentials: Sendable, CustomStringConvertible {
    public let address: ServerAddress
    public let apiKey: String
    private let apiSecret: String

    public init(url: String?, apiKey: String?, apiSecret: String?, environment: [String: String]) throws(ServerError) {
        address = try ServerAddress(url ?? environment["LIVEKIT_URL"] ?? "")
        let key = apiKey ?? environment["LIVEKIT_API_KEY"] ?? ""
        let secret = apiSecret ?? environment["LIVEKIT_API_SECRET"] ?? ""
        guard !key.isEmpty else { throw .configuration("no API key: set LIVEKIT_API_KEY or pass --api-key") }
        guard !secret.isEmpty else { throw .configuration("no API secret: set LIVEKIT_API_SECRET or pass --api-secret") }
        self.apiKey = key
        self.apiSecret = secret
    }

    /// A fresh `sip.admin` access token, signed HS256 with the secret.
    public func accessToken(now: Date) -> String {
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        return HS256JWT.sign(AccessTokenClaims.sipAdmin(apiKey: apiKey, now: seconds), secret: apiSecret)
    }

    public var description: String { "\(address) as API key \(apiKey) (secret ****)" }
}

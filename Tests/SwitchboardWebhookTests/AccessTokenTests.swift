import Foundation
import SwitchboardCore
import SwitchboardWebhook
import Testing

/// The token pull, diff and push send LiveKit: HS256 over the API secret, issued by the API
/// key, the `sip.admin` grant, valid from now for ten minutes — decoded and its signature
/// recomputed here without the code under test.
@Suite("LiveKit server access token")
struct AccessTokenTests {
    static let key = "APIserverKey"
    static let secret = "server-secret-0123456789abcdef"

    @Test("an HS256 JWT with the sip.admin grant, issued by the key, expiring in ten minutes")
    func sipAdminToken() throws {
        let credentials = try ServerCredentials(
            url: "wss://example.livekit.cloud", apiKey: Self.key, apiSecret: Self.secret, environment: [:])
        let now = Date(timeIntervalSince1970: 1_700_000_000.75)
        let (header, claims) = try verifiedJWT(credentials.accessToken(now: now), secret: Self.secret)
        #expect(header["alg"] as? String == "HS256")
        #expect(claims["iss"] as? String == Self.key)
        #expect(claims["sub"] as? String == "switchboard")
        #expect((claims["sip"] as? [String: Any])?["admin"] as? Bool == true)
        #expect(claims["video"] == nil)
        #expect(claims["nbf"] as? Int == 1_700_000_000)
        #expect(claims["exp"] as? Int == 1_700_000_000 + 600)
    }

    @Test("the secret is never in the credentials' description; a token is shown masked")
    func secretHidden() throws {
        let credentials = try ServerCredentials(
            url: nil, apiKey: nil, apiSecret: nil,
            environment: ["LIVEKIT_URL": "ws://127.0.0.1:7880", "LIVEKIT_API_KEY": Self.key, "LIVEKIT_API_SECRET": Self.secret])
        #expect(credentials.address.base == "http://127.0.0.1:7880")
        #expect(!credentials.description.contains(Self.secret))
        #expect(credentials.description.contains("as API key \(Self.key)"))
        let token = credentials.accessToken(now: Date())
        #expect(AccessTokenClaims.masked(token) == String(token.prefix(8)) + "…(\(token.count) characters)")
    }

    @Test("no key or no secret: one line naming the variable and the option, before anything is sent")
    func missingCredentials() {
        #expect(throws: ServerError.configuration("no API secret: set LIVEKIT_API_SECRET or pass --api-secret")) {
            try ServerCredentials(url: "http://127.0.0.1:1", apiKey: Self.key, apiSecret: nil, environment: [:])
        }
        #expect(throws: ServerError.configuration("no API key: set LIVEKIT_API_KEY or pass --api-key")) {
            try ServerCredentials(url: "http://127.0.0.1:1", apiKey: nil, apiSecret: Self.secret, environment: [:])
        }
    }
}

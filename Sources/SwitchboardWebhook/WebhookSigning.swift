import Crypto
import Foundation
import SwitchboardCore

/// Signs webhook requests exactly as LiveKit signs its own webhooks (livekit-routing.md
/// section 6): an HS256 JWT keyed with the API secret, `iss` = API key, `iat` = `nbf` = now,
/// `exp` = now + 5 minutes, and `sha256` = standard base64 (with padding) of SHA-256 over the
/// exact body bytes. The header is the raw token, with no `Bearer ` prefix. A receiver that
/// already verifies LiveKit webhooks can verify these with the same code.
public struct JWTSigner: WebhookSigner {
    public let apiKey: String
    private let apiSecret: String
    private let now: @Sendable () -> Date

    /// How long a token is valid, as LiveKit's `URLNotifier` makes them.
    public static let validity: TimeInterval = 5 * 60

    public init(apiKey: String, apiSecret: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.now = now
    }

    public func authorization(forBody body: [UInt8]) -> String {
        token(forBody: body, issuedAt: now())
    }

    public func token(forBody body: [UInt8], issuedAt: Date) -> String {
        let seconds = Int64(issuedAt.timeIntervalSince1970.rounded(.down))
        let claims = JSONObject([
            JSONMember("exp", .number(JSONNumber(seconds + Int64(Self.validity)))),
            JSONMember("iss", .string(apiKey)),
            JSONMember("nbf", .number(JSONNumber(seconds))),
            JSONMember("iat", .number(JSONNumber(seconds))),
            JSONMember("sha256", .string(Self.bodyDigest(body))),
        ])
        return HS256JWT.sign(claims, secret: apiSecret)
    }

    /// Standard base64, with padding, of SHA-256 over the body (the empty string for `GET`).
    public static func bodyDigest(_ body: [UInt8]) -> String {
        Data(SHA256.hash(data: body)).base64EncodedString()
    }
}

/// The one HS256 JWT signer: webhook tokens and the server API's access tokens are both
/// `base64url(header).base64url(claims).base64url(HMAC-SHA256(secret, those two))`.
public enum HS256JWT {
    public static func sign(_ claims: JSONObject, secret: String) -> String {
        let header: JSONValue = .object(["alg": "HS256", "typ": "JWT"])
        let signingInput =
            Base64URL.encode(JSONWriter.bytes(header, style: .compact)) + "."
            + Base64URL.encode(JSONWriter.bytes(.object(claims), style: .compact))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return signingInput + "." + Base64URL.encode(mac)
    }
}

/// The API key and secret requests are signed with: the project's settings, or else the
/// `LIVEKIT_API_KEY` / `LIVEKIT_API_SECRET` environment variables (as the `lk` CLI uses them).
public enum APICredentials {
    public static func signer(
        settings: ProjectSettings, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> JWTSigner? {
        var key = settings.apiKey
        var secret = settings.apiSecret
        if key.isEmpty && secret.isEmpty {
            key = environment["LIVEKIT_API_KEY"] ?? ""
            secret = environment["LIVEKIT_API_SECRET"] ?? ""
        }
        guard !key.isEmpty, !secret.isEmpty else { return nil }
        return JWTSigner(apiKey: key, apiSecret: secret)
    }
}

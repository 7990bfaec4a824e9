/// The claims of the access token Switchboard sends to LiveKit's server API, as LiveKit's
/// server SDKs make one for SIP calls: `iss` = the API key, `sub` = an identity, `nbf` = now,
/// `exp` = now + a short validity, and the `sip: {admin: true}` grant (what List/Create/
/// Update/Delete of trunks and dispatch rules require). No video grant: nothing joins a room.
/// Signing (HS256 with the API secret) is done at the edge, by the one signer the project has.
public enum AccessTokenClaims {
    /// Ten minutes: long enough for a slow push, short enough that a token leaked from a log
    /// is soon worthless. (The SDKs default to hours; we make one per command run.)
    public static let validitySeconds: Int64 = 10 * 60
    public static let identity = "switchboard"

    /// - Parameter now: seconds since 1970, from the caller's clock (the core reads none).
    public static func sipAdmin(apiKey: String, now: Int64, validity: Int64 = validitySeconds) -> JSONObject {
        JSONObject([
            JSONMember("sip", .object(["admin": true])),
            JSONMember("sub", .string(identity)),
            JSONMember("iss", .string(apiKey)),
            JSONMember("nbf", .number(JSONNumber(now))),
            JSONMember("exp", .number(JSONNumber(now + validity))),
        ])
    }

    /// A token for showing: its first characters, then `…`, never enough to replay it.
    public static func masked(_ token: String) -> String {
        token.count <= 12 ? "****" : String(token.prefix(8)) + "…(\(token.count) characters)"
    }
}

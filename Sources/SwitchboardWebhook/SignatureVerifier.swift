import Crypto
import Foundation
import SwitchboardCore

/// Checks a webhook token the way LiveKit's receiver does (`webhook/verifier.go`,
/// `auth/verifier.go`): HS256 only, issuer equal to the API key, `exp` required, one minute of
/// leeway on the time claims, and a constant-time comparison of the `sha256` claim with the
/// body's digest. Unlike the receiver, which stops at the first failure, it reports every
/// difference, so a user debugging their server sees all of them at once.
public struct SignatureVerifier: Sendable {
    public let apiKey: String
    private let apiSecret: String
    public static let leeway: TimeInterval = 60

    public init(apiKey: String, apiSecret: String) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
    }

    public struct Report: Sendable, Equatable {
        /// Empty when the token is valid for the body.
        public var problems: [String]
        public var claims: JSONObject?
        public var isValid: Bool { problems.isEmpty }
    }

    public func verify(token rawToken: String, body: [UInt8], now: Date = Date()) -> Report {
        let token = rawToken.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { return Report(problems: ["authorization header could not be found (the token is empty)"]) }
        if token.lowercased().hasPrefix("bearer ") {
            return Report(problems: ["the token starts with \"Bearer \": LiveKit sends (and expects) the raw token"])
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            return Report(problems: ["not a JWT: expected three dot-separated parts, found \(parts.count)"])
        }
        guard let headerBytes = Base64URL.decode(parts[0]), case .object(let header)? = try? JSONParser.parse(headerBytes) else {
            return Report(problems: ["the JWT header is not base64url-encoded JSON"])
        }
        guard let claimBytes = Base64URL.decode(parts[1]), case .object(let claims)? = try? JSONParser.parse(claimBytes) else {
            return Report(problems: ["the JWT claims are not base64url-encoded JSON"])
        }
        var problems: [String] = []
        let alg = header["alg"]?.stringValue ?? ""
        if alg != "HS256" { problems.append("algorithm is \"\(alg)\"; only HS256 is accepted") }
        let issuer = claims["iss"]?.stringValue ?? ""
        if issuer != apiKey { problems.append("issuer (iss) is \"\(issuer)\"; expected the API key \"\(apiKey)\"") }
        if !signatureMatches(signingInput: parts[0] + "." + parts[1], signature: parts[2]) {
            problems.append("signature does not match: the token was not signed with this API secret (or was altered)")
        }
        problems += timeProblems(claims, now: now)
        let expected = JWTSigner.bodyDigest(body)
        if let claimed = claims["sha256"]?.stringValue {
            if !constantTimeEqual(Array(claimed.utf8), Array(expected.utf8)) {
                problems.append(
                    "could not verify authenticity of message: sha256 claim is \"\(claimed)\", the body's digest is \"\(expected)\"")
            }
        } else {
            problems.append("the sha256 claim is missing; expected \"\(expected)\" for this body")
        }
        return Report(problems: problems, claims: claims)
    }

    private func signatureMatches(signingInput: Substring, signature: Substring) -> Bool {
        guard let mac = Base64URL.decode(signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            mac, authenticating: Array(signingInput.utf8), using: SymmetricKey(data: Array(apiSecret.utf8)))
    }

    private func timeProblems(_ claims: JSONObject, now: Date) -> [String] {
        let current = now.timeIntervalSince1970
        var problems: [String] = []
        func seconds(_ key: String) -> Double? { claims[key]?.numberValue?.doubleValue }
        if let exp = seconds("exp") {
            if current > exp + Self.leeway {
                problems.append("the token expired at \(Self.show(exp)) (now \(Self.show(current)), 1 minute leeway)")
            }
        } else {
            problems.append("the exp claim is missing; LiveKit requires an expiry")
        }
        if let nbf = seconds("nbf"), current + Self.leeway < nbf {
            problems.append("the token is not valid before \(Self.show(nbf)) (now \(Self.show(current)), 1 minute leeway)")
        }
        if let iat = seconds("iat"), current + Self.leeway < iat {
            problems.append("the token was issued in the future, at \(Self.show(iat)) (now \(Self.show(current)))")
        }
        return problems
    }

    static func show(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        return "\(Int64(seconds)) (\(formatter.string(from: Date(timeIntervalSince1970: seconds))))"
    }

    /// Compares every byte whatever the first difference, so timing reveals nothing.
    private func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

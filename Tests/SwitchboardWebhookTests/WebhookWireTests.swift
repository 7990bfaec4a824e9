import Crypto
import Foundation
import SwitchboardCore
import Testing

@testable import SwitchboardWebhook

/// What goes on the wire, checked on the server side of a real socket.
@Suite("Webhook requests on the wire")
struct WebhookWireTests {
    static let accept = #"{"dispatch_action": "accept", "room_name": "r"}"#

    @Test("POST: the body the server receives is byte-for-byte the payload, with the contract's headers")
    func postBytes() async throws {
        let received = try await WebhookHarness.with(body: Self.accept) { harness in
            let run = try await harness.simulate()
            #expect(run.outcome.result == .accept)
            let first = try #require(harness.requests.first)
            #expect(run.outcome.webhook?.request.body == String(decoding: first.body, as: UTF8.self))
            return first
        }
        let expected =
            #"{"project_id":"p_test","trunk_id":"ST_WebhookTrk01","call_id":"SCL_WebhookCall01","from_user":"+15551234","#
            + #""from_host":"sip.carrier.example","to_user":"+15550100","to_host":"sip.livekit.local"}"#
        #expect(received.method == "POST")
        #expect(received.uri == "/dispatch")
        #expect(received.body == Array(expected.utf8))
        #expect(received.header("Content-Type") == "application/json")
        #expect(received.header("Accept") == "application/json")
        #expect(received.header("User-Agent") == "switchboard/test")
        #expect(received.header("Content-Length") == String(expected.utf8.count))
        #expect(received.header("Authorization") == nil, "unsigned without a key and secret")
    }

    @Test("GET: the fields arrive as a percent-encoded query after the URL's own, with no body")
    func getQuery() async throws {
        let call = WebhookHarness.call(from: "+1 555&x=y/é")
        let received = try await WebhookHarness.with(body: Self.accept) { harness in
            let run = try await harness.simulate(call, path: "/route?tenant=a%2Bb", method: "GET")
            #expect(run.outcome.room == "r")
            return try #require(harness.requests.first)
        }
        #expect(received.method == "GET")
        #expect(received.body.isEmpty)
        #expect(
            received.uri
                == "/route?tenant=a%2Bb&project_id=p_test&trunk_id=ST_WebhookTrk01&call_id=SCL_WebhookCall01"
                + "&from_user=%2B1%20555%26x%3Dy%2F%C3%A9&from_host=sip.carrier.example&to_user=%2B15550100&to_host=sip.livekit.local")
    }

    @Test("one transport, many calls: each request carries its own query and body")
    func reusedTransport() async throws {
        try await WebhookHarness.with(body: Self.accept) { harness in
            let methods = ["GET", "POST", "GET", "POST"]
            for (index, method) in methods.enumerated() {
                let run = try await harness.simulate(
                    WebhookHarness.call(from: "+1555000\(index)"), path: "/route?n=\(index)", method: method)
                #expect(run.outcome.room == "r")
            }
            let requests = harness.requests
            try #require(requests.count == methods.count)
            for (index, request) in requests.enumerated() {
                #expect(request.method == methods[index])
                if request.method == "GET" {
                    #expect(request.uri.hasPrefix("/route?n=\(index)&project_id="))
                    #expect(request.uri.contains("&from_user=%2B1555000\(index)&"))
                } else {
                    #expect(request.uri == "/route?n=\(index)")
                    #expect(String(decoding: request.body, as: UTF8.self).contains(#""from_user":"+1555000\#(index)""#))
                }
            }
        }
    }

    @Test("calls at once get a connection each, up to the transport's connectionsPerHost")
    func connectionsPerHost() async throws {
        let script = #"{"routes": [{"delayMs": 200, "body": {"action": "accept", "room_name": "slow"}}]}"#
        for limit in [1, 3] {
            try await WebhookHarness.with(script: script) { harness in
                let transport = HTTPClientTransport(connectionsPerHost: limit)
                try await withThrowingTaskGroup(of: CallOutcome.self) { group in
                    for _ in 0..<3 { group.addTask { try await harness.simulate(transport: transport).outcome } }
                    for try await outcome in group { #expect(outcome.room == "slow", "limit \(limit)") }
                }
                #expect(harness.server.openConnectionCount == limit, "three calls at once, at most \(limit) connections")
                await transport.shutdown()
            }
        }
    }

    @Test("the script's routes match the GET query's decoded fields")
    func getMatching() async throws {
        let script = #"""
            {"routes": [{"match": {"from_user": "+1 555*"}, "body": {"action": "accept", "room_name": "spaced"}},
                        {"match": {}, "body": {"action": "accept", "room_name": "other"}}]}
            """#
        let run = try await WebhookHarness.with(script: script) {
            try await $0.simulate(WebhookHarness.call(from: "+1 5550000"), method: "GET")
        }
        #expect(run.outcome.room == "spaced")
    }

    @Test("the signature: HS256 over the exact body, recomputed here with swift-crypto directly")
    func signature() async throws {
        let key = "APIkey123"
        let secret = "a-secret-of-some-length-0123456789"
        let before = Date().timeIntervalSince1970.rounded(.down)
        let received = try await WebhookHarness.with(body: Self.accept) { harness in
            _ = try await harness.simulate(signer: JWTSigner(apiKey: key, apiSecret: secret))
            return try #require(harness.requests.first)
        }
        // Bounded by the clock on both sides: a loaded machine may take seconds in between.
        let after = Date().timeIntervalSince1970.rounded(.up)
        let token = try #require(received.header("Authorization"))
        #expect(!token.hasPrefix("Bearer"))
        let (header, claims) = try verifiedJWT(token, secret: secret)
        #expect(header["alg"] as? String == "HS256")
        #expect(claims["iss"] as? String == key)
        #expect(claims["sha256"] as? String == Data(SHA256.hash(data: received.body)).base64EncodedString())
        let iat = try #require(claims["iat"] as? Double)
        #expect(iat >= before && iat <= after)
        #expect(claims["nbf"] as? Double == iat)
        #expect(claims["exp"] as? Double == iat + 300)

        let verifier = SignatureVerifier(apiKey: key, apiSecret: secret)
        #expect(verifier.verify(token: token, body: received.body).isValid)
        var tampered = received.body
        tampered[tampered.count - 3] = UInt8(ascii: "X")
        let report = verifier.verify(token: token, body: tampered)
        #expect(!report.isValid)
        #expect(report.problems.count == 1)
        #expect(report.problems[0].hasPrefix("could not verify authenticity of message: sha256 claim is"))
    }

    @Test("a GET is signed over the empty body")
    func signedGet() async throws {
        let received = try await WebhookHarness.with(body: Self.accept) { harness in
            _ = try await harness.simulate(method: "GET", signer: JWTSigner(apiKey: "k", apiSecret: "s"))
            return try #require(harness.requests.first)
        }
        let token = try #require(received.header("Authorization"))
        #expect(SignatureVerifier(apiKey: "k", apiSecret: "s").verify(token: token, body: []).isValid)
        #expect(JWTSigner.bodyDigest([]) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }

    @Test("the verifier reports every difference: key, secret, expiry, algorithm")
    func verifierProblems() {
        let signer = JWTSigner(apiKey: "k", apiSecret: "s")
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        let token = signer.token(forBody: [1, 2], issuedAt: issued)
        let verifier = SignatureVerifier(apiKey: "k", apiSecret: "s")
        #expect(verifier.verify(token: token, body: [1, 2], now: issued.addingTimeInterval(359)).isValid, "5 minutes + 1 minute leeway")
        let late = verifier.verify(token: token, body: [1, 2], now: issued.addingTimeInterval(361))
        #expect(late.problems.count == 1 && late.problems[0].hasPrefix("the token expired at 1800000300"))
        let early = verifier.verify(token: token, body: [1, 2], now: issued.addingTimeInterval(-61))
        #expect(early.problems.contains { $0.hasPrefix("the token is not valid before") })
        let wrong = SignatureVerifier(apiKey: "other", apiSecret: "t").verify(token: token, body: [1, 2], now: issued)
        #expect(wrong.problems.count == 2)
        #expect(wrong.problems[0] == #"issuer (iss) is "k"; expected the API key "other""#)
        #expect(wrong.problems[1].hasPrefix("signature does not match"))
        #expect(verifier.verify(token: "Bearer " + token, body: [1, 2], now: issued).problems[0].contains("Bearer"))
        #expect(
            verifier.verify(token: "", body: [], now: issued).problems == ["authorization header could not be found (the token is empty)"])
    }

    @Test("credentials come from the settings, else from LIVEKIT_API_KEY / LIVEKIT_API_SECRET")
    func credentials() {
        var settings = ProjectSettings()
        let environment = ["LIVEKIT_API_KEY": "envkey", "LIVEKIT_API_SECRET": "envsecret"]
        #expect(APICredentials.signer(settings: settings, environment: environment)?.apiKey == "envkey")
        #expect(APICredentials.signer(settings: settings, environment: [:]) == nil)
        settings.apiKey = "filekey"
        settings.apiSecret = "filesecret"
        #expect(APICredentials.signer(settings: settings, environment: environment)?.apiKey == "filekey")
    }

    @Test("in-process mock: a taken port is served on an ephemeral one, URL and Host unchanged")
    func inProcessOverride() async throws {
        let script = try MockScriptReader.read(
            SourceDocument(path: "s.json", bytes: Array(#"{"routes": [{"body": {"action": "accept", "room_name": "mocked"}}]}"#.utf8)))
        try await WebhookHarness.with(body: #"{"action": "accept", "room_name": "occupant"}"#) { occupant in
            let taken = occupant.server.endpoint
            let mock = try await InProcessMockWebhook.start(script: script, endpoints: [taken], maxResponseBytes: 1000)
            let transport = HTTPClientTransport(connectOverrides: mock.connectOverrides)
            let target = try #require(mock.connectOverrides[taken])
            #expect(target != taken)
            let run = try await occupant.simulate(transport: transport)
            await transport.shutdown()
            await mock.shutdown()
            #expect(run.outcome.room == "mocked", "the in-process mock answered, not the port's occupant")
            #expect(run.outcome.webhook?.request.url == occupant.server.baseURL + "/dispatch")
            #expect(occupant.requests.isEmpty)
        }
    }

    @Test("in-process mock: a free port is bound as the URL says")
    func inProcessFreePort() async throws {
        let script = try MockScriptReader.read(SourceDocument(path: "s.json", bytes: Array(#"{"routes": []}"#.utf8)))
        let free = try await WebhookHarness.with(body: "{}") { $0.server.endpoint }
        let mock = try await InProcessMockWebhook.start(script: script, endpoints: [free], maxResponseBytes: 1000)
        #expect(mock.connectOverrides.isEmpty)
        #expect(mock.servers.map(\.endpoint) == [free])
        await mock.shutdown()
        let rules = try WorkspaceLoader.load(
            [
                SourceDocument(
                    path: "p.json",
                    bytes: Array(
                        #"""
                        {"dispatchRules": [
                          {"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDynamic": {"url": "http://127.0.0.1:8089/a"}}},
                          {"sipDispatchRuleId": "SDR_b", "rule": {"dispatchRuleDynamic": {"url": "http://localhost:8089/b", "method": "GET"}}},
                          {"sipDispatchRuleId": "SDR_c", "rule": {"dispatchRuleDynamic": {"url": "https://127.0.0.1:8443/c"}}},
                          {"sipDispatchRuleId": "SDR_d", "rule": {"dispatchRuleDynamic": {"url": "http://hooks.example.net/d"}}},
                          {"sipDispatchRuleId": "SDR_e", "rule": {"dispatchRuleDynamic": {"url": "http://127.0.0.1:8089/e"}}}]}
                        """#.utf8))
            ], using: &SeededGeneratorBox.rng
        ).rules
        #expect(
            InProcessMockWebhook.endpoints(of: rules) == [Endpoint(host: "127.0.0.1", port: 8089), Endpoint(host: "localhost", port: 8089)])
    }
}

enum SeededGeneratorBox {
    nonisolated(unsafe) static var rng = SeededGenerator(seed: 1)
}

/// A JWT's header and claims, its HS256 signature recomputed here with `secret` (not by the
/// code under test) and expected to match.
func verifiedJWT(
    _ token: String, secret: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> (header: [String: Any], claims: [String: Any]) {
    let parts = token.split(separator: ".").map(String.init)
    try #require(parts.count == 3, sourceLocation: sourceLocation)
    let mac = HMAC<SHA256>.authenticationCode(for: Data((parts[0] + "." + parts[1]).utf8), using: SymmetricKey(data: Data(secret.utf8)))
    #expect(base64URL(Data(mac)) == parts[2], "signature", sourceLocation: sourceLocation)
    let headerData = try #require(fromBase64URL(parts[0]), sourceLocation: sourceLocation)
    let claimData = try #require(fromBase64URL(parts[1]), sourceLocation: sourceLocation)
    let header = try #require(try JSONSerialization.jsonObject(with: headerData) as? [String: Any], sourceLocation: sourceLocation)
    let claims = try #require(try JSONSerialization.jsonObject(with: claimData) as? [String: Any], sourceLocation: sourceLocation)
    return (header, claims)
}

func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

func fromBase64URL(_ text: String) -> Data? {
    var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
    return Data(base64Encoded: standard)
}

import SwitchboardCore
import Testing

@testable import SwitchboardWebhook

/// Every error outcome of dynamic-dispatch.md section 4 over a real socket: each is an ERROR
/// with SIP 503, one line of message, and the simulated call ends within its timeout + 100 ms.
/// Serialized: the bound is about the transport, and on a 2-core machine parallel cases would
/// measure each other's scheduling instead.
@Suite("Webhook errors over HTTP", .serialized)
struct WebhookErrorTests {
    static let limits = WebhookLimits(connectTimeoutMs: 300, totalTimeoutMs: 400, maxResponseBytes: 1000)
    static let bound = Duration.milliseconds(limits.totalTimeoutMs + 100)

    func expectError(
        _ run: WebhookHarness.Run, _ message: String, bound: Duration = bound, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.outcome.result == .error, sourceLocation: sourceLocation)
        #expect(run.outcome.error == message, sourceLocation: sourceLocation)
        #expect(run.outcome.sip == CallOutcome.SIPResponse(status: 503, reason: "Try again later"), sourceLocation: sourceLocation)
        #expect(run.outcome.webhook?.error == message, sourceLocation: sourceLocation)
        #expect(run.elapsed < bound, "took \(run.elapsed)", sourceLocation: sourceLocation)
    }

    @Test(
        "responses that arrive but cannot be used",
        arguments: [
            (500, #""down""#, "webhook returned non-200 status: 500"),
            (204, "null", "webhook returned non-200 status: 204"),
            (200, #""<html>ok</html>""#, "webhook response body is not JSON: expected a value, found '<' (at 1:1)"),
            (200, "[1, 2]", "webhook response body must be a JSON object, found an array"),
            (200, #"{"action": "accept", "room_name": 42}"#, #"webhook response "room_name" must be a string, found the number 42"#),
            (
                200, #"{"room_name": "r"}"#,
                #"webhook response has no "dispatch_action" (or "action"): expected accept/answer/ACTION_ANSWER/0, reject/hangup/ACTION_REJECT/1 or transfer/ACTION_TRANSFER/2"#
            ),
            (
                200, #"{"action": "voicemail"}"#,
                #"webhook response "action" is "voicemail", an unknown action: expected accept/answer/ACTION_ANSWER/0, reject/hangup/ACTION_REJECT/1 or transfer/ACTION_TRANSFER/2"#
            ),
            (200, #"{"action": "accept"}"#, #"webhook answered without "room_name": an answer must name the room to put the call in"#),
            (
                200, #"{"action": "transfer"}"#,
                #"webhook transfer has no "transfer_to": expected a sip:, sips: or tel: URI (optionally in <>), or a phone number"#
            ),
            (
                200, #"{"action": "transfer", "transfer_to": "ftp://x"}"#,
                #"webhook transfer_to "ftp://x" is not a sip:, sips: or tel: URI (optionally in <>), or a phone number"#
            ),
            (
                200, #"{"action": "reject", "reject_status_code": 302}"#,
                #"webhook response "reject_status_code" is 302: a reject status must be from 400 to 699"#
            ),
        ])
    func unusable(status: Int, body: String, message: String) async throws {
        let run = try await WebhookHarness.with(status: status, body: body) { try await $0.simulate(limits: Self.limits) }
        expectError(run, message)
        #expect(run.outcome.webhook?.response?.status == status, "the response is shown as received")
    }

    @Test("connection refused")
    func refused() async throws {
        let url = try await WebhookHarness.with(body: "{}") { $0.server.baseURL + "/gone" }
        let run = try await WebhookHarness.with(body: "{}") { try await $0.simulate(url: url, limits: Self.limits) }
        let port = url.split(separator: ":").last!.split(separator: "/").first!
        expectError(run, "webhook connection refused by 127.0.0.1:\(port): nothing is listening there (is the webhook server running?)")
        #expect(run.outcome.webhook?.response == nil)
    }

    @Test("DNS failure")
    func dns() async throws {
        let run = try await WebhookHarness.with(body: "{}") {
            try await $0.simulate(url: "http://switchboard-no-such-host.invalid/dispatch", limits: Self.limits)
        }
        expectError(run, #"webhook host "switchboard-no-such-host.invalid" could not be resolved (DNS lookup failed)"#)
    }

    @Test("TLS failure: https:// to a plain-HTTP server")
    func tls() async throws {
        // Generous limits: a cold TLS stack on a loaded machine must not turn this into a timeout.
        let limits = WebhookLimits(connectTimeoutMs: 3000, totalTimeoutMs: 4000, maxResponseBytes: 1000)
        let run = try await WebhookHarness.with(body: "{}") { harness in
            try await harness.simulate(url: "https://\(harness.server.endpoint)/dispatch", limits: limits)
        }
        #expect(run.outcome.result == .error)
        #expect(run.outcome.error?.hasPrefix("webhook TLS handshake failed: ") == true, "\(run.outcome.error ?? "")")
        #expect(run.outcome.sip.status == 503)
        #expect(run.elapsed < .milliseconds(limits.totalTimeoutMs + 100))
    }

    @Test("connect timeout")
    func connectTimeout() async throws {
        let listener = try SaturatedListener()
        let run = try await WebhookHarness.with(body: "{}") {
            try await $0.simulate(url: "http://127.0.0.1:\(listener.port)/dispatch", limits: Self.limits)
        }
        // The connect timeout (300 ms) fired, not the total timeout (400 ms): the message says which.
        expectError(run, "webhook connect timed out after 300 ms (settings.connectTimeoutMs)")
        withExtendedLifetime(listener) {}
    }

    @Test("total timeout: a webhook that never answers")
    func hang() async throws {
        let run = try await WebhookHarness.with(script: #"{"routes": [{"fault": "hang"}]}"#) { try await $0.simulate(limits: Self.limits) }
        expectError(run, "webhook did not answer within 400 ms (settings.timeoutMs)")
        #expect(run.elapsed >= .milliseconds(Self.limits.totalTimeoutMs))
        #expect(run.outcome.notes.contains { $0.contains("has no timeout") })
    }

    @Test("total timeout mid-body: the timeout covers the body, not only the head")
    func slowBody() async throws {
        let script = #"{"routes": [{"fault": "slow-body", "body": {"dispatch_action": "accept", "room_name": "slow-room"}}]}"#
        let run = try await WebhookHarness.with(script: script) { try await $0.simulate(limits: Self.limits) }
        expectError(run, "webhook did not answer within 400 ms (settings.timeoutMs)")
        let partial = try #require(run.outcome.webhook?.response?.body)
        #expect(!partial.isEmpty && #"{"dispatch_action":"accept","room_name":"slow-room"}"#.hasPrefix(partial))
    }

    @Test("a delay past the timeout is a timeout; within it, an answer")
    func delay() async throws {
        let slow = #"{"routes": [{"delayMs": 1000, "body": {"action": "accept", "room_name": "late"}}]}"#
        expectError(
            try await WebhookHarness.with(script: slow) { try await $0.simulate(limits: Self.limits) },
            "webhook did not answer within 400 ms (settings.timeoutMs)")
        let quick = #"{"routes": [{"delayMs": 50, "body": {"action": "accept", "room_name": "soon"}}]}"#
        let run = try await WebhookHarness.with(script: quick) { try await $0.simulate(limits: Self.limits) }
        #expect(run.outcome.room == "soon")
        #expect(try #require(run.outcome.webhook?.response?.durationMs) >= 50)
    }

    @Test("connection closed without an answer")
    func closed() async throws {
        let run = try await WebhookHarness.with(script: #"{"routes": [{"fault": "close"}]}"#) { try await $0.simulate(limits: Self.limits) }
        expectError(run, "webhook closed the connection before the response was complete")
    }

    @Test("connection reset")
    func reset() async throws {
        let run = try await WebhookHarness.with(script: #"{"routes": [{"fault": "reset"}]}"#) { try await $0.simulate(limits: Self.limits) }
        expectError(run, "webhook connection was reset by the server")
    }

    @Test("body over the size limit: reading stops, what arrived is kept")
    func huge() async throws {
        let run = try await WebhookHarness.with(script: #"{"routes": [{"fault": "huge"}]}"#) { try await $0.simulate(limits: Self.limits) }
        expectError(run, "webhook response body is larger than the limit of 1000 bytes (settings.maxResponseBytes)")
        let body = try #require(run.outcome.webhook?.response?.body)
        #expect(body.utf8.count == 1000)
        #expect(body.hasPrefix(#"{"dispatch_action":"accept","room_name":"huge""#))
    }

    @Test("a redirect is not followed")
    func redirect() async throws {
        let script = #"{"routes": [{"status": 302, "headers": {"Location": "/elsewhere"}}]}"#
        let run = try await WebhookHarness.with(script: script) { harness in
            let run = try await harness.simulate(limits: Self.limits)
            #expect(harness.requests.count == 1)
            return run
        }
        expectError(run, "webhook returned non-200 status: 302")
        #expect(run.outcome.notes.contains { $0.contains("would have followed this redirect") })
    }
}

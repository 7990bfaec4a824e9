import NIOCore
import SwitchboardCore
import Testing

@testable import SwitchboardWebhook

/// The webhook fault matrix of issue 8 that WebhookErrorTests does not already cover, over
/// real loopback sockets and the real AsyncHTTPClient transport: servers that close, reset,
/// trickle, flood, or send bytes meant for the user's terminal. Every fault must end the call
/// as an ERROR with SIP 503 and one printable line, within the total timeout + 100 ms.
// Serialized: the 100 MB and JSON-bomb cases are CPU-heavy, and every case is timed.
@Suite("Webhook fault matrix", .serialized)
struct FaultMatrixTests {
    static let limits = WebhookLimits(connectTimeoutMs: 300, totalTimeoutMs: 400, maxResponseBytes: 1_048_576)
    static let bound = Duration.milliseconds(limits.totalTimeoutMs + 100)

    /// Runs one simulated call against a fault server and checks the error outcome.
    @discardableResult
    func run(
        _ behavior: FaultMatrixServer.Behavior, limits: WebhookLimits = Self.limits, sourceLocation: SourceLocation = #_sourceLocation,
        check: (WebhookHarness.Run, FaultMatrixServer) -> Void = { _, _ in }
    ) async throws -> String {
        let server = try await FaultMatrixServer.start(behavior)
        let run = try await WebhookHarness.with(body: "{}") { try await $0.simulate(url: server.url, limits: limits) }
        await server.shutdown()
        let message = run.outcome.error ?? ""
        #expect(run.outcome.result == .error, sourceLocation: sourceLocation)
        #expect(run.outcome.sip == CallOutcome.SIPResponse(status: 503, reason: "Try again later"), sourceLocation: sourceLocation)
        #expect(run.outcome.webhook?.error == message, sourceLocation: sourceLocation)
        #expect(!message.isEmpty, sourceLocation: sourceLocation)
        #expect(
            !message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
            "one printable line: \(message.debugDescription)", sourceLocation: sourceLocation)
        #expect(run.elapsed < .milliseconds(limits.totalTimeoutMs + 100), "took \(run.elapsed)", sourceLocation: sourceLocation)
        check(run, server)
        return message
    }

    /// A connection cut off mid-exchange reads as one of these, depending on whether the
    /// server's close reached the client as a FIN or a reset.
    static let cutOff: Set = [
        "webhook connection was reset by the server", "webhook closed the connection before the response was complete",
    ]

    static func response(status: String = "200 OK", _ body: [UInt8], extra: [String] = []) -> [UInt8] {
        FaultMatrixServer.head(status: status, contentLength: body.count, extra: extra) + body
    }

    @Test("closed as soon as accepted, before any byte")
    func closeOnAccept() async throws {
        let message = try await run(.closeOnAccept) { run, _ in #expect(run.outcome.webhook?.response == nil) }
        // The request was unread when the server closed, so the kernel answers with a reset.
        #expect(Self.cutOff.contains(message), "\(message)")
    }

    @Test("reset in the middle of the body")
    func resetMidBody() async throws {
        let head = FaultMatrixServer.head(contentLength: 1000)
        let message = try await run(.replyThenReset(head + Array(#"{"action": "accept", "room_name": "#.utf8))) { run, _ in
            #expect(run.outcome.webhook?.response?.status == 200, "the head that arrived is shown")
        }
        #expect(Self.cutOff.contains(message), "\(message)")
    }

    @Test("the head trickled a byte at a time, past the timeout")
    func trickledHead() async throws {
        let bytes = Self.response(Array(#"{"action": "accept", "room_name": "late"}"#.utf8))
        let message = try await run(.trickle(bytes, interval: .milliseconds(50))) { run, _ in
            #expect(run.outcome.webhook?.response == nil, "no status line arrived")
        }
        #expect(message == "webhook did not answer within 400 ms (settings.timeoutMs)")
    }

    @Test("a 100 MB body: reading stops at the limit, memory stays bounded")
    func hundredMegabytes() async throws {
        let total = 100_000_000
        let limits = WebhookLimits(connectTimeoutMs: 300, totalTimeoutMs: 2000, maxResponseBytes: 1_048_576)
        let message = try await run(.stream(head: FaultMatrixServer.head(contentLength: total), total: total), limits: limits) {
            run, server in
            #expect(run.outcome.webhook?.response?.body?.utf8.count == 1_048_576, "what arrived is kept, up to the limit")
            // The transport stopped reading: the server could hand the socket only a few MiB.
            #expect(server.bytesSent < 32 * 1_048_576, "sent \(server.bytesSent)")
        }
        #expect(message == "webhook response body is larger than the limit of 1048576 bytes (settings.maxResponseBytes)")
    }

    @Test("invalid UTF-8 in the body")
    func invalidUTF8() async throws {
        let body = Array(#"{"action": "accept", "room_name": ""#.utf8) + [0xFF, 0xFE, 0xC3] + Array(#""}"#.utf8)
        let message = try await run(.reply(Self.response(body)))
        #expect(message == "webhook response body is not JSON: invalid UTF-8: expected UTF-8 text, found byte 0xFF (at 1:36)")
    }

    @Test("a JSON bomb: nesting far past the parser's limit", arguments: ["[", #"{"a":"#])
    func jsonBomb(opener: String) async throws {
        let body = Array(String(repeating: opener, count: 200_000).utf8)
        let message = try await run(.reply(Self.response(body)))
        #expect(message.contains("512 levels of nesting"))
    }

    @Test("escape sequences in the status line, headers and body")
    func escapeSequences() async throws {
        let evil = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m"
        let body = Array(#"{"action": "accept", "room_name": "r"}"#.utf8)
        // Raw C0 controls in the head are refused by the HTTP parser itself.
        let badHead = try await run(.reply(Self.response(status: "500 \(evil)", body, extra: ["X-Evil: \(evil)"])))
        #expect(badHead == "webhook request failed: the response is not valid HTTP/1.1 (invalid character in header)")
        // C1 controls (UTF-8 C2 9B, a CSI to some terminals) pass it: the JSON output escapes them.
        let c1 = "\u{9B}2J\u{9B}31m"
        try await run(.reply(Self.response(status: "500 Oops\(c1)", body, extra: ["X-Evil: \(c1)"]))) { run, _ in
            #expect(run.outcome.webhook?.response?.headers["X-Evil"] == c1, "the header is recorded as received")
            let json = JSONWriter.bytes(run.outcome.json)
            #expect(!json.contains(0x1B) && !zip(json, json.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
            #expect(JSONWriter.string(run.outcome.json, style: .compact).contains(#""X-Evil":"\u009b2J\u009b31m""#))
        }
        let rawInBody = try await run(.reply(Self.response(Array("{\"action\": \"\(evil)\"}".utf8))))
        #expect(rawInBody.hasPrefix("webhook response body is not JSON"))
        let escapedInBody = try await run(.reply(Self.response(Array(#"{"action": "\u001b[2Jvoicemail\u009b"}"#.utf8))))
        #expect(escapedInBody.hasPrefix(#"webhook response "action" is "\u{1B}[2Jvoicemail\u{9B}", an unknown action"#))
    }

    @Test("200 with an empty body")
    func emptyBody() async throws {
        let message = try await run(.reply(FaultMatrixServer.head(contentLength: 0)))
        #expect(message.hasPrefix("webhook response body is not JSON"))
    }

    @Test("not HTTP at all")
    func notHTTP() async throws {
        let message = try await run(.reply(Array("SSH-2.0-OpenSSH_9.2\r\n".utf8)))
        #expect(message == "webhook request failed: the response is not valid HTTP/1.1 (invalid constant string)")
    }
}

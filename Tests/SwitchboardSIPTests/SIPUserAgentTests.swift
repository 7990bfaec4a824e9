import Synchronization
import Testing

@testable import SwitchboardCore
@testable import SwitchboardSIP

/// The user agent driven message by message with a clock the test moves: what takes real
/// seconds on the wire (a nonce's 30 s, a transaction's 32 s) without waiting for them. The
/// routing is the real engine on a two-trunk workspace; only the clock and the socket are fake.
@Suite("SIP user agent")
struct SIPUserAgentTests {
    /// Milliseconds, moved by the test.
    final class Clock: Sendable {
        let now = Mutex(1_000.0)
        func advance(seconds: Double) { now.withLock { $0 += seconds * 1000 } }
    }

    /// Everything the agent sent, and the calls it logged.
    final class Wire: Sendable {
        let sent = Mutex<[String]>([])
        let calls = Mutex<[SIPCallRecord]>([])
        var send: SIPUserAgent.Send { { [self] bytes in sent.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } } }

        /// Polls (with a deadline) for a sent message starting with `prefix` after `index`.
        func await(_ prefix: String, after index: Int = 0) async throws -> (text: String, index: Int) {
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                let all = sent.withLock { $0 }
                if let found = all.indices.dropFirst(index).first(where: { all[$0].hasPrefix(prefix) }) { return (all[found], found) }
                try await Task.sleep(for: .milliseconds(5))
            }
            throw SIPTestError(message: "no \(prefix) within 10 s; sent: \(sent.withLock { $0 })")
        }
    }

    struct SIPTestError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static let workspace: Workspace = {
        var open = Trunk()
        open.id = "ST_Open"
        open.numbers = ["+15550100"]
        var locked = Trunk()
        locked.id = "ST_Auth"
        locked.numbers = ["+15550200"]
        locked.authUsername = "alice"
        locked.authPassword = "s3cret"
        var rule = DispatchRule()
        rule.id = "SDR_Lobby"
        rule.trunkIds = ["ST_Open", "ST_Auth"]
        rule.kind = .direct(DirectRule(roomName: "lobby"))
        var workspace = Workspace()
        workspace.trunks = [open, locked]
        workspace.rules = [rule]
        return workspace
    }()

    static func agent(clock: Clock, wire: Wire) -> SIPUserAgent {
        SIPUserAgent(
            router: WorkspaceSIPRouter(workspace: workspace, webhook: nil, seed: 1), localAddress: "127.0.0.1", seed: 2,
            onCall: { record in wire.calls.withLock { $0.append(record) } }, onProblem: { _ in },
            now: { clock.now.withLock { $0 } })
    }

    static func invite(to: String, branch: String, callID: String, cseq: Int = 1, extra: String = "") -> [UInt8] {
        Array(
            """
            INVITE sip:\(to)@127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:5062;branch=\(branch)\r
            From: <sip:+12025550100@test>;tag=a\r
            To: <sip:\(to)@127.0.0.1>\r
            Call-ID: \(callID)\r
            CSeq: \(cseq) INVITE\r
            \(extra)Content-Length: 0\r
            \r

            """.utf8)
    }

    static let source = SIPSource(ip: "127.0.0.1", port: 5062, transport: "udp")

    /// The digest answer to `challenge` for `password`, as a phone computes it.
    static func authorization(challenge: String, password: String) throws -> String {
        let nonce = try #require(SIPDigest.parameters(challenge.replacingOccurrences(of: "Proxy-Authenticate: ", with: ""))?["nonce"])
        let uri = "sip:+15550200@127.0.0.1"
        let response = SIPDigest.md5(
            "\(SIPDigest.md5("alice:LiveKit:\(password)")):\(nonce):\(SIPDigest.md5("INVITE:\(uri)"))")
        return "Proxy-Authorization: Digest username=\"alice\", realm=\"LiveKit\", nonce=\"\(nonce)\", uri=\"\(uri)\", "
            + "response=\"\(response)\", algorithm=MD5\r\n"
    }

    static func challengeLine(_ response: String) throws -> String {
        try #require(response.split(separator: "\r\n").first { $0.hasPrefix("Proxy-Authenticate:") }.map(String.init))
    }

    /// An INVITE to the trunk with credentials on `callID`, its 407, and the right answer to
    /// that challenge, `wait` seconds later (the answer itself is not sent).
    static func challenged(
        _ agent: SIPUserAgent, _ wire: Wire, callID: String, branch: String, after index: Int = 0, wait: Double = 0,
        clock: Clock
    ) async throws -> String {
        await agent.receive(Self.invite(to: "+15550200", branch: branch, callID: callID), from: Self.source, send: wire.send)
        let challenge = try Self.challengeLine(try await wire.await("SIP/2.0 407", after: index).text)
        clock.advance(seconds: wait)
        return try Self.authorization(challenge: challenge, password: "s3cret")
    }

    static func answered(_ agent: SIPUserAgent, _ wire: Wire, callID: String, branch: String, authorization: String) async {
        await agent.receive(
            Self.invite(to: "+15550200", branch: branch, callID: callID, cseq: 2, extra: authorization), from: Self.source,
            send: wire.send)
    }

    @Test("a challenge answered within 30 s lets the call in; the same answer after 30 s is refused")
    func nonceExpires() async throws {
        let clock = Clock()
        let wire = Wire()
        let agent = Self.agent(clock: clock, wire: wire)
        let answer = try await Self.challenged(agent, wire, callID: "c1", branch: "z9hG4bK-1", wait: 29, clock: clock)
        await Self.answered(agent, wire, callID: "c1", branch: "z9hG4bK-2", authorization: answer)
        let accepted = try await wire.await("SIP/2.0 200")
        #expect(accepted.text.contains("application/sdp"))

        let late = try await Self.challenged(agent, wire, callID: "c2", branch: "z9hG4bK-3", after: accepted.index, wait: 31, clock: clock)
        await Self.answered(agent, wire, callID: "c2", branch: "z9hG4bK-4", authorization: late)
        let refused = try await wire.await("SIP/2.0 401", after: accepted.index)
        #expect(refused.text.hasPrefix("SIP/2.0 401 Bad credentials"), "an expired nonce is unknown: Bad credentials")
    }

    @Test("a nonce is good for one call: replaying the same answer is refused")
    func nonceUsedOnce() async throws {
        let clock = Clock()
        let wire = Wire()
        let agent = Self.agent(clock: clock, wire: wire)
        let answer = try await Self.challenged(agent, wire, callID: "c1", branch: "z9hG4bK-1", clock: clock)
        await Self.answered(agent, wire, callID: "c1", branch: "z9hG4bK-2", authorization: answer)
        let first = try await wire.await("SIP/2.0 200")
        await Self.answered(agent, wire, callID: "c9", branch: "z9hG4bK-9", authorization: answer)
        _ = try await wire.await("SIP/2.0 401 Bad credentials", after: first.index)
    }

    @Test("a final transaction answers retransmissions, and is forgotten after 32 s")
    func transactionsAreForgotten() async throws {
        let clock = Clock()
        let wire = Wire()
        let agent = Self.agent(clock: clock, wire: wire)
        await agent.receive(Self.invite(to: "+15550100", branch: "z9hG4bK-keep", callID: "k1"), from: Self.source, send: wire.send)
        _ = try await wire.await("SIP/2.0 200")
        #expect(await agent.invites.count == 1)
        clock.advance(seconds: 33)
        // The sweep runs when many transactions are kept; a thousand more calls reach it.
        for n in 0..<1100 {
            await agent.receive(Self.invite(to: "+15550100", branch: "z9hG4bK-\(n)", callID: "n\(n)"), from: Self.source, send: wire.send)
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while wire.calls.withLock({ $0.count }) < 1101, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        await agent.receive(Self.invite(to: "+15550100", branch: "z9hG4bK-last", callID: "last"), from: Self.source, send: wire.send)
        let kept = await agent.invites.keys
        #expect(!kept.contains { $0.hasSuffix(" k1") }, "the 33 s old transaction was forgotten")
        #expect(kept.contains { $0.hasSuffix(" n5") }, "recent ones are kept for their retransmissions")
    }
}

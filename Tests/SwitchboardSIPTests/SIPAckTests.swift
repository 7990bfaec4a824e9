import Synchronization
import Testing

@testable import SwitchboardCore
@testable import SwitchboardSIP

/// A 200 OK and its ACK over UDP, with timers short enough to watch: the answer is resent
/// until acknowledged, and a call never acknowledged ends with BYE, as LiveKit's bridge ends it.
@Suite("SIP 200 OK until the ACK")
struct SIPAckTests {
    typealias Agent = SIPUserAgentTests

    /// T1 50 ms, T2 100 ms, the ACK awaited 400 ms.
    static var quick: SIPUserAgent.Timers {
        var timers = SIPUserAgent.Timers()
        timers.t1 = 0.05
        timers.t2 = 0.1
        timers.ackTimeout = 0.4
        return timers
    }

    static func agent(_ wire: Agent.Wire) -> SIPUserAgent {
        SIPUserAgent(
            router: WorkspaceSIPRouter(workspace: Agent.workspace, webhook: nil, seed: 1), localAddress: "127.0.0.1", seed: 2,
            onCall: { record in wire.calls.withLock { $0.append(record) } }, onProblem: { _ in },
            now: { 1_000 }, timers: quick)
    }

    static func ack(callID: String, toTag: String) -> [UInt8] {
        let lines = [
            "ACK sip:+15550100@127.0.0.1 SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK-ack",
            "From: <sip:+12025550100@test>;tag=a", "To: <sip:+15550100@127.0.0.1>;tag=\(toTag)", "Call-ID: \(callID)",
            "CSeq: 1 ACK", "Content-Length: 0", "", "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    @Test("over UDP an unacknowledged 200 OK is sent again, and without an ACK the call ends with BYE")
    func unacknowledgedAnswer() async throws {
        let wire = Agent.Wire()
        let agent = Self.agent(wire)
        await agent.receive(Agent.invite(to: "+15550100", branch: "z9hG4bK-1", callID: "lost"), from: Agent.source, send: wire.send)
        let first = try await wire.await("SIP/2.0 200")
        let again = try await wire.await("SIP/2.0 200", after: first.index + 1)
        #expect(again.text == first.text, "the same 200 OK, byte for byte")
        let bye = try await wire.await("BYE ", after: again.index)
        #expect(bye.text.contains("Call-ID: lost"))
        let hangup = try #require(wire.calls.withLock { $0 }.first { $0.event == .hangup })
        #expect(hangup.hangupReason == "no ACK within 0.4 s")
    }

    @Test("the ACK stops the resending, and the call stays up")
    func acknowledgedAnswer() async throws {
        let wire = Agent.Wire()
        let agent = Self.agent(wire)
        await agent.receive(Agent.invite(to: "+15550100", branch: "z9hG4bK-1", callID: "kept"), from: Agent.source, send: wire.send)
        let answer = try await wire.await("SIP/2.0 200")
        let to = try SIPParser.parse(Array(answer.text.utf8)).header("to") ?? ""
        let tag = try #require(SIPParameters.value("tag", in: to))
        await agent.receive(Self.ack(callID: "kept", toTag: tag), from: Agent.source, send: wire.send)
        let sentAtAck = wire.sent.withLock { $0.count }
        // Past the ACK timeout: nothing may be sent now. (A wait, because the assertion is
        // that nothing happens; it is short and asserts no timing.)
        try await Task.sleep(for: .milliseconds(600))
        #expect(wire.sent.withLock { $0.count } == sentAtAck, "no resend and no BYE after the ACK")
        #expect(await agent.dialogs["kept"] != nil)
    }
}

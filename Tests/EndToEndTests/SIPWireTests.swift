import Foundation
import SwitchboardCore
import Testing

/// What sipp cannot send, over a bare UDP socket to a running `switchboard sip`: an INVITE
/// retransmitted byte for byte, malformed messages, and a flood of garbage.
@Suite("SIP endpoint on the wire", .serialized)
struct SIPWireTests {
    static func invite(callID: String, to: String, branch: String, port: Int) -> [UInt8] {
        Array(
            """
            INVITE sip:\(to)@127.0.0.1 SIP/2.0\r
            v: SIP/2.0/UDP 127.0.0.1:\(port);branch=\(branch)\r
            f: <sip:+12025550100@wire.test>;tag=wire\r
            t: <sip:\(to)@127.0.0.1>\r
            i: \(callID)\r
            CSeq: 1 INVITE\r
            m: <sip:wire@127.0.0.1:\(port)>\r
            Max-Forwards: 70\r
            l: 0\r
            \r

            """.utf8)
    }

    @Test("a retransmitted INVITE gets the transaction's last response again, byte for byte, and is one call")
    func retransmission() async throws {
        let sip = try await SIPEndpointProcess(transport: "udp")
        let peer = try UDPPeer()
        let callID = "retransmitted-\(UUID().uuidString)"
        let invite = Self.invite(callID: callID, to: "+15550100", branch: "z9hG4bK-wire-1", port: peer.localPort)
        peer.send(invite, to: sip.port)
        let first = peer.receive(until: "SIP/2.0 200")
        let answer = try #require(first.match, "no 200 OK; got \(first.all)")
        #expect(first.all.map { String($0.prefix(11)) } == ["SIP/2.0 100", "SIP/2.0 180", "SIP/2.0 200"])
        peer.send(invite, to: sip.port)
        let again = try #require(peer.receive(), "no answer to the retransmission")
        #expect(again == answer, "the same 200 OK, To tag and SDP included")
        _ = try await sip.event(callID)
        #expect(sip.events(of: callID).count == 1)
    }

    @Test("a trunk with credentials is challenged with a digest 407 in LiveKit's realm")
    func challenge() async throws {
        let sip = try await SIPEndpointProcess(transport: "udp")
        let peer = try UDPPeer()
        peer.send(Self.invite(callID: "challenge-1", to: "+15550200", branch: "z9hG4bK-wire-2", port: peer.localPort), to: sip.port)
        let answer = peer.receive(until: "SIP/2.0 407")
        let text = String(decoding: try #require(answer.match, "no 407; got \(answer.all)"), as: UTF8.self)
        #expect(text.contains("Proxy-Authenticate: Digest realm=\"LiveKit\", nonce=\""))
        #expect(text.contains("algorithm=MD5"))
    }

    @Test(
        "a malformed request gets 400 with the reason, and is logged",
        arguments: [
            ("Content-Length: nope", "Content-Length"),
            ("Content-Length: 900", "Content-Length"),
            ("a header line without a colon", "colon"),
        ])
    func malformed(line: String, reason: String) async throws {
        let sip = try await SIPEndpointProcess(transport: "udp")
        let peer = try UDPPeer()
        let message = """
            OPTIONS sip:probe@127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:\(peer.localPort);branch=z9hG4bK-bad\r
            From: <sip:probe@wire.test>;tag=1\r
            To: <sip:probe@127.0.0.1>\r
            Call-ID: malformed-1\r
            CSeq: 1 OPTIONS\r
            \(line)\r
            \r

            """
        peer.send(Array(message.utf8), to: sip.port)
        let answer = try #require(peer.receive(), "no answer to a malformed request")
        let status = String(decoding: answer, as: UTF8.self).split(separator: "\r\n").first ?? ""
        #expect(status.hasPrefix("SIP/2.0 400 Bad Request ("), "\(status)")
        #expect(status.contains(reason), "\(status)")
        let deadline = ContinuousClock.now + .seconds(10)
        while !sip.err.text.contains("malformed message"), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(sip.err.text.contains("malformed message"))
    }

    @Test("10,000 garbage datagrams later the endpoint still answers calls")
    func garbageFlood() async throws {
        let sip = try await SIPEndpointProcess(transport: "udp")
        let peer = try UDPPeer()
        var rng = SeededGenerator(seed: 16)
        let sipLike = Array("INVITE sip:x SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4\r\nCSeq: 1 INVITE\r\nContent-Length: 5\r\n\r\n".utf8)
        for index in 0..<10_000 {
            let length = Int(rng.next() % 1400) + 1
            var datagram = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            // A third look like SIP cut short or corrupted, to reach the parser's later checks.
            if index % 3 == 0 { datagram = Array(sipLike.prefix(Int(rng.next() % UInt64(sipLike.count)))) + datagram.prefix(8) }
            peer.send(datagram, to: sip.port)
        }
        #expect(sip.process.isRunning)
        let run = try await Sipp.run("accept.xml", port: sip.port, from: "+12025550100", to: "+15550100")
        #expect(run.status == 0, "sipp after the flood: \(run.errors)")
        let event = try await sip.event(run.callID, within: 60)
        #expect(event["room"] == "lobby")
        // Logged, but not 10,000 lines: a few a second and a count of the rest.
        let lines = sip.err.text.split(separator: "\n")
        #expect(lines.contains { $0.contains("malformed message") })
        #expect(lines.count < 200, "\(lines.count) lines on standard error")
    }

    @Test("a second endpoint on a port in use says so in one line and exits 2")
    func portInUse() async throws {
        let sip = try await SIPEndpointProcess(transport: "udp")
        // A child with a deadline: a second endpoint that did bind would serve forever.
        let second = try ChildProcess(
            switchboardBinary.path,
            ["sip", sipScenarios.appendingPathComponent("project.json").path, "--listen", "127.0.0.1:\(sip.port)", "--transport", "udp"])
        let status = try second.finish(within: .seconds(20))
        #expect(status == 2)
        #expect(
            second.stderr == "error: 127.0.0.1:\(sip.port) is already in use (another switchboard sip or a PBX?); port 0 picks a free one\n"
        )
    }
}

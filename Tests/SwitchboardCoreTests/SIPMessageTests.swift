import Testing

@testable import SwitchboardCore

/// The SIP core read and written as the endpoint meets it on the wire: RFC 3261 framing,
/// compact headers, the errors a 400 carries, digest checks, DTMF over INFO, and the answers
/// an outcome becomes.
@Suite("SIP messages")
struct SIPMessageTests {
    static let invite = """
        INVITE sip:+15550100@127.0.0.1 SIP/2.0\r
        v: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-abc;rport\r
        f: "Ada" <sip:+12025550100@carrier.example>;tag=77\r
        t: <sip:+15550100@pbx.example:5060>\r
        i: call-1@10.0.0.7\r
        CSeq: 7 INVITE\r
        X-Account: 42\r
        Subject: a long\r
         folded line\r
        c: application/sdp\r
        l: 3\r
        \r
        v=0
        """

    @Test("compact forms read as their long names; a folded line is joined; the body is Content-Length bytes")
    func parsesCompactHeaders() throws {
        let message = try SIPParser.parse(Array(Self.invite.utf8))
        #expect(message.method == "INVITE")
        #expect(message.branch == "z9hG4bK-abc")
        #expect(message.header("Call-ID") == "call-1@10.0.0.7")
        #expect(message.header("content-type") == "application/sdp")
        #expect(message.header("subject") == "a long folded line")
        #expect(message.cseq?.number == 7)
        #expect(message.body == Array("v=0".utf8))
    }

    @Test("an INVITE becomes the call simulate runs: From and To user and host, source IP, headers, Call-ID")
    func inviteBecomesCall() throws {
        let spec = try SIPCall.spec(of: SIPParser.parse(Array(Self.invite.utf8)), sourceIP: "10.0.0.7")
        #expect(spec.from == "+12025550100")
        #expect(spec.fromHost == "carrier.example")
        #expect(spec.to == "+15550100")
        #expect(spec.toHost == "pbx.example")
        #expect(spec.sourceIp == "10.0.0.7")
        #expect(spec.sipCallId == "call-1@10.0.0.7")
        #expect(spec.headers["X-Account"] == "42")
    }

    @Test(
        "malformed messages are refused with a reason a 400 can carry",
        arguments: [
            ("INVITE sip:x SIP/2.0\r\nVia: a\r\n", "no empty line after the headers"),
            ("INVITE sip:x\r\n\r\n", "bad request line (expected METHOD URI SIP/2.0)"),
            ("SIP/2.0 99 Odd\r\n\r\n", "bad status line"),
            ("OPTIONS sip:x SIP/2.0\r\nVia: a\r\nno colon here\r\n\r\n", "header line without a colon: no colon here"),
            (
                "OPTIONS sip:x SIP/2.0\r\nVia: a\r\nFrom: b\r\nTo: c\r\nCall-ID: d\r\nCSeq: 1 OPTIONS\r\nContent-Length: 10\r\n\r\nabc",
                "Content-Length 10 but only 3 body bytes"
            ),
            ("OPTIONS sip:x SIP/2.0\r\nVia: a\r\nFrom: b\r\nTo: c\r\nCSeq: 1 OPTIONS\r\n\r\n", "missing Call-ID header"),
            ("OPTIONS sip:x SIP/2.0\r\nVia: a\r\nFrom: b\r\nTo: c\r\nCall-ID: d\r\nCSeq: one\r\n\r\n", "CSeq is not \"number METHOD\""),
        ])
    func malformed(text: String, reason: String) {
        #expect(throws: SIPParseError.self) { try SIPParser.parse(Array(text.utf8)) }
        do {
            _ = try SIPParser.parse(Array(text.utf8))
        } catch {
            #expect(error.reason.hasPrefix(reason), "\(error.reason)")
        }
    }

    @Test("control characters from the wire are shown as ? in a reason")
    func reasonsAreVisible() {
        do {
            _ = try SIPParser.parse(Array("OPTIONS sip:x SIP/2.0\r\nVia: a\r\nbad\u{1B}[2Jline\r\n\r\n".utf8))
            Issue.record("parsed")
        } catch {
            #expect(!error.reason.contains("\u{1B}"))
            #expect(error.reason.contains("bad?[2Jline"))
        }
    }

    @Test("a TCP stream is cut at Content-Length: two messages, then a partial one")
    func framesAStream() throws {
        let one = "OPTIONS sip:x SIP/2.0\r\nl: 3\r\n\r\nabc"
        let stream = Array(("\r\n" + one + one + "OPTIONS sip:x SIP/2.0\r\nl: 9\r\n\r\nab").utf8)
        let first = try #require(try SIPParser.frameLength(stream))
        #expect(first == 2 + one.utf8.count)
        let second = try #require(try SIPParser.frameLength(Array(stream[first...])))
        #expect(second == one.utf8.count)
        #expect(try SIPParser.frameLength(Array(stream[(first + second)...])) == nil, "more bytes needed")
        #expect(throws: SIPParseError.self) { try SIPParser.frameLength(Array("OPTIONS sip:x SIP/2.0\r\nl: x\r\n\r\n".utf8)) }
    }

    @Test("a response copies Via, From, Call-ID and CSeq and tags To once")
    func response() throws {
        let request = try SIPParser.parse(Array(Self.invite.utf8))
        let text = String(decoding: request.response(180, "Ringing", toTag: "t1").bytes, as: UTF8.self)
        #expect(text.hasPrefix("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-abc;rport\r\n"))
        #expect(text.contains("To: <sip:+15550100@pbx.example:5060>;tag=t1\r\n"))
        #expect(text.contains("Call-ID: call-1@10.0.0.7\r\nCSeq: 7 INVITE\r\n"))
        #expect(text.hasSuffix("Content-Length: 0\r\n\r\n"))
    }

    @Test("digest: RFC 2617's own example checks, with and without qop; a wrong password does not")
    func digest() {
        let rfc = """
            Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", \
            uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", \
            opaque="5ccc069c403ebaf9f0171e9517f40e41"
            """
        let check = { (password: String) in
            SIPDigest.check(
                rfc, method: "GET", username: "Mufasa", password: password, realm: "testrealm@host.com",
                nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093")
        }
        #expect(check("Circle Of Life") == .valid)
        #expect(check("circle of life") == .unauthorized)
        let ha1 = SIPDigest.md5("alice:LiveKit:s3cret")
        let plain =
            "Digest username=\"alice\", realm=\"LiveKit\", nonce=\"n1\", uri=\"sip:+15550200@x\", response=\"\(SIPDigest.md5("\(ha1):n1:\(SIPDigest.md5("INVITE:sip:+15550200@x"))"))\""
        #expect(SIPDigest.check(plain, method: "INVITE", username: "alice", password: "s3cret", realm: "LiveKit", nonce: "n1") == .valid)
        #expect(
            SIPDigest.check(plain, method: "INVITE", username: "bob", password: "s3cret", realm: "LiveKit", nonce: "n1") == .unauthorized)
        #expect(
            SIPDigest.check("Basic abc", method: "INVITE", username: "alice", password: "s3cret", realm: "LiveKit", nonce: "n1")
                == .badCredentials)
    }

    @Test(
        "DTMF over INFO: dtmf-relay signals, bare digits, event codes for * and #",
        arguments: [
            ("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", "5" as Character?),
            ("application/dtmf-relay", "Signal= #\r\n", "#"),
            ("application/dtmf-relay; charset=x", "Duration=160\r\nSignal=11\r\n", "#"),
            ("application/dtmf", "10", "*"),
            ("application/dtmf", "7\r\n", "7"),
            ("text/plain", "Signal=5", nil),
            ("application/dtmf-relay", "Signal=55", nil),
        ])
    func dtmf(type: String, body: String, digit: Character?) {
        #expect(SIPDTMF.digit(contentType: type, body: Array(body.utf8)) == digit)
    }
}

@Suite("SIP header parameters")
struct SIPParameterTests {
    @Test(
        "parameters after a name-addr's > and after a bare value",
        arguments: [
            ("<sip:+15550100@127.0.0.1>;tag=1c97", "tag", "1c97" as String?),
            ("\"Ada\" <sip:a@b;transport=tcp>;tag=x;foo", "tag", "x"),
            ("<sip:a@b;transport=tcp>", "transport", nil),
            ("SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-1;rport", "branch", "z9hG4bK-1"),
            ("SIP/2.0/UDP 10.0.0.7:5060;rport", "rport", ""),
            ("sip:a@b;tag=t", "tag", "t"),
        ])
    func parameters(header: String, name: String, value: String?) {
        #expect(SIPParameters.value(name, in: header) == value)
    }
}

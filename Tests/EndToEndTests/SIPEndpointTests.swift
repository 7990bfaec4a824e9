import Foundation
import SwitchboardCore
import Testing

/// `switchboard sip` against real SIP peers: sipp runs the scenarios in Tests/SIPScenarios
/// (the project there is in Cloud mode: a number without a trunk gets 404), and a bare UDP
/// socket sends what sipp cannot (a byte-exact retransmission, malformed messages, a flood).
/// Each test asserts what the caller received (sipp's exit status: 0 when every message came
/// as the scenario expects) and what the endpoint logged about the call.
@Suite("SIP endpoint against sipp", .serialized)
struct SIPEndpointTests {
    static func expectPassed(_ run: Sipp, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 0, "sipp: \(run.errors)", sourceLocation: sourceLocation)
    }

    static func endpoint(_ event: JSONObject) -> JSONObject { SIPEndpointProcess.endpoint(event) ?? JSONObject() }

    /// A fresh endpoint on the scenarios' project, and one sipp call to it that must go as the
    /// scenario expects.
    static func call(
        _ scenario: String, from: String, to: String, tcp: Bool = false, expected: Int? = nil, extra: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (sip: SIPEndpointProcess, run: Sipp) {
        let sip = try await SIPEndpointProcess()
        let run = try await Sipp.run(scenario, port: sip.port, from: from, to: to, tcp: tcp, expected: expected, extra: extra)
        expectPassed(run, sourceLocation: sourceLocation)
        return (sip, run)
    }

    @Test("an accepted call over UDP and over TCP: 100, 180, 200 with SDP, ACK, BYE", arguments: [false, true])
    func acceptedCall(tcp: Bool) async throws {
        let (sip, run) = try await Self.call("accept.xml", from: "+12025550100", to: "+15550100", tcp: tcp)
        let event = try await sip.event(run.callID)
        #expect(event["result"] == "ACCEPT")
        #expect(event["room"] == "lobby")
        #expect(event["trunk"]?.objectValue?["id"] == "ST_Open")
        #expect(event["rule"]?.objectValue?["id"] == "SDR_Lobby")
        #expect(event["participant"]?.objectValue?["attributes"]?.objectValue?["line"] == "lobby")
        // The INVITE's own headers reach the call as LiveKit's bridge reads them.
        #expect(event["call"]?.objectValue?["headers"]?.objectValue?["X-Account"] == "42")
        #expect(event["call"]?.objectValue?["sourceIp"] == "127.0.0.1")
        let wire = Self.endpoint(event)
        #expect(wire["sent"] == .array([100, 180, 200]))
        #expect(wire["source"]?.stringValue?.hasSuffix(tcp ? "/tcp" : "/udp") == true)
    }

    @Test(
        "refused calls get LiveKit's status: no trunk, no rule, the webhook's reject codes, a failing webhook",
        arguments: [
            ("+12025550100", "+19995550123", 404, "REJECT", "No trunk found"),
            ("+12025550100", "+15550400", 486, "DROP", "Rejected"),
            ("+12025550002", "+15550300", 486, "REJECT", "Busy Here"),
            ("+12025550005", "+15550300", 603, "REJECT", "Decline"),
            ("+12025550004", "+15550300", 503, "ERROR", "Try again later"),
        ])
    func refusedCall(from: String, to: String, status: Int, result: String, reason: String) async throws {
        let (sip, run) = try await Self.call("final.xml", from: from, to: to, expected: status)
        let event = try await sip.event(run.callID)
        #expect(event["result"] == .string(result))
        let wire = Self.endpoint(event)
        #expect(wire["finalStatus"] == .number(JSONNumber(status)))
        #expect(wire["finalReason"] == .string(reason))
        #expect(wire["sent"] == .array([100, .number(JSONNumber(status))]))
    }

    @Test("a dynamic rule's webhook answers the real INVITE: accept into its room")
    func webhookAccept() async throws {
        let (sip, run) = try await Self.call("accept.xml", from: "+12025550001", to: "+15550300")
        let event = try await sip.event(run.callID)
        #expect(event["room"] == "hooked")
        #expect(event["webhook"]?.objectValue?["response"]?.objectValue?["status"] == 200)
    }

    @Test("a webhook's transfer: 200, then a REFER to the target after the ACK, BYE once the target answered")
    func webhookTransfer() async throws {
        let (sip, run) = try await Self.call("transfer.xml", from: "+12025550003", to: "+15550300")
        let event = try await sip.event(run.callID)
        #expect(event["result"] == "TRANSFER")
        #expect(Self.endpoint(event)["finalStatus"] == 200)
        let hangup = try await sip.event(run.callID, "hangup")
        #expect(Self.endpoint(hangup)["hangupReason"] == "transferred")
    }

    @Test("a trunk with credentials: 407 with LiveKit's realm, then the right password is let in")
    func digestPassed() async throws {
        let (sip, run) = try await Self.call(
            "auth.xml", from: "+12025550100", to: "+15550200", expected: 200, extra: ["-au", "alice", "-ap", "s3cret"])
        let challenge = try await sip.event(run.callID)
        #expect(Self.endpoint(challenge)["finalStatus"] == 407)
        #expect(Self.endpoint(challenge)["authentication"] == "challenged")
        let events = sip.events(of: run.callID)
        let passed = try #require(events.last)
        #expect(Self.endpoint(passed)["authentication"] == "passed")
        #expect(passed["room"] == "lobby")
        #expect(Self.endpoint(passed)["finalStatus"] == 200)
    }

    @Test("a wrong password gets 401 Unauthorized and never reaches the rules")
    func digestRefused() async throws {
        let (sip, run) = try await Self.call(
            "auth.xml", from: "+12025550100", to: "+15550200", expected: 401, extra: ["-au", "alice", "-ap", "wrong"])
        let deadline = ContinuousClock.now + .seconds(10)
        var events: [JSONObject] = []
        while events.count < 2, ContinuousClock.now < deadline {
            events = sip.events(of: run.callID)
            try await Task.sleep(for: .milliseconds(20))
        }
        let refused = try #require(events.last)
        #expect(Self.endpoint(refused)["authentication"] == "failed")
        #expect(Self.endpoint(refused)["finalReason"] == "Unauthorized")
        #expect(refused["result"] == nil, "no routing for a refused credential")
        #expect(!sip.out.text.contains("s3cret") && !sip.err.text.contains("s3cret"), "the trunk's password is never logged")
    }

    @Test("CANCEL while the webhook still thinks: 200 for the CANCEL, 487 for the INVITE, the late answer is dropped")
    func cancelWhileRinging() async throws {
        let (sip, run) = try await Self.call("cancel.xml", from: "+12025550006", to: "+15550300")
        let event = try await sip.event(run.callID)
        #expect(Self.endpoint(event)["cancelled"] == true)
        #expect(Self.endpoint(event)["sent"] == .array([100, 487]))
    }

    @Test("a PIN rule: 200, the digits as SIP INFO up to #, then the call is in the PIN's room")
    func pinEntered() async throws {
        let (sip, run) = try await Self.call("pin.xml", from: "+12025550100", to: "+15550500")
        let asked = try await sip.event(run.callID)
        #expect(asked["result"] == "REQUEST_PIN")
        #expect(Self.endpoint(asked)["finalStatus"] == 200)
        let entered = try await sip.event(run.callID, "pin")
        #expect(Self.endpoint(entered)["pin"] == "1234")
        #expect(entered["result"] == "ACCEPT")
        #expect(entered["room"] == "conference")
    }

    @Test("a wrong PIN: the endpoint hangs up with BYE, as LiveKit's prompt does")
    func pinWrong() async throws {
        let (sip, run) = try await Self.call("pin-wrong.xml", from: "+12025550100", to: "+15550500")
        let entered = try await sip.event(run.callID, "pin")
        #expect(Self.endpoint(entered)["pin"] == "99")
        #expect(entered["result"] != "ACCEPT")
        let hangup = try await sip.event(run.callID, "hangup")
        #expect(Self.endpoint(hangup)["hangupReason"] == "wrong PIN")
    }

    @Test("an answered call is hung up at the trunk's max call duration")
    func maxCallDuration() async throws {
        let (sip, run) = try await Self.call("hangup.xml", from: "+12025550100", to: "+15550700")
        let hangup = try await sip.event(run.callID, "hangup")
        #expect(Self.endpoint(hangup)["hangupReason"] == "max call duration 1 s")
        let milliseconds = Self.endpoint(hangup)["ms"]?.numberValue?.doubleValue ?? 0
        #expect(milliseconds >= 1000, "not before the limit: \(milliseconds) ms")
    }
}

import Foundation
import SwitchboardCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A softphone, not a test tool: baresip (Debian's baresip-core) places a call against
/// `switchboard sip`, negotiates the SDP answer, holds the call for two seconds of its own
/// clock and hangs up.
@Suite("SIP endpoint with baresip")
struct SIPBaresipTests {
    @Test("baresip's call is established in the rule's room and its BYE ends it")
    func baresipCall() async throws {
        guard
            let baresip = ["/usr/bin/baresip", "/usr/local/bin/baresip"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Issue.record("baresip not found: install Debian's baresip-core (.ci/run does)")
            return
        }
        let sip = try await SIPEndpointProcess(transport: "udp")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // No sound card here: a sine tone is the microphone, /dev/null the speaker.
        let config = """
            poll_method epoll
            sip_listen 127.0.0.1:0
            audio_player aufile,/dev/null
            audio_alert aufile,/dev/null
            audio_source ausine,440
            ausrc_srate 48000
            ausrc_channels 2
            module_path /usr/lib/baresip/modules
            module stdio.so
            module g711.so
            module ausine.so
            module aufile.so
            module account.so
            module menu.so

            """
        try Data(config.utf8).write(to: directory.appendingPathComponent("config"))
        try Data("<sip:+12025550177@127.0.0.1>;regint=0\n".utf8).write(to: directory.appendingPathComponent("accounts"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: baresip)
        process.arguments = ["-f", directory.path, "-e", "/dial sip:+15550100@127.0.0.1:\(sip.port)", "-t", "2"]
        process.currentDirectoryURL = directory
        let output = Collected()
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("baresip did not quit within 30 s")
        }
        process.waitUntilExit()
        pipe.fileHandleForReading.readabilityHandler = nil

        #expect(output.text.contains("Call established: sip:+15550100@127.0.0.1:\(sip.port)"), "baresip:\n\(output.text)")
        let invite = try #require(
            sip.events.first { $0["call"]?.objectValue?["from"] == "+12025550177" }, "no call logged:\n\(sip.out.text)")
        #expect(invite["room"] == "lobby")
        #expect(SIPEndpointProcess.endpoint(invite)?["finalStatus"] == 200)
        let callID = try #require(SIPEndpointProcess.endpoint(invite)?["callId"]?.stringValue)
        let bye = try await sip.event(callID, "bye")
        #expect(SIPEndpointProcess.endpoint(bye)?["hangupReason"] == "the caller hung up")
    }
}

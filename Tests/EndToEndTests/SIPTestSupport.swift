import Foundation
import SwitchboardCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The scenarios and the project they call: Tests/SIPScenarios.
let sipScenarios = packageRoot.appendingPathComponent("Tests/SIPScenarios")

struct SIPTestFailure: Error, CustomStringConvertible {
    var description: String
}

/// `switchboard sip` on a free port, its `--json` event log gathered as it arrives.
final class SIPEndpointProcess {
    let process = Process()
    let out = Collected()
    let err = Collected()
    private(set) var port = 0

    init(project: URL = sipScenarios.appendingPathComponent("project.json"), transport: String = "both") async throws {
        process.executableURL = switchboardBinary
        process.arguments = ["sip", project.path, "--listen", "127.0.0.1:0", "--transport", transport, "--json"]
        process.currentDirectoryURL = packageRoot
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        // Both pipes are drained all along: a full pipe would stall the endpoint.
        stdout.fileHandleForReading.readabilityHandler = { [out] handle in out.append(handle.availableData) }
        stderr.fileHandleForReading.readabilityHandler = { [err] handle in err.append(handle.availableData) }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while port == 0, process.isRunning, ContinuousClock.now < deadline {
            if let line = err.text.split(separator: "\n").first(where: { $0.hasPrefix("listening on sip:127.0.0.1:") }),
                let number = line.dropFirst("listening on sip:127.0.0.1:".count).split(separator: ";").first
            {
                port = Int(number) ?? 0
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        guard port != 0 else {
            stop()
            throw SIPTestFailure(description: "switchboard sip did not start listening within 30 s: \(err.text)")
        }
    }

    deinit { stop() }

    /// Every event logged so far.
    var events: [JSONObject] {
        out.text.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)).objectValue }
    }

    /// The events of the call `callID` so far, in order.
    func events(of callID: String) -> [JSONObject] {
        events.filter { Self.endpoint($0)?["callId"] == .string(callID) }
    }

    /// The first event `kind` of the call `callID`, polled for until `deadline` passes.
    func event(_ callID: String, _ kind: String = "invite", within seconds: Int = 15) async throws -> JSONObject {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let found = events.first(where: {
                Self.endpoint($0)?["callId"] == .string(callID) && Self.endpoint($0)?["event"] == .string(kind)
            }) {
                return found
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw SIPTestFailure(description: "no \(kind) event for \(callID) within \(seconds) s; log:\n\(out.text)\n\(err.text)")
    }

    static func endpoint(_ event: JSONObject) -> JSONObject? { event["endpoint"]?.objectValue }

    func stop() {
        guard process.isRunning else { return }
        process.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// One sipp run of a scenario in Tests/SIPScenarios: one call, bounded by sipp's own global
/// timeout and, should sipp itself hang, by a kill.
struct Sipp {
    /// The call's Call-ID (sipp's `-cid_str`), to find it in the endpoint's log.
    var callID: String
    var status: Int32
    /// sipp's error log: what it expected and what came instead.
    var errors: String

    /// `expected` replaces `EXPECTED_STATUS` in the scenario (a copy is run).
    static func run(
        _ scenario: String, port: Int, from: String, to: String, tcp: Bool = false, expected: Int? = nil,
        extra: [String] = []
    ) async throws -> Sipp {
        guard let sipp = ["/usr/bin/sipp", "/usr/local/bin/sipp"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            throw SIPTestFailure(description: "sipp not found: install Debian's sip-tester (.ci/run does)")
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var file = sipScenarios.appendingPathComponent(scenario)
        if let expected {
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "EXPECTED_STATUS", with: "\(expected)")
            file = directory.appendingPathComponent(scenario)
            try Data(text.utf8).write(to: file)
        }
        let callID = "\(scenario.dropLast(4))-\(UUID().uuidString.prefix(8))@sipp.test"
        let errors = directory.appendingPathComponent("errors.log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sipp)
        process.arguments =
            [
                "127.0.0.1:\(port)", "-sf", file.path, "-m", "1", "-key", "from", from, "-key", "to", to, "-cid_str", callID,
                "-t", tcp ? "t1" : "u1", "-i", "127.0.0.1", "-timeout", "20s", "-timeout_error", "-nostdin",
                "-trace_err", "-error_file", errors.path,
            ] + extra
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(40)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw SIPTestFailure(description: "sipp \(scenario) did not end within 40 s")
        }
        process.waitUntilExit()
        let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Sipp(callID: callID, status: process.terminationStatus, errors: log)
    }
}

/// A bare UDP socket on loopback, for what sipp cannot send: a retransmission compared byte
/// for byte, malformed messages, a flood of garbage.
final class UDPPeer {
    let descriptor: Int32

    init() throws {
        descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw SIPTestFailure(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw SIPTestFailure(description: "bind() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    var localPort: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func send(_ bytes: [UInt8], to port: Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        _ = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, buffer.baseAddress, buffer.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// The next datagram, or nil after 5 s of silence.
    func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count >= 0 ? Array(buffer[..<count]) : nil
    }

    /// Datagrams until one whose status line starts with `prefix` (e.g. `SIP/2.0 200`).
    func receive(until prefix: String) -> (all: [String], match: [UInt8]?) {
        var all: [String] = []
        while let datagram = receive() {
            let text = String(decoding: datagram, as: UTF8.self)
            all.append(text)
            if text.hasPrefix(prefix) { return (all, datagram) }
        }
        return (all, nil)
    }
}

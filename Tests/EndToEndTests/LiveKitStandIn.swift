import Foundation
import SwitchboardCore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Python that has `livekit-protocol` and `livekit-api`: `$SWITCHBOARD_LIVEKIT_PYTHON`,
/// else the venv `scripts/ci-deps-livekit.sh` makes. Missing is a failure, not a skip: CI
/// always installs it, and a skipped server test would pass unseen.
func livekitPython() throws -> String {
    let configured = ProcessInfo.processInfo.environment["SWITCHBOARD_LIVEKIT_PYTHON"] ?? ""
    let path = configured.isEmpty ? packageRoot.appendingPathComponent(".venv-livekit/bin/python").path : configured
    guard FileManager.default.isExecutableFile(atPath: path) else {
        throw ChildProcess.Failure(
            description:
                "no Python with livekit-protocol and livekit-api at \(path): run scripts/ci-deps-livekit.sh (or set SWITCHBOARD_LIVEKIT_PYTHON)"
        )
    }
    return path
}

/// `Tests/LiveKitStandIn/<name>`.
func standInScript(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/LiveKitStandIn/\(name)").path
}

/// The stand-in LiveKit SIP service (`Tests/LiveKitStandIn/standin.py`) on an ephemeral
/// loopback port, for as long as this value lives: it is killed when released, and exits by
/// itself if the test runner dies (its stdin closes).
final class LiveKitStandIn {
    static let apiKey = "devkey"
    static let apiSecret = "secret-for-tests-only-0123456789"

    let process: ChildProcess
    let url: String

    /// - Parameter options: the stand-in's own, e.g. `["--seed-rules", "5"]`.
    init(_ options: [String] = []) throws {
        process = try ChildProcess(
            try livekitPython(),
            [standInScript("standin.py"), "--api-key", Self.apiKey, "--api-secret", Self.apiSecret, "--exit-with-stdin"] + options)
        let started = process.read(until: { $0.contains("\n") }, within: .seconds(30))
        guard started, let port = process.stdout.split(separator: "\n").first?.split(separator: " ").last.flatMap({ Int($0) }) else {
            let why = "the stand-in did not print PORT within 30 s: stdout \(process.stdout) stderr \(process.stderr)"
            process.kill()
            throw ChildProcess.Failure(description: why)
        }
        url = "http://127.0.0.1:\(port)"
    }

    /// The variables `pull`, `diff` and `push` read, pointing at this server.
    func environment(secret: String = LiveKitStandIn.apiSecret) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LIVEKIT_URL"] = url
        environment["LIVEKIT_API_KEY"] = Self.apiKey
        environment["LIVEKIT_API_SECRET"] = secret
        return environment
    }

    /// What the server holds: `{"trunks": […], "rules": […], "listCalls": [{"afterId", "limit"}]}`.
    func state() throws -> JSONObject {
        try #require(try JSONParser.parse(post("/_standin/state", "{}")).objectValue)
    }

    /// Renames an item as someone else would, on the server (its `updatedAt` moves on).
    func touch(id: String, name: String) throws {
        _ = try post("/_standin/touch", #"{"id": "\#(id)", "name": "\#(name)"}"#)
    }

    private func post(_ path: String, _ body: String) throws -> String {
        var request = URLRequest(url: URL(string: url + path)!, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            answer.set(data, (response as? HTTPURLResponse)?.statusCode, error)
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 15) == .success, let (data, status) = answer.value, status == 200 else {
            throw ChildProcess.Failure(description: "stand-in \(path) failed: \(answer.error.map { "\($0)" } ?? "no answer")")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// One HTTP answer handed across from URLSession's queue.
private final class Answer: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var status: Int?
    private(set) var error: (any Error)?

    func set(_ data: Data?, _ status: Int?, _ error: (any Error)?) {
        lock.withLock { (self.data, self.status, self.error) = (data, status, error) }
    }

    var value: (Data, Int)? {
        lock.withLock { data.flatMap { d in status.map { (d, $0) } } }
    }
}

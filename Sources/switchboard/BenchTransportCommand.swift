import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardWebhook

/// `switchboard bench-transport URL` (hidden): the webhook transport alone — AsyncHTTPClient
/// with no routing, payload building or reply reading — sending one fixed POST as fast as it
/// can. scripts/bench.sh runs it against the same mock server as `wrk` and `switchboard test`,
/// so the table shows how much of the gap between `test` and wrk is the HTTP client itself.
struct BenchTransportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-transport", abstract: "Measure the webhook transport alone against a server.", shouldDisplay: false)

    @Argument(help: "The URL to POST to, e.g. http://127.0.0.1:8089/dispatch.") var url: String
    @Option(help: "Requests to send.") var requests = 20_000
    @Option(help: "Requests in flight (and connections).") var jobs = 32

    /// The payload of scripts/bench.sh's wrk script, byte for byte.
    static let body = Array(
        #"{"project_id":"","trunk_id":"ST_akyTTmtXJoRc","call_id":"SCL_8aZ3kQ9xY2mN","from_user":"+12005550100","from_host":"sip.example.com","to_user":"+12015550100","to_host":"sip.livekit.cloud"}"#
            .utf8)

    func validate() throws {
        if requests < 1 || jobs < 1 { throw ValidationError("expected --requests and --jobs of 1 or more") }
    }

    func run() async throws {
        let transport = HTTPClientTransport(connectionsPerHost: jobs)
        let request = WebhookRequest(
            method: .post, url: url, headers: ["Content-Type": "application/json", "Accept": "application/json"], body: Self.body)
        let limits = WebhookLimits()
        // One request first: connection set-up is not what is measured.
        let first = await transport.send(request, limits: limits)
        guard first.failure == nil, let status = first.response?.status else {
            await transport.shutdown()
            CLIOutput.error("bench-transport: \(url): \(first.failure?.message ?? "no response")")
            throw ExitCode(2)
        }
        let cpuBefore = Self.processCPUSeconds()
        let clock = ContinuousClock()
        let start = clock.now
        var failures = 0
        var otherStatus = 0
        await withTaskGroup(of: WebhookExchange.self) { group in
            var sent = 0
            for _ in 0..<min(jobs, requests) {
                sent += 1
                group.addTask { await transport.send(request, limits: limits) }
            }
            while let exchange = await group.next() {
                if exchange.failure != nil { failures += 1 } else if exchange.response?.status != status { otherStatus += 1 }
                if sent < requests {
                    sent += 1
                    group.addTask { await transport.send(request, limits: limits) }
                }
            }
        }
        let elapsed = clock.now - start
        let cpu = Self.processCPUSeconds() - cpuBefore
        await transport.shutdown()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "bench-transport: \(requests) requests, \(Int((Double(requests) / seconds).rounded())) requests/s, "
                + "\(Int((cpu * 1e6 / Double(requests)).rounded())) µs CPU per request, \(failures) failed, "
                + "\(otherStatus) not \(status)")
    }

    /// User + system time of this process so far (all threads).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

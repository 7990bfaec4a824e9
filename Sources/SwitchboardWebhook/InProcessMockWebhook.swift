import Foundation
import NIOCore
import SwitchboardCore

/// The built-in mock webhook that runs inside `simulate`, `test` and the TUI when a project
/// names a mock script (`settings.mockWebhook`), so the samples' dynamic rules answer with no
/// other process running.
///
/// How rules reach it: every loopback `http://` endpoint a dynamic rule points at gets a real
/// server. It binds the URL's own host and port when free, so the URL is literally true. When
/// the port is taken (say, a `switchboard mock-webhook` left running in another terminal), it
/// binds an ephemeral port instead and returns a connect override: the transport connects
/// there while the request's URL and `Host` header stay exactly as configured, so what the
/// simulator shows is what the rule says. Non-loopback URLs are never taken over.
public final class InProcessMockWebhook: Sendable {
    public let servers: [MockWebhookServer]
    /// Pass to `HTTPClientTransport(connectOverrides:)`.
    public let connectOverrides: [Endpoint: Endpoint]
    /// One line per endpoint served, for a CLI to print on standard error if it wants.
    public let notes: [String]

    private init(servers: [MockWebhookServer], connectOverrides: [Endpoint: Endpoint], notes: [String]) {
        self.servers = servers
        self.connectOverrides = connectOverrides
        self.notes = notes
    }

    /// The loopback `http://` endpoints the dynamic rules of `rules` point at, in rule order.
    public static func endpoints(of rules: [DispatchRule]) -> [Endpoint] {
        var seen: Set<Endpoint> = []
        var out: [Endpoint] = []
        for rule in rules {
            guard case .dynamic(let dynamic) = rule.kind, dynamic.url.lowercased().hasPrefix("http://"),
                let endpoint = Endpoint(url: dynamic.url), endpoint.isLoopback, seen.insert(endpoint).inserted
            else { continue }
            out.append(endpoint)
        }
        return out
    }

    /// Starts one server per endpoint. `maxResponseBytes` sizes the `huge` fault past the
    /// project's own limit.
    public static func start(script: MockScript, endpoints: [Endpoint], maxResponseBytes: Int) async throws -> InProcessMockWebhook {
        var servers: [MockWebhookServer] = []
        var overrides: [Endpoint: Endpoint] = [:]
        var notes: [String] = []
        let huge = maxResponseBytes + 65_536
        do {
            for endpoint in endpoints {
                let host = endpoint.host == "localhost" ? "127.0.0.1" : endpoint.host.trimmingCharacters(in: ["[", "]"])
                let configuration = MockWebhookServer.Configuration(host: host, port: endpoint.port, hugeBodyBytes: huge)
                if let server = try? await MockWebhookServer.start(script: script, configuration: configuration) {
                    servers.append(server)
                    notes.append("mock webhook serving \(endpoint)")
                    continue
                }
                var ephemeral = configuration
                ephemeral.port = 0
                let server = try await MockWebhookServer.start(script: script, configuration: ephemeral)
                servers.append(server)
                overrides[endpoint] = server.endpoint
                notes.append("mock webhook: \(endpoint) is in use, serving its requests on \(server.endpoint) (URLs unchanged)")
            }
        } catch {
            for server in servers { await server.shutdown() }
            throw error
        }
        return InProcessMockWebhook(servers: servers, connectOverrides: overrides, notes: notes)
    }

    public func shutdown() async {
        for server in servers { await server.shutdown() }
    }
}

import NIOCore
import NIOPosix
import NIOSSL
import SwitchboardCore
import Testing

@testable import SwitchboardWebhook

/// A real `https://` webhook on loopback whose certificate no one trusts: the TLS handshake
/// must fail cleanly (ERROR, SIP 503, one line) within the timeout + 100 ms.
@Suite("Webhook fault matrix: TLS")
struct FaultMatrixTLSTests {
    /// Test-only, self-signed, CN=localhost with SANs localhost and 127.0.0.1, valid for a
    /// century (made with `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1`).
    /// Shipped rather than generated: swift-certificates is not otherwise in the build.
    static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIBnDCCAUGgAwIBAgIUdpSypBZ9GdrF6esywxYeuvqdaJMwCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNzEwNTgxMVoYDzIxMjYxMTAz
        MTA1ODExWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAASS8s9u6x3QHsqshAPZo4q1mjqdgInDJjF0rvG47jwkku2FeFrZ3ZPn
        YsdH58YZ837SIhClwbZdcmnlzDcwgRBIo28wbTAdBgNVHQ4EFgQU5rImM1nBLLKq
        of1YZRrK+WVn+dEwHwYDVR0jBBgwFoAU5rImM1nBLLKqof1YZRrK+WVn+dEwDwYD
        VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
        zj0EAwIDSQAwRgIhAIjhcqMAOqoL+IjA+qq0VL7EE3zRyxGJ4RmIVTU2u+ebAiEA
        4JcXl+l9bAop7TerxHTK5PqNVBrVe1H4ZroX1SEKrYM=
        -----END CERTIFICATE-----
        """
    static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgON+fLpCGtnLZG865
        PN6k+lRo7VAqI11YzruWafcfSYmhRANCAASS8s9u6x3QHsqshAPZo4q1mjqdgInD
        JjF0rvG47jwkku2FeFrZ3ZPnYsdH58YZ837SIhClwbZdcmnlzDcwgRBI
        -----END PRIVATE KEY-----
        """

    @Test("a self-signed https:// server: the handshake fails")
    func selfSigned() async throws {
        let certificate = try NIOSSLCertificate(bytes: Array(Self.certificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(Self.privateKeyPEM.utf8), format: .pem)
        let context = try NIOSSLContext(
            configuration: .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key)))
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        // Roomy: the handshake counts against the connect timeout, and a loaded machine slows it.
        let limits = WebhookLimits(connectTimeoutMs: 2000, totalTimeoutMs: 2500, maxResponseBytes: 1000)
        let run = try await WebhookHarness.with(body: "{}") {
            try await $0.simulate(url: "https://localhost:\(port)/dispatch", limits: limits)
        }
        try await server.close()
        let message = try #require(run.outcome.error)
        #expect(run.outcome.result == .error)
        #expect(run.outcome.sip == CallOutcome.SIPResponse(status: 503, reason: "Try again later"))
        #expect(message == "webhook TLS handshake failed: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)")
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 }, "one line: \(message.debugDescription)")
        #expect(run.outcome.webhook?.response == nil)
        #expect(run.elapsed < .milliseconds(limits.totalTimeoutMs + 100), "took \(run.elapsed)")
    }
}

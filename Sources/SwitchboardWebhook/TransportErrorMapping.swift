import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SwitchboardCore

/// Turns the many error types AsyncHTTPClient and SwiftNIO raise into the few failure kinds a
/// user can act on (dynamic-dispatch.md section 4), each with one line of explanation.
enum TransportErrorMapping {
    static func failure(for error: any Error, url: String, limits: WebhookLimits) -> WebhookFailure {
        let endpoint = Endpoint(url: url) ?? Endpoint(host: "?", port: 0)
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return .connectTimeout(ms: limits.connectTimeoutMs)
            case .deadlineExceeded, .cancelled, .readTimeout: return .totalTimeout(ms: limits.totalTimeoutMs)
            case .remoteConnectionClosed, .bodyLengthMismatch: return .closedEarly
            case .tlsHandshakeTimeout: return .tlsFailure(detail: "the TLS handshake timed out")
            default: return .other(error.description)
            }
        }
        if let error = error as? NIOConnectionError {
            let causes = error.connectionErrors.map(\.error)
            if causes.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil { return .dnsFailure(host: error.host) }
            if causes.contains(where: { errno(of: $0) == ECONNREFUSED }) {
                return .connectionRefused(host: error.host, port: error.port)
            }
            if let first = causes.first { return failure(for: first, url: url, limits: limits) }
            return .other("could not connect to \(error.host):\(error.port)")
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .connectTimeout(ms: limits.connectTimeoutMs)
            case .eof, .ioOnClosedChannel, .outputClosed, .alreadyClosed: return .closedEarly
            default: return .other("\(error)")
            }
        }
        if let error = error as? HTTPParserError {
            // The stream ending mid-message is the server going away (a close or a reset that
            // lost the race with the parser), not a malformed response.
            if error == .invalidEOFState { return .closedEarly }
            return .other("the response is not valid HTTP/1.1 (\(error))")
        }
        if error is SocketAddressError {
            return .dnsFailure(host: endpoint.host)
        }
        switch errno(of: error) {
        case ECONNREFUSED: return .connectionRefused(host: endpoint.host, port: endpoint.port)
        case ECONNRESET, EPIPE: return .connectionReset
        case ETIMEDOUT: return .connectTimeout(ms: limits.connectTimeoutMs)
        default: break
        }
        // NIOSSL is a dependency of AsyncHTTPClient, not of this module: recognise its errors by name.
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("NIOSSL") || typeName.contains("BoringSSL") || typeName.contains("TLS") {
            return .tlsFailure(detail: tlsDetail(error))
        }
        return .other("\(error)")
    }

    /// BoringSSL's reason code rather than NIO's whole error, which names a source file of
    /// the build machine: `the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)`.
    static func tlsDetail(_ error: any Error) -> String {
        let text = "\(error)"
        guard let marker = text.range(of: "OPENSSL_internal:") else { return text }
        let reason = String(text[marker.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        switch reason {
        case "": return text
        case "CERTIFICATE_VERIFY_FAILED": return "the server's certificate is not trusted (\(reason))"
        case "WRONG_VERSION_NUMBER": return "the server did not answer with TLS (\(reason); is it plain http://?)"
        default: return reason
        }
    }

    static func errno(of error: any Error) -> Int32? {
        (error as? IOError)?.errnoCode
    }
}

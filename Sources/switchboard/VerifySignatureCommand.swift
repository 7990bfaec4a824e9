import ArgumentParser
import Foundation
import SwitchboardWebhook

/// `switchboard verify-signature`: check a webhook token against a body exactly as LiveKit's
/// receiver would, so a user can compare with what their own server computes.
struct VerifySignatureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-signature",
        abstract: "Check a signed webhook request's Authorization token (exit 0 valid, 1 invalid).",
        discussion: """
            TOKEN is the raw Authorization header value (no "Bearer "). The body is the exact \
            request body bytes: --body FILE, or - for standard input; without --body, the empty \
            body of a GET request. Checks as LiveKit does: HS256, issuer = API key, exp required, \
            1 minute leeway, sha256 claim = base64(SHA-256(body)).
            """
    )

    @Option(help: "The API key (the token's issuer).") var key: String
    @Option(help: "The API secret the token was signed with.") var secret: String
    @Option(help: "The exact body bytes (a file, or - for standard input).") var body: String?
    @Argument(help: "The token (the Authorization header value).") var token: String

    func run() throws {
        let bytes = try readBody()
        let report = SignatureVerifier(apiKey: key, apiSecret: secret).verify(token: token, body: bytes)
        if report.isValid {
            print("valid: signed by \(key), body digest matches (\(bytes.count) bytes)")
            return
        }
        print("invalid:")
        for problem in report.problems { print("  - \(problem)") }
        throw ExitCode(1)
    }

    private func readBody() throws -> [UInt8] {
        guard let body else { return [] }
        if body == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: body) else {
            CLIOutput.error("\(body): expected a readable body file, found none")
            throw ExitCode(2)
        }
        return [UInt8](data)
    }
}

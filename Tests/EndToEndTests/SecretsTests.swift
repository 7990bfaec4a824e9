import Foundation
import Testing

/// Issue 8, secrets: a trunk's password and the project's API secret never appear in what the
/// CLI prints — `simulate` (human, explain, JSON, with the webhook failing so its error line is
/// shown), `validate`, and the messages for a mistyped secret. (Exported files keep them: an
/// export is the configuration itself.)
@Suite("Secrets stay out of output")
struct SecretsTests {
    static let password = "Pa55word-Canary-7731"
    static let secret = "ApiSecret-Canary-4417"

    static func project(password: String = "\"\(password)\"", secret: String = "\"\(secret)\"") -> String {
        """
        {"settings": {"apiKey": "APIcanary", "apiSecret": \(secret)},
         "trunks": [{"sipTrunkId": "ST_SecretTrunk1", "name": "Carrier", "numbers": ["+15550100"],
                     "authUsername": "alice", "authPassword": \(password)}],
         "dispatchRules": [{"sipDispatchRuleId": "SDR_SecretRule1", "name": "Dyn",
                            "rule": {"dispatchRuleDynamic": {"url": "http://127.0.0.1:9/dispatch"}}}]}
        """
    }

    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-secrets-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func expectNoSecret(_ result: ProcessResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for canary in [Self.password, Self.secret, "77310001", "44170001"] {
            #expect(
                !result.stdout.contains(canary) && !result.stderr.contains(canary), "\(what) printed \(canary)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("simulate, validate and load errors never print the password or the API secret")
    func noLeaks() throws {
        let file = try write(Self.project())
        defer { try? FileManager.default.removeItem(at: file) }
        let call = ["--from", "+15551234", "--to", "+15550100"]
        for extra in [["--explain"], ["--json"]] {
            let result = try runSwitchboard(["simulate", file.path] + call + extra)
            expectNoSecret(result, "simulate \(extra)")
            #expect(result.stdout.contains("ERROR") || result.stdout.contains("\"ERROR\""), "the webhook fails: \(result.stdout)")
        }
        expectNoSecret(try runSwitchboard(["validate", file.path]), "validate")
        // A secret of the wrong type is named, never echoed.
        for bad in [Self.project(password: "77310001"), Self.project(secret: "44170001")] {
            let badFile = try write(bad)
            defer { try? FileManager.default.removeItem(at: badFile) }
            let result = try runSwitchboard(["validate", badFile.path])
            #expect(result.status != 0)
            expectNoSecret(result, "validate (mistyped)")
        }
    }
}

import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO

/// `switchboard generate`: a large, realistic, conflict-free configuration for benchmarks and
/// load tests, identical for the same seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large generated configuration (project, lk lists, scenarios, mock script).",
        discussion: """
            Writes into DIRECTORY: project.json, lk/inbound-trunks.json, lk/dispatch-rules.json, \
            scenarios.json (each call's expected trunk and rule) and mock-webhook.json (answers \
            every generated dynamic rule). Up to about 39,000 trunks keep every number unique. \
            --profile dense fills in every field LiveKit prints on every item; scripts/lk-shapes.py \
            writes the same kind of data in the other shapes lk prints (protojson's whitespace, \
            one line, snake_case names).
            """
    )

    @Option(help: "How many trunks.") var trunks = 1000
    @Option(help: "How many dispatch rules.") var rules = 10000
    @Option(help: "How many scenarios (at most one per rule).") var scenarios = 1000
    @Option(help: "Seed for IDs and choices.") var seed: UInt64 = 1
    @Option(help: "URL the generated dynamic rules call.") var webhookUrl = "http://127.0.0.1:8089/dispatch"
    @Flag(help: "Plan scenarios only for dynamic rules (one rule in five), for webhook load tests.")
    var dynamicScenarios = false
    @Option(help: "sparse (optional fields on some items) or dense (every field LiveKit prints, on every item).")
    var profile = ConfigurationGenerator.Profile.sparse
    @Argument(help: "The directory to write into (created when missing).") var directory: String

    func run() throws {
        var rng = SeededGenerator(seed: seed)
        let generator = ConfigurationGenerator(
            trunks: trunks, rules: rules, scenarios: scenarios, webhookURL: webhookUrl, dynamicScenariosOnly: dynamicScenarios,
            profile: profile)
        let output = generator.generate(using: &rng)
        let lk = (directory as NSString).appendingPathComponent("lk")
        try FileManager.default.createDirectory(atPath: lk, withIntermediateDirectories: true)
        let files: [(String, JSONValue)] = [
            ("project.json", output.projectDocument()),
            ("lk/inbound-trunks.json", output.trunkListDocument()),
            ("lk/dispatch-rules.json", output.ruleListDocument()),
            ("scenarios.json", output.scenariosDocument()),
            ("mock-webhook.json", ConfigurationGenerator.Output.mockScript),
        ]
        for (name, document) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try AtomicFile.write(JSONWriter.bytes(document), to: path)
            } catch {
                CLIOutput.error(error.description)
                throw ExitCode(2)
            }
            print(path)
        }
    }
}

extension ConfigurationGenerator.Profile: ExpressibleByArgument {}

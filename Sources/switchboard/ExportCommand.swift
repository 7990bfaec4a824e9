import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO

/// `switchboard export`: write the (edited) configuration as a project file or as request
/// files `lk sip … create/update` accepts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write trunks and dispatch rules as JSON: a project file, or lk request files.",
        discussion: """
            --format project writes one file at PATH. lk-create and lk-update write one file per \
            trunk and rule into the directory PATH (created when missing): lk-create files are \
            wrapped ({"dispatch_rule": …}) and carry no IDs; lk-update files are bare objects. \
            Every write is atomic.
            """
    )

    @OptionGroup var input: InputOptions
    @Option(name: .shortAndLong, help: "The file (project) or directory (lk-create, lk-update) to write.")
    var output: String
    @Option(help: "project, lk-create or lk-update.") var format: ExportFormat = .project
    @Option(help: "Key spelling: keep (as read; new keys camelCase), camel, or proto (snake_case).")
    var names: NameStyle = .keep

    func run() throws {
        let workspace = try input.loadWorkspace()
        for warning in format.warnings(for: workspace) {
            CLIOutput.warning(warning)
        }
        do {
            let files = format.files(of: workspace, names: names)
            KeptUntilExit.keep((workspace, files))
            if !format.writesDirectory {
                let bytes = files[0].bytes(reservingCapacity: Self.capacity(forInputs: input.paths), parallel: .cores)
                try AtomicFile.write(bytes, to: output)
                print(output)
            } else {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                for file in files {
                    let path = (output as NSString).appendingPathComponent(file.name)
                    try AtomicFile.write(file.bytes(), to: path)
                    print(path)
                }
            }
        } catch let error as AtomicFile.WriteError {
            CLIOutput.error(error.description)
            throw ExitCode(2)
        }
    }
}

extension ExportCommand {
    /// Room for a project written from these inputs: about their size, plus an eighth for
    /// a change of key spelling or indentation.
    static func capacity(forInputs inputs: [String]) -> Int {
        let inputSize = inputs.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        return inputSize + inputSize / 8 + 4096
    }
}

extension NameStyle: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

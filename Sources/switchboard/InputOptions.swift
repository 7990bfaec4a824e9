import ArgumentParser
import Foundation
import SwitchboardCore
import SwitchboardIO

/// The input files every configuration-reading command takes.
struct InputOptions: ParsableArguments {
    @Argument(help: "Project, lk list, lk create/update files (default: samples/project.json).")
    var files: [String] = []

    /// The files to read: the ones given, or the bundled samples.
    var paths: [String] {
        if !files.isEmpty { return files }
        return [DefaultInputs.sampleProject]
    }

    /// Loads the workspace, or prints every input error and exits with status 2.
    func loadWorkspace(seed: UInt64? = nil) throws -> Workspace {
        do {
            if let seed {
                var rng = SeededGenerator(seed: seed)
                return try InputFiles.loadWorkspace(paths, using: &rng, parallel: .cores)
            }
            var rng = SystemRandomNumberGenerator()
            return try InputFiles.loadWorkspace(paths, using: &rng, parallel: .cores)
        } catch {
            CLIOutput.error(error.description)
            throw ExitCode(2)
        }
    }
}

enum DefaultInputs {
    /// The bundled samples, found relative to the working directory (the README runs
    /// commands from the repository root).
    static var sampleProject: String { "samples/project.json" }
}

enum CLIOutput {
    /// Error text quotes file names and values from files: their control characters are
    /// shown escaped (`\x1b`), never sent to the terminal.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(text, keepNewlines: true) + "\n").utf8))
    }

    static func warning(_ text: String) {
        FileHandle.standardError.write(Data(("warning: " + TerminalText.escaped(text, keepNewlines: true) + "\n").utf8))
    }

    /// Text for the user that is not the command's output, on standard error.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.escaped(text, keepNewlines: true).utf8))
    }

    static func printJSON(_ value: JSONValue) {
        FileHandle.standardOutput.write(Data(JSONWriter.bytes(value)))
    }
}

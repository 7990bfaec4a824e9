import ArgumentParser
import SwitchboardCore

/// `switchboard validate`: LiveKit's field and conflict checks, plus warnings.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check trunks and dispatch rules the way LiveKit does on create and update.",
        discussion: "Exit status 1 when any error is found; warnings alone exit 0."
    )

    @OptionGroup var input: InputOptions
    @Flag(help: "Print the findings as JSON.") var json = false

    func run() throws {
        let workspace = try input.loadWorkspace()
        let diagnostics = WorkspaceValidator.validate(workspace)
        let report = ValidationReport(workspace: workspace, diagnostics: diagnostics)
        KeptUntilExit.keep(report)
        if json {
            CLIOutput.printJSON(report.json)
        } else {
            // Names, IDs and values quoted from files: control characters shown escaped.
            print(TerminalText.escaped(report.text, keepNewlines: true), terminator: "")
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}

import CursesTerminal
import Foundation
import SwitchboardApp
import SwitchboardCore
import SwitchboardIO

/// The TUI's recovery file, on the I/O side: where it lives for these inputs, the input files'
/// fingerprints, and the offer to restore one left by an earlier session (issue #8). The app
/// decides what goes in it and when; this only finds and reads it.
enum TUIRecovery {
    /// This project's recovery file, with its directory created (0700); `nil` when there is no
    /// state directory, it cannot be created, or the session is read-only (nothing to recover).
    static func path(inputs: [String], readOnly: Bool, environment: [String: String]) -> String? {
        guard !readOnly, !inputs.isEmpty, !inputs.contains("-"),
            let directory = RecoveryStore.directory(environment: environment), RecoveryStore.prepare(directory: directory)
        else { return nil }
        return RecoveryStore.path(forInputs: inputs, directory: directory, currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Options with the recovery file and each loaded file's content hash.
    static func options(_ base: AppOptions, recoveryPath: String?, workspace: Workspace) -> AppOptions {
        var options = base
        options.recoveryPath = recoveryPath
        if recoveryPath != nil { options.fileHashes = RecoveryStore.hashes(of: workspace.files.map(\.path)) }
        return options
    }

    /// Asks (a confirmation on the first screen) when an earlier session left edits behind.
    static func offer(_ state: inout AppState) {
        guard let path = state.options.recoveryPath, let bytes = RecoveryStore.read(path) else { return }
        App.offerRecovery(bytes, &state)
    }
}

extension CursesTerminal.Options {
    /// These options with SIGTERM and SIGHUP turned into a request the app answers.
    func deferringTermination() -> Self {
        var options = self
        options.deferTermination = true
        return options
    }
}

import SwitchboardCore
import TerminalKit

extension App {
    /// `x`: opens the export screen on the workspace as edited now. A second visit keeps the
    /// format and path chosen before, and rebuilds the preview (the workspace may have changed).
    static func openExport(_ state: inout AppState) -> [Effect] {
        var exporter = state.exporter ?? ExportState(directory: projectDirectory(state))
        exporter.offset = 0
        exporter.editingPath = false
        exporter.error = nil
        rebuildExport(&exporter, workspace: state.workspace, unicode: state.options.unicode)
        state.exporter = exporter
        state.screen = .export
        return []
    }

    /// The project file's directory with its `/` (empty for the current directory).
    static func projectDirectory(_ state: AppState) -> String {
        let project = state.workspace.projectFileIndex.map { state.workspace.files[$0].path } ?? state.options.inputPaths.first
        guard let project, let slash = project.lastIndex(of: "/") else { return "" }
        return String(project[...slash])
    }

    /// Builds the files with the same Core writers `switchboard export` uses, and the preview
    /// from their exact bytes.
    static func rebuildExport(_ exporter: inout ExportState, workspace: Workspace, unicode: Bool = true) {
        exporter.files = exporter.format.files(of: workspace, names: exporter.names).map {
            ExportFile(name: $0.name, bytes: $0.bytes())
        }
        exporter.warnings = exporter.format.warnings(for: workspace).map { sanitizeForDisplay($0) }
        exporter.preview = ExportPreview.lines(exporter.files, reveal: exporter.revealSecrets, unicode: unicode)
        exporter.offset = 0
    }

    static func handleExportKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        guard var exporter = state.exporter else {
            state.screen = .browse
            return []
        }
        defer { state.exporter = exporter }
        if exporter.editingPath {
            return handleExportPathKey(&exporter, key, &state)
        }
        guard let action else { return [] }
        let page = max(1, state.layout.body.height - 10)
        switch action {
        case .back:
            state.screen = .browse
        case .nextFormat, .previousFormat:
            let formats = ExportFormat.allCases
            let index = formats.firstIndex(of: exporter.format) ?? 0
            let step = action == .nextFormat ? 1 : formats.count - 1
            exporter.format = formats[(index + step) % formats.count]
            if !exporter.pathEdited {
                exporter.path = TextFieldState(exporter.directory + ExportState.defaultName(exporter.format))
            }
            exporter.error = nil
            rebuildExport(&exporter, workspace: state.workspace, unicode: state.options.unicode)
        case .revealSecrets:
            exporter.revealSecrets.toggle()
            let offset = exporter.offset
            rebuildExport(&exporter, workspace: state.workspace, unicode: state.options.unicode)
            exporter.offset = offset
        case .cycleNames:
            let styles = NameStyle.allCases
            exporter.names = styles[((styles.firstIndex(of: exporter.names) ?? 0) + 1) % styles.count]
            rebuildExport(&exporter, workspace: state.workspace, unicode: state.options.unicode)
        case .editPath:
            exporter.pathBeforeEdit = exporter.path.text
            exporter.editingPath = true
        case .writeExport:
            return writeExport(&exporter, &state)
        case .help: return perform(.help, &state)
        default:
            guard let offset = ScrollKeys.offset(after: action, from: exporter.offset, page: page) else { break }
            exporter.offset = offset
        }
        exporter.offset = min(max(0, exporter.offset), ExportView.maxOffset(exporter, state: state))
        return []
    }

    /// Typing the target path: Enter writes to it, Esc puts the old path back.
    static func handleExportPathKey(_ exporter: inout ExportState, _ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape:
            exporter.path = TextFieldState(exporter.pathBeforeEdit)
            exporter.editingPath = false
        case .enter:
            exporter.editingPath = false
            return writeExport(&exporter, &state)
        case .tab:
            exporter.editingPath = false
        case .backspace: exporter.path.deleteBackward()
        case .delete: exporter.path.deleteForward()
        case .left: exporter.path.moveLeft()
        case .right: exporter.path.moveRight()
        case .home, .ctrl("a"): exporter.path.moveHome()
        case .end, .ctrl("e"): exporter.path.moveEnd()
        case .ctrl("u"): exporter.path.deleteToStart()
        case .ctrl("w"): exporter.path.deleteWordBackward()
        case .char(let character):
            exporter.path.insert(character)
            exporter.pathEdited = true
        default: break
        }
        if exporter.path.text != exporter.pathBeforeEdit { exporter.pathEdited = true }
        return []
    }

    /// The full path of each file: the target itself for the project format, else the file
    /// inside the target directory.
    static func exportPaths(_ exporter: ExportState) -> [String] {
        let target = exporter.path.text
        guard exporter.format.writesDirectory else { return [target] }
        let directory = target.hasSuffix("/") ? target : target + "/"
        return exporter.files.map { directory + $0.name }
    }

    /// Enter: writes every file without replacing any that exists; existing files come back
    /// as ``FileWriteFailure/alreadyExists`` and are asked about together.
    static func writeExport(_ exporter: inout ExportState, _ state: inout AppState) -> [Effect] {
        guard exporter.batch == nil else {
            state.showToast("The export is still being written", kind: .warning)
            return []
        }
        let target = exporter.path.text
        guard !target.allSatisfy({ $0 == " " }) else {
            exporter.error = "Not written: the target path is empty (e edits it)"
            return []
        }
        guard !exporter.files.isEmpty else {
            exporter.error = "Not written: the workspace has no trunks or rules to export"
            return []
        }
        exporter.error = nil
        let paths = exportPaths(exporter)
        exporter.batch = ExportBatch(waiting: Set(paths), target: target)
        return zip(paths, exporter.files).map { path, file in
            .writeFile(FileWrite(path: path, bytes: file.bytes, purpose: .export, replaceExisting: false))
        }
    }

    static func exportWritten(_ result: FileWriteResult, _ state: inout AppState) -> [Effect] {
        guard var exporter = state.exporter, var batch = exporter.batch, batch.waiting.contains(result.path) else { return [] }
        batch.waiting.remove(result.path)
        switch result.outcome {
        case .success(let bytes):
            batch.written.append(result.path)
            batch.bytesWritten += bytes
        case .failure(.alreadyExists):
            batch.existing.append(result.path)
        case .failure(.failed(let reason)):
            batch.failures.append(reason)
        }
        exporter.batch = batch
        defer { state.exporter = exporter }
        guard batch.waiting.isEmpty else { return [] }
        exporter.batch = nil
        return finishExport(batch, &exporter, &state)
    }

    /// Every result is in: report, or ask about the files that exist.
    static func finishExport(_ batch: ExportBatch, _ exporter: inout ExportState, _ state: inout AppState) -> [Effect] {
        if let failure = batch.failures.first {
            let more = batch.failures.count > 1 ? " (and \(batch.failures.count - 1) more)" : ""
            exporter.error = "Not written: " + sanitizeForDisplay(failure) + more
            state.showToast("Export failed: " + sanitizeForDisplay(failure), kind: .error)
            return []
        }
        if !batch.existing.isEmpty {
            let existing = batch.existing.sorted()
            exporter.pendingOverwrite = existing
            exporter.pendingOverwriteWritten = batch.written.count
            exporter.pendingOverwriteBytes = batch.bytesWritten
            let message: String
            if existing.count == 1, !exporter.format.writesDirectory {
                message = "\(sanitizeForDisplay(existing[0])) already exists. Replace it with the export?"
            } else {
                let names = existing.prefix(3).map { sanitizeForDisplay(String($0.split(separator: "/").last ?? "")) }.joined(
                    separator: ", ")
                let more = existing.count > 3 ? ", …" : ""
                let count = existing.count == 1 ? "1 file" : "\(existing.count) files"
                message = "\(count) in \(sanitizeForDisplay(batch.target)) already exist (\(names)\(more)). Replace them?"
            }
            exporter.error =
                "Not written yet: " + (existing.count == 1 ? sanitizeForDisplay(existing[0]) + " exists" : "\(existing.count) files exist")
            confirm(.yesNo(title: "Overwrite export", message: message, yes: "Replace", intent: .overwriteExport), &state)
            return []
        }
        reportExport(files: batch.written.count, bytes: batch.bytesWritten, exporter: exporter, &state)
        return []
    }

    static func reportExport(files: Int, bytes: Int, exporter: ExportState, _ state: inout AppState) {
        let size = SimulatorContent.size(bytes)
        if exporter.format.writesDirectory {
            state.showToast(
                "Exported \(files) file\(files == 1 ? "" : "s") to \(sanitizeForDisplay(exporter.path.text)) (\(size))", kind: .success)
        } else {
            state.showToast("Exported to \(sanitizeForDisplay(exporter.path.text)) (\(size))", kind: .success)
        }
    }

    /// The user confirmed replacing the existing export files: write them again, replacing.
    static func overwriteExport(_ state: inout AppState) -> [Effect] {
        guard var exporter = state.exporter, !exporter.pendingOverwrite.isEmpty else { return [] }
        defer { state.exporter = exporter }
        let paths = exportPaths(exporter)
        let wanted = Set(exporter.pendingOverwrite)
        var batch = ExportBatch(waiting: wanted, target: exporter.path.text)
        batch.written = Array(repeating: "", count: exporter.pendingOverwriteWritten)
        batch.bytesWritten = exporter.pendingOverwriteBytes
        exporter.batch = batch
        exporter.pendingOverwrite = []
        exporter.error = nil
        return zip(paths, exporter.files).compactMap { path, file in
            wanted.contains(path) ? .writeFile(FileWrite(path: path, bytes: file.bytes, purpose: .export, replaceExisting: true)) : nil
        }
    }
}

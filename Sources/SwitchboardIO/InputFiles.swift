import Foundation
import SwitchboardCore

/// Reads the user's input files. Every failure becomes an `InputError` in the one-line
/// `FILE:LINE:COL: expected…, found…` form, so a missing file reads like a syntax error.
public enum InputFiles {
    public static func read(_ paths: [String]) throws(LoadFailure) -> [SourceDocument] {
        var documents: [SourceDocument] = []
        var errors: [InputError] = []
        for path in paths {
            switch readOne(path) {
            case .success(let document): documents.append(document)
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw LoadFailure(errors) }
        return documents
    }

    static func readOne(_ path: String) -> Result<SourceDocument, InputError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(InputError(file: path, message: "expected a JSON file, found no file at this path"))
        }
        if isDirectory.boolValue {
            return .failure(InputError(file: path, message: "expected a JSON file, found a directory (name the files inside it)"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(InputError(file: path, message: "expected a readable JSON file, found one this user may not read"))
        }
        return .success(SourceDocument(path: path, bytes: [UInt8](data)))
    }

    /// Loads files into a workspace; IDs for new items come from `rng`. Files that cannot be
    /// read and files that cannot be parsed are reported together, in argument order.
    public static func loadWorkspace(
        _ paths: [String], using rng: inout some RandomNumberGenerator
    ) throws(LoadFailure) -> Workspace {
        var documents: [SourceDocument] = []
        var errors: [InputError] = []
        for path in paths {
            switch readOne(path) {
            case .success(let document): documents.append(document)
            case .failure(let error): errors.append(error)
            }
        }
        do {
            let workspace = try WorkspaceLoader.load(documents, using: &rng)
            if errors.isEmpty { return workspace }
        } catch {
            errors += error.errors
        }
        let order = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        throw LoadFailure(errors.sorted { (order[$0.file] ?? 0) < (order[$1.file] ?? 0) })
    }
}

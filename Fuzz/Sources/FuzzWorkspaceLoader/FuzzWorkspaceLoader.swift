import SwitchboardCore

/// The LiveKit JSON loader over arbitrary bytes: one to three files (split at a line holding
/// only `---`, so duplicate IDs across files are reachable), then what the CLI does with a
/// loaded workspace: validate, export every file both ways (the streamed project checked
/// against the tree's bytes), and build the routing index.
public func fuzzWorkspaceLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let separator = Array("\n---\n".utf8)
    var documents: [SourceDocument] = []
    var start = 0
    var index = 0
    while index + separator.count <= bytes.count, documents.count < 2 {
        if bytes[index..<index + separator.count].elementsEqual(separator) {
            documents.append(SourceDocument(path: "file\(documents.count).json", bytes: Array(bytes[start..<index])))
            index += separator.count
            start = index
        } else {
            index += 1
        }
    }
    documents.append(SourceDocument(path: "file\(documents.count).json", bytes: Array(bytes[start...])))

    var rng = SeededGenerator(seed: 1)
    guard let workspace = try? WorkspaceLoader.load(documents, using: &rng) else { return 0 }
    _ = WorkspaceValidator.validate(workspace)
    for file in workspace.files.indices {
        for names in NameStyle.allCases { _ = JSONWriter.bytes(WorkspaceWriter.document(forFile: file, of: workspace, names: names)) }
    }
    _ = JSONWriter.bytes(WorkspaceWriter.projectDocument(of: workspace), style: .compact)
    // `export` writes the project straight from the model; it must be the tree's bytes exactly.
    for names in NameStyle.allCases {
        let project = ExportFormat.project.files(of: workspace, names: names)[0]
        precondition(project.bytes() == JSONWriter.bytes(project.document), "the streamed export differs from the tree's")
    }
    _ = WorkspaceWriter.lkCreateFiles(of: workspace)
    _ = WorkspaceWriter.lkUpdateFiles(of: workspace)
    _ = RoutingIndex(workspace: workspace)
    return 0
}

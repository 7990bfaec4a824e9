/// The export screen: format, target path, preview.
public struct ExportState: Sendable, Equatable {
    public init() {}
}

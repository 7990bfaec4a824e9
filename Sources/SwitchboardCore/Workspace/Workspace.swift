/// Everything loaded from the user's files, merged: the trunks and rules routing works on,
/// and enough about each file to write it back in its own shape without losing anything.
public struct Workspace: Sendable, Equatable {
    public var files: [LoadedFile] = []
    public var trunks: [Trunk] = []
    public var rules: [DispatchRule] = []
    public var settings = ProjectSettings()
    public var calls: [CallSpec] = []
    /// Which file each trunk and rule came from, by ID. Items created in Switchboard have none.
    public var origins: [ItemKey: Int] = [:]
    /// IDs Switchboard generated because the file had none: these items are new to LiveKit.
    public var newIDs: Set<String> = []
    /// Which file `settings` and `calls` came from (the first project file), if any.
    public var projectFileIndex: Int?

    public init() {}

    public func trunk(id: String) -> Trunk? { trunks.first(where: { $0.id == id }) }
    public func rule(id: String) -> DispatchRule? { rules.first(where: { $0.id == id }) }
    public func isNew(_ id: String) -> Bool { newIDs.contains(id) }
}

/// Identifies a trunk or rule across lists (trunk and rule IDs never collide by prefix, but
/// a file may use any string as an ID).
public struct ItemKey: Sendable, Hashable {
    public var kind: ItemKind
    public var id: String
    public init(_ kind: ItemKind, _ id: String) {
        self.kind = kind
        self.id = id
    }
}

/// One input file as read: its path, shape, and top-level object (the wrapper, with every key
/// that is not a trunk or rule, kept for writing back).
public struct LoadedFile: Sendable, Equatable {
    public var path: String
    public var shape: FileShape
    public var root: JSONObject
    /// The key holding the item(s): `"items"`, `"trunk"`, `"dispatch_rule"`, … (nil for bare).
    public var itemKey: String?
    /// For project files: the key holding the rules (`"dispatchRules"` or `"dispatch_rules"`).
    public var rulesKey: String?

    public init(path: String, shape: FileShape, root: JSONObject, itemKey: String? = nil, rulesKey: String? = nil) {
        self.path = path
        self.shape = shape
        self.root = root
        self.itemKey = itemKey
        self.rulesKey = rulesKey
    }
}

/// A file's name and bytes; reading them is the caller's I/O, so loading stays pure.
public struct SourceDocument: Sendable {
    public var path: String
    /// The file's bytes. For a document read as `ReleasableBytes` this reads the file again
    /// (only the ordinary parse and error positions use it there).
    public var bytes: [UInt8] {
        get { releasable?.contents() ?? stored }
        set {
            stored = newValue
            releasable = nil
        }
    }
    private var stored: [UInt8]
    /// Set when the loader may give the bytes back as it reads past them.
    public private(set) var releasable: ReleasableBytes?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.stored = bytes
    }

    public init(path: String, releasable: ReleasableBytes) {
        self.path = path
        self.stored = []
        self.releasable = releasable
    }
}

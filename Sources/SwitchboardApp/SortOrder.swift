import SwitchboardCore

/// How a list is ordered; `s` cycles through the orders.
///
/// The default is the order of the files, which is how the user wrote them and how a diff of
/// the file reads. Ties always fall back to the ID, so every order is total and stable across
/// reloads, and selection-by-ID never flickers between equal items.
public enum SortOrder: String, CaseIterable, Sendable {
    case file
    case id
    case name
    case type

    /// Shown in the list's title: `Rules 11 · by name`.
    public var label: String {
        switch self {
        case .file: return "file order"
        case .id: return "by ID"
        case .name: return "by name"
        case .type: return "by type"
        }
    }

    public var next: SortOrder {
        let all = SortOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Workspace positions of every item of `kind`, in this order. O(n log n); lists cache the
    /// result per order, so it runs once per order and workspace, never per keystroke.
    func positions(of kind: ItemKind, in workspace: Workspace) -> [Int] {
        let count = kind == .trunk ? workspace.trunks.count : workspace.rules.count
        let all = Array(0..<count)
        switch self {
        case .file:
            return all
        case .id:
            let ids = kind == .trunk ? workspace.trunks.map(\.id) : workspace.rules.map(\.id)
            return all.sorted { (ids[$0], $0) < (ids[$1], $1) }
        case .name:
            let names = names(of: kind, in: workspace)
            return all.sorted { (names[$0], $0) < (names[$1], $1) }
        case .type:
            let names = names(of: kind, in: workspace)
            let ranks: [Int] =
                kind == .trunk
                ? workspace.trunks.map { $0.isDefault ? 1 : 0 }
                : workspace.rules.map { Self.rank(of: $0.kind) }
            return all.sorted { (ranks[$0], names[$0], $0) < (ranks[$1], names[$1], $1) }
        }
    }

    private func names(of kind: ItemKind, in workspace: Workspace) -> [String] {
        kind == .trunk
            ? workspace.trunks.map { ($0.name.isEmpty ? $0.id : $0.name).lowercased() }
            : workspace.rules.map { ($0.name.isEmpty ? $0.id : $0.name).lowercased() }
    }

    /// Dynamic rules first (they are what this tool is about), then the static kinds, then rules
    /// missing their variant.
    static func rank(of kind: RuleKind?) -> Int {
        switch kind {
        case .dynamic: return 0
        case .direct: return 1
        case .individual: return 2
        case .callee: return 3
        case nil: return 4
        }
    }
}

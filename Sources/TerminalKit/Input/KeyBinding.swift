/// One entry of the key-binding table: the single source for dispatch, status-bar hints, the
/// `?` help overlay and the command palette, so the four can never disagree.
public struct KeyBinding: Hashable, Sendable {
    /// Keys that trigger the action; the first is the one shown in hints.
    public var keys: [Key]
    /// What the app does; the app's `update` switches on it.
    public var action: String
    /// Short label for hints and help ("filter", "next pane").
    public var label: String
    /// Help overlay section ("Navigation", "Lists").
    public var group: String
    /// Lower is more important; `nil` keeps the binding out of the status bar.
    public var hintPriority: Int?
    /// Contexts (screens, panes, modes) where the binding applies; empty means everywhere.
    public var contexts: Set<String>
    /// Whether the binding appears in the command palette (motions usually do not).
    public var inPalette: Bool

    public init(
        _ keys: [Key], action: String, label: String, group: String, hintPriority: Int? = nil,
        contexts: Set<String> = [], inPalette: Bool = true
    ) {
        self.keys = keys
        self.action = action
        self.label = label
        self.group = group
        self.hintPriority = hintPriority
        self.contexts = contexts
        self.inPalette = inPalette
    }

    public func applies(in context: String) -> Bool {
        contexts.isEmpty || contexts.contains(context)
    }

    /// The keys as help shows them: `j/↓`.
    public func keyLabel(ascii: Bool = false) -> String {
        keys.map { ascii ? $0.asciiName : $0.displayName }.joined(separator: "/")
    }
}

/// A key and label for the status bar: `/ filter`.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// A titled group of bindings for the help overlay.
public struct HelpSection: Hashable, Sendable {
    public var group: String
    public var bindings: [KeyBinding]
}

/// A command palette row: the binding and the label positions the query matched (for
/// highlighting).
public struct PaletteEntry: Hashable, Sendable {
    public var binding: KeyBinding
    public var score: Int
    public var matchedOffsets: [Int]
}

/// The app's key bindings and everything generated from them.
public struct KeyBindingTable: Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The action for a key in a context. A binding scoped to the context wins over a global
    /// one, so a text field can take `j` while lists keep it for "down".
    public func action(for key: Key, in context: String) -> String? {
        let matching = bindings.filter { $0.keys.contains(key) && $0.applies(in: context) }
        return (matching.first { !$0.contexts.isEmpty } ?? matching.first)?.action
    }

    /// Bindings that apply in `context`; where a scoped and a global binding share a key, the
    /// global one is hidden (it cannot fire here).
    public func bindings(in context: String) -> [KeyBinding] {
        let applicable = bindings.filter { $0.applies(in: context) }
        let scopedKeys = Set(applicable.filter { !$0.contexts.isEmpty }.flatMap(\.keys))
        return applicable.filter { binding in
            !binding.contexts.isEmpty || !binding.keys.allSatisfy { scopedKeys.contains($0) }
        }
    }

    /// The `limit` most useful hints for the status bar, by priority then table order.
    public func hints(for context: String, limit: Int = 5, ascii: Bool = false) -> [KeyHint] {
        bindings(in: context).enumerated()
            .compactMap { index, binding in binding.hintPriority.map { (priority: $0, index: index, binding: binding) }
            }
            .sorted { ($0.priority, $0.index) < ($1.priority, $1.index) }
            .prefix(limit)
            .map { KeyHint(key: $0.binding.keyLabel(ascii: ascii), label: $0.binding.label) }
    }

    /// Help overlay content for `context`, grouped in first-appearance order. A non-empty
    /// filter keeps bindings whose label, group, action or key mention it (case-insensitive),
    /// so typing "fil" in help finds the filter key.
    public func helpSections(for context: String, filter: String = "") -> [HelpSection] {
        let needle = filter.lowercased().trimmed(of: " ")
        var order: [String] = []
        var groups: [String: [KeyBinding]] = [:]
        for binding in bindings(in: context) {
            if !needle.isEmpty {
                let haystack = [binding.label, binding.group, binding.action, binding.keyLabel()]
                    .joined(separator: " ").lowercased()
                guard haystack.contains(needle) else { continue }
            }
            if groups[binding.group] == nil { order.append(binding.group) }
            groups[binding.group, default: []].append(binding)
        }
        return order.map { HelpSection(group: $0, bindings: groups[$0] ?? []) }
    }

    /// Command palette entries matching `query` by fuzzy subsequence on the label, best first.
    /// An empty query lists every palette binding in table order.
    public func paletteEntries(matching query: String, in context: String) -> [PaletteEntry] {
        let candidates = bindings(in: context).filter(\.inPalette)
        if query.isEmpty {
            return candidates.map { PaletteEntry(binding: $0, score: 0, matchedOffsets: []) }
        }
        return candidates.enumerated()
            .compactMap { index, binding -> (PaletteEntry, Int)? in
                guard let match = FuzzyMatch.match(query, in: binding.label) else { return nil }
                return (PaletteEntry(binding: binding, score: match.score, matchedOffsets: match.offsets), index)
            }
            .sorted { ($1.0.score, $0.1) < ($0.0.score, $1.1) }
            .map(\.0)
    }
}

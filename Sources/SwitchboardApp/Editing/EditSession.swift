import SwitchboardCore

/// The unsaved edits of this session: what changed since the files were read, and the undo
/// and redo stacks.
public struct EditSession: Sendable, Equatable {
    public init() {}

    /// Anything not yet saved (quit and reload ask first).
    public var isDirty: Bool { false }
}

/// One change to the workspace, as the form applies it.
public enum ItemChange: Sendable, Equatable {
    /// Replace the trunk with this ID (or add it when no trunk has it).
    case trunk(Trunk)
    /// Replace the rule with this ID (or add it when no rule has it).
    case rule(DispatchRule)
    /// Remove an item.
    case delete(ItemKey)
}

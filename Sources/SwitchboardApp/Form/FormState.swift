import SwitchboardCore

/// The item being edited and its fields (``Screen/form``).
public struct FormState: Sendable, Equatable {
    public init() {}
}

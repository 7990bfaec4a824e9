/// The call simulator's screen: the call form, the run in flight and the panes.
public struct SimulatorState: Sendable, Equatable {
    public init() {}
}

/// Every call simulated in this session, newest last.
public struct RunHistory: Sendable {
    public init() {}

    /// Keeps a finished run (the simulator calls this for every result).
    public mutating func record(_ result: CallResult) {}
}

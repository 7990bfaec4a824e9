/// Every call simulated in this session, newest last.
public struct RunHistory: Sendable, Equatable {
    public init() {}
}

import SwitchboardCore

/// The LiveKit server the app was opened on (`switchboard --server`): where its lists were
/// pulled to, and its address for the header. Keys and secrets stay with the executable's
/// client; the app never sees them.
public struct ServerLink: Sendable, Equatable {
    /// `https://my-project.livekit.cloud` (the base URL, no credentials).
    public var base: String
    /// Where `P` writes the pulled lists (the files the workspace reads).
    public var directory: String

    public init(base: String, directory: String) {
        self.base = base
        self.directory = directory
    }

    /// `my-project.livekit.cloud` or `127.0.0.1:7880`: the header's marker.
    public var host: String {
        let rest = base.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
        return rest.count > 1 ? String(rest[1]) : base
    }
}

/// A push the app asks for: the workspace as the files hold it and where the pull record is.
public struct PushRequest: Sendable, Equatable {
    public var workspace: Workspace
    public var recordPath: String

    public init(workspace: Workspace, recordPath: String) {
        self.workspace = workspace
        self.recordPath = recordPath
    }
}

/// A plan ready to be shown: the plan, and what it was computed from (the server's lists as
/// fetched and the pull record), which sending it needs.
public struct PlannedPush: Sendable, Equatable {
    public var plan: PushPlan
    public var server: ServerLists
    public var record: PullRecord?

    public init(plan: PushPlan, server: ServerLists, record: PullRecord?) {
        self.plan = plan
        self.server = server
        self.record = record
    }
}

/// The server's lists fetched for a pull, and the local changes writing them would drop
/// (changes not pushed yet, conflicts, dynamic rules the server cannot hold).
public struct FetchedPull: Sendable, Equatable {
    public var lists: ServerLists
    public var unpushed: [String]

    public init(lists: ServerLists, unpushed: [String]) {
        self.lists = lists
        self.unpushed = unpushed
    }

    /// What writing `lists` over the files would lose: every step and conflict of the plan,
    /// and every dynamic rule (the server has none).
    public static func unpushed(_ plan: PushPlan) -> [String] {
        plan.steps.map(\.label)
            + plan.conflicts.map { "\($0.kind == .trunk ? "trunk" : "rule") \($0.id) (conflict)" }
            + plan.skipped.filter { $0.reason == PushPlan.dynamicReason }.map { "dynamic rule \($0.id)" }
    }
}

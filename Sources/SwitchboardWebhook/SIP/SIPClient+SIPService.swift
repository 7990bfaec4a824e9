import SwitchboardCore

extension SIPClient: SIPService {
    public var serverBase: String { credentials.address.base }

    public func fetchLists() async throws(ServerError) -> ServerLists {
        let trunks = try await listTrunks()
        let rules = try await listRules()
        return ServerLists(trunks: trunks.items, rules: rules.items, trunkRoot: trunks.root, ruleRoot: rules.root)
    }
}

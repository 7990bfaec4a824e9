/// `allowed_addresses` entries as LiveKit reads them (`isValidMask`, `filterInvalidAddrMasks`).
public enum AddressFilter {
    /// Entries with any of these are silently dropped by LiveKit.
    static let invalidCharacters: Set<Character> = ["(", ")", "+", "*", ";", ",", " ", "\t", "\r", "\n"]

    /// False for entries LiveKit drops without a word (`1.2.3.4, 5.6.7.8`, `sip://host`).
    public static func isWellFormedEntry(_ entry: String) -> Bool {
        !entry.contains(where: invalidCharacters.contains) && !entry.contains("://")
    }
}

/// `allowed_addresses` entries as LiveKit reads them (`isValidMask`, `filterInvalidAddrMasks`,
/// `matchAddrMasks`, livekit-routing.md 2.3).
///
/// The rules are surprising enough that the verdict carries the reason, for the trace:
/// * a source IP that does not parse lets the call through (the filter cannot judge it);
/// * malformed entries are dropped silently, and a list with nothing valid left allows all;
/// * an entry matches when it equals the From host (a hostname is never resolved), equals the
///   source IP, or is a CIDR prefix containing it.
public enum AddressFilter {
    /// Entries with any of these are silently dropped by LiveKit.
    static let invalidCharacters: Set<Character> = ["(", ")", "+", "*", ";", ",", " ", "\t", "\r", "\n"]

    /// False for entries LiveKit drops without a word (`1.2.3.4, 5.6.7.8`, `sip://host`).
    public static func isWellFormedEntry(_ entry: String) -> Bool {
        !entry.contains(where: invalidCharacters.contains) && !entry.contains("://")
    }

    /// Why a call passed or failed the filter.
    public enum Verdict: Sendable, Equatable {
        /// The list is empty: every source is allowed.
        case noFilter
        /// Every entry was malformed and dropped, which LiveKit treats as an empty list.
        case onlyMalformedEntries(dropped: [String])
        /// The source IP is not an IP address, so LiveKit lets it through.
        case unparseableSourceIP
        /// `entry` matched: the From host, the exact IP, or a prefix containing it.
        case matched(entry: String, how: MatchKind)
        /// Nothing matched; `dropped` lists the malformed entries that were ignored.
        case notMatched(dropped: [String])

        public var passes: Bool {
            if case .notMatched = self { return false }
            return true
        }
    }

    public enum MatchKind: Sendable, Equatable {
        case fromHost
        case exactIP
        case prefix
    }

    /// Applies `entries` to a call from `sourceIP` whose From header names `fromHost`.
    public static func evaluate(_ entries: [String], sourceIP: String, fromHost: String) -> Verdict {
        guard !entries.isEmpty else { return .noFilter }
        guard let ip = IPAddress(sourceIP) else { return .unparseableSourceIP }
        var dropped: [String] = []
        var valid = 0
        for entry in entries {
            guard isWellFormedEntry(entry) else {
                dropped.append(entry)
                continue
            }
            valid += 1
            if entry == fromHost { return .matched(entry: entry, how: .fromHost) }
            if let single = IPAddress(entry), single == ip { return .matched(entry: entry, how: .exactIP) }
            if entry.contains("/"), let prefix = IPPrefix(entry), prefix.contains(ip) {
                return .matched(entry: entry, how: .prefix)
            }
        }
        return valid == 0 ? .onlyMalformedEntries(dropped: dropped) : .notMatched(dropped: dropped)
    }
}

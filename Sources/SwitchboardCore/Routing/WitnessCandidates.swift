/// The calls a rule could take, built from its own filters and its trunks' filters: the
/// candidates `ReachabilityAnalyzer` runs through the engine. A candidate is only a guess;
/// the engine's decision on it is the verdict.
///
/// Per trunk the rule could arrive on (its listed trunks, or for a wildcard rule every trunk
/// and, in OSS mode, no trunk at all), the product of
/// * called numbers: the rule's `numbers` the trunk carries, else the trunk's own numbers
///   (as written and normalized, since rule filters compare exactly), else a fresh number;
/// * callers: the rule's `inbound_numbers` the trunk's `allowed_numbers` let through, else the
///   trunk's `allowed_numbers`, else a fresh number;
/// * sources: one per `allowed_addresses` entry (an address inside it, or its host name as
///   the From host), else the default source.
///
/// A fresh number is one no trunk and no rule names: with it, the fewest other trunks and
/// rules can take the call, so it is the best chance the rule has. What depends on the trunk
/// alone is computed once per trunk (a class: the analyzer is shared by value).
final class WitnessCandidates {
    typealias Source = (host: String, ip: String)

    let index: RoutingIndex
    private var taken: Set<String>?
    private var fresh: (caller: String, callee: String)?
    /// By trunk position: the lists for a rule without filters, and the sources.
    private var trunkCalled: [[String]?]
    private var trunkCallers: [[String]?]
    private var trunkSources: [[Source]?]
    private var carried: [Set<String>?]

    init(_ index: RoutingIndex) {
        self.index = index
        trunkCalled = Array(repeating: nil, count: index.trunks.count)
        trunkCallers = trunkCalled
        trunkSources = Array(repeating: nil, count: index.trunks.count)
        carried = Array(repeating: nil, count: index.trunks.count)
    }

    /// A caller and a called number no trunk and no rule names (normalized), found once.
    var freshNumbers: (caller: String, callee: String) {
        if let fresh { return fresh }
        var taken: Set<String> = []
        for trunk in index.trunks {
            for n in trunk.numbers { taken.insert(PhoneNumber.normalize(n)) }
            for n in trunk.allowedNumbers { taken.insert(PhoneNumber.normalize(n)) }
        }
        for rule in index.ruleFacts {
            for n in rule.inboundNumbers { taken.insert(PhoneNumber.normalize(n)) }
            for n in rule.numbers { taken.insert(PhoneNumber.normalize(n)) }
        }
        func unused(_ base: Int) -> String {
            var n = base
            while taken.contains("+\(n)") { n += 1 }
            return "+\(n)"
        }
        let found = (unused(1_555_0100_000), unused(1_555_0199_000))
        fresh = found
        return found
    }

    func calledNumbers(_ rule: DispatchRule, trunk position: Int?) -> [String] {
        guard let position else { return rule.numbers.isEmpty ? [freshNumbers.callee] : rule.numbers }
        let trunk = index.trunks[position]
        if !rule.numbers.isEmpty {
            if trunk.isDefault { return rule.numbers }
            let numbers = carriedNumbers(position)
            return rule.numbers.filter { numbers.contains(PhoneNumber.normalize($0)) }
        }
        if let cached = trunkCalled[position] { return cached }
        var out: [String] = []
        if trunk.isDefault {
            out = [freshNumbers.callee]
        } else {
            for number in trunk.numbers {
                for spelling in [number, PhoneNumber.normalize(number)] where !out.contains(spelling) { out.append(spelling) }
            }
        }
        trunkCalled[position] = out
        return out
    }

    private func carriedNumbers(_ position: Int) -> Set<String> {
        if let cached = carried[position] { return cached }
        let numbers = Set(index.trunks[position].numbers.map(PhoneNumber.normalize))
        carried[position] = numbers
        return numbers
    }

    func callers(_ rule: DispatchRule, trunk position: Int?) -> [String] {
        guard let position else { return rule.inboundNumbers.isEmpty ? [freshNumbers.caller] : rule.inboundNumbers }
        let filter = index.trunkFilters[position]
        if !rule.inboundNumbers.isEmpty {
            return rule.inboundNumbers.filter { filter.allowsCaller($0, normalized: PhoneNumber.normalize($0)) }
        }
        if let cached = trunkCallers[position] { return cached }
        let out = filter.allowedNumbers.isEmpty ? [freshNumbers.caller] : filter.allowedNumbers
        trunkCallers[position] = out
        return out
    }

    /// A From host and source IP per `allowed_addresses` entry LiveKit keeps.
    func sources(trunk position: Int?) -> [Source] {
        let fallback = [(host: CallSpec.defaultFromHost, ip: CallSpec.defaultSourceIP)]
        guard let position else { return fallback }
        if let cached = trunkSources[position] { return cached }
        var out: [Source] = []
        for entry in index.trunkFilters[position].addresses {
            if entry.ip != nil {
                out.append((CallSpec.defaultFromHost, entry.text))
            } else if let prefix = entry.prefix {
                out.append((CallSpec.defaultFromHost, Self.hostAddress(in: prefix)))
            } else if !entry.text.contains("/") {
                out.append((entry.text, CallSpec.defaultSourceIP))
            }
        }
        if out.isEmpty { out = fallback }
        trunkSources[position] = out
        return out
    }

    /// An address inside `prefix`: its network address plus one when that is still inside
    /// (`10.0.0.0/8` gives `10.0.0.1`, which reads as a host, not a network).
    static func hostAddress(in prefix: IPPrefix) -> String {
        var bytes = prefix.address.bytes
        guard prefix.length < prefix.address.bitCount - 1, bytes[bytes.count - 1] == 0 else { return prefix.address.description }
        bytes[bytes.count - 1] = 1
        let text =
            prefix.address.family == .v4
            ? bytes.map(String.init).joined(separator: ".")
            : stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(
                separator: ":")
        guard let ip = IPAddress(text), prefix.contains(ip) else { return prefix.address.description }
        return text
    }
}

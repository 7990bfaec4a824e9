/// LiveKit's inbound-trunk conflict check (`ValidateTrunksIter`, HEAD): trunks are grouped by
/// each normalized entry of `numbers` (`""` for a default trunk) and, inside a group, keyed by
/// each normalized `allowed_numbers` entry (`""` when there is none). Two different trunks
/// with the same group and key conflict.
public struct TrunkConflicts: Sendable {
    public struct Conflict: Sendable, Equatable {
        public var first: String
        public var second: String
        /// The shared number, `""` for two default trunks.
        public var number: String
        /// The shared allowed caller, `""` when neither trunk restricts callers.
        public var allowedNumber: String

        /// LiveKit's own error text.
        public var message: String {
            let list = number.isEmpty ? "<any>" : "[\(number)]"
            if allowedNumber.isEmpty {
                return
                    "Conflicting inbound SIP Trunks: \"\(first)\" and \"\(second)\", using the same number(s) \(list) without AllowedNumbers set"
            }
            return
                "Conflicting inbound SIP Trunks: \"\(first)\" and \"\(second)\", using the same number(s) \(list) and AllowedNumber \"\(allowedNumber)\""
        }
    }

    public private(set) var all: [Conflict] = []

    struct Key: Hashable {
        var number: String
        var allowed: String
    }

    public init(trunks: [Trunk]) {
        let ordered = trunks.sorted { $0.id < $1.id }
        var owner: [Key: Int] = [:]
        var seenPairs: Set<[Int]> = []
        for (index, trunk) in ordered.enumerated() {
            // HEAD: a trunk listing one number in two spellings does not conflict with itself.
            var groups: [String] = []
            for n in trunk.numbers.isEmpty ? [""] : trunk.numbers.map(PhoneNumber.normalize) where !groups.contains(n) {
                groups.append(n)
            }
            let keys = trunk.allowedNumbers.isEmpty ? [""] : trunk.allowedNumbers.map(PhoneNumber.normalize)
            for group in groups {
                for allowed in keys {
                    let key = Key(number: group, allowed: allowed)
                    if let first = owner[key] {
                        guard first != index, seenPairs.insert([first, index]).inserted else { continue }
                        all.append(Conflict(first: ordered[first].id, second: trunk.id, number: group, allowedNumber: allowed))
                    } else {
                        owner[key] = index
                    }
                }
            }
        }
    }
}

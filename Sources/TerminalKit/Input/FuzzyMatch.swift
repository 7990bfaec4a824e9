/// Subsequence fuzzy matching for the command palette and lists, in the spirit of fzf:
/// every query character must appear in order; consecutive runs and matches at word starts
/// score higher, so "np" ranks "next pane" above "open profile".
public enum FuzzyMatch {
    public struct Result: Hashable, Sendable {
        public var score: Int
        /// Character offsets in the candidate that matched.
        public var offsets: [Int]
    }

    /// Matches case-insensitively; `nil` when `query` is not a subsequence of `candidate`.
    public static func match(_ query: String, in candidate: String) -> Result? {
        let needle = Array(query.lowercased().filter { $0 != " " })
        let haystack = Array(candidate)
        let lowered = haystack.map { Character($0.lowercased()) }
        guard !needle.isEmpty else { return Result(score: 0, offsets: []) }
        var offsets: [Int] = []
        var score = 0
        var position = 0
        var previous = -2
        for wanted in needle {
            guard let found = lowered[position...].firstIndex(of: wanted) else { return nil }
            score += 1
            if found == previous + 1 { score += 5 }
            if found == 0 || !haystack[found - 1].isLetter && !haystack[found - 1].isNumber { score += 8 }
            offsets.append(found)
            previous = found
            position = found + 1
        }
        // Prefer shorter candidates and earlier first matches.
        score -= (offsets.first ?? 0) + haystack.count / 8
        return Result(score: score, offsets: offsets)
    }
}

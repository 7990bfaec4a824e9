/// A match of a search in a text view, in grapheme offsets within its line.
public struct TextMatch: Hashable, Sendable {
    public var line: Int
    public var start: Int
    public var length: Int
}

/// `/` search in a text pane, with `n`/`N` navigation and a match count.
///
/// Smart case, as in vim and less: a query with no uppercase letter matches case-insensitively,
/// one with an uppercase letter matches exactly. Matches do not overlap. Navigation wraps
/// around, because in a text pane (unlike a list) "next" after the last match is expected to
/// go back to the first one.
public struct TextSearch: Hashable, Sendable {
    public private(set) var query: String
    public private(set) var matches: [TextMatch]
    /// Index into ``matches`` of the current match.
    public private(set) var current: Int?

    /// Searches `lines`; the current match is the first one at or after `fromLine`.
    public init(query: String, lines: [String], fromLine: Int = 0) {
        self.query = query
        self.matches = TextSearch.findMatches(of: query, in: lines)
        self.current = matches.isEmpty ? nil : (matches.firstIndex { $0.line >= fromLine } ?? 0)
    }

    public var currentMatch: TextMatch? { current.map { matches[$0] } }

    /// `n`: the next match, wrapping to the first.
    public mutating func next() {
        guard !matches.isEmpty else { return }
        current = ((current ?? -1) + 1) % matches.count
    }

    /// `N`: the previous match, wrapping to the last.
    public mutating func previous() {
        guard !matches.isEmpty else { return }
        current = ((current ?? 0) - 1 + matches.count) % matches.count
    }

    /// `3/17`, or `no matches` (shown next to the query).
    public var statusText: String {
        guard let current else { return query.isEmpty ? "" : "no matches" }
        return "\(current + 1)/\(matches.count)"
    }

    static func findMatches(of query: String, in lines: [String]) -> [TextMatch] {
        guard !query.isEmpty else { return [] }
        let caseSensitive = query.contains { $0.isUppercase }
        let fold: (Character) -> String = caseSensitive ? { String($0) } : { $0.lowercased() }
        let needle = query.map(fold)
        var result: [TextMatch] = []
        for (lineNumber, line) in lines.enumerated() {
            let haystack = line.map(fold)
            guard haystack.count >= needle.count else { continue }
            var index = 0
            while index + needle.count <= haystack.count {
                if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle {
                    result.append(TextMatch(line: lineNumber, start: index, length: needle.count))
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return result
    }
}

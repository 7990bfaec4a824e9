/// One problem in a theme file, located precisely enough for an editor to jump to it.
/// Its description is the conventional `file:line:column: message`.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Everything wrong with a theme file; the parser reports all problems at once so a user fixes
/// them in one pass.
public struct ThemeParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [ThemeDiagnostic]

    public init(diagnostics: [ThemeDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// "Did you mean …?" suggestions for misspelt keys and values.
public enum Suggestion {
    /// The candidate closest to `word` (case-insensitive edit distance), if it is close
    /// enough to be a plausible typo: at most 1 edit for short words, 2 for longer ones.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let length = lowered.unicodeScalars.count
        let limit = length <= 4 ? 1 : 2
        var best: (String, Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: a long word (a garbage line
            // in a file) is never compared cell by cell with every candidate.
            let other = candidate.lowercased()
            guard abs(other.unicodeScalars.count - length) <= limit else { continue }
            let distance = editDistance(lowered, other)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Levenshtein distance with transpositions counted as one edit. Over Unicode scalars, not
    /// Characters: keys and values are ASCII words, and grapheme breaking made this the
    /// parser's hot spot on files full of garbage lines.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.unicodeScalars)
        let right = Array(rhs.unicodeScalars)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previousPrevious = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            previousPrevious = previous
            previous = current
        }
        return previous[right.count]
    }
}

/// A line diff of two texts (longest common subsequence), for comparing two runs side by side.
///
/// The common prefix and suffix are matched first, so two outcomes that differ in a few lines
/// cost little; the middle is an LCS table. A middle too large for a table (more than
/// ``tableLimit`` cells) is reported as removed then added, which is still a correct diff, only
/// not a minimal one: the history compares outcomes, not novels.
public enum LineDiff {
    public enum Change: Sendable, Equatable {
        case same
        case removed
        case added
        /// A removed line paired with an added one on the same row of a side-by-side view.
        case changed
    }

    /// One edit step: a line of the old text, of the new text, or of both.
    public struct Step: Sendable, Equatable {
        public var change: Change
        /// Line index in the old text (nil for an added line).
        public var old: Int?
        /// Line index in the new text (nil for a removed line).
        public var new: Int?

        public init(_ change: Change, old: Int?, new: Int?) {
            self.change = change
            self.old = old
            self.new = new
        }
    }

    /// One row of a side-by-side view: the old line on the left, the new on the right.
    public struct Row: Sendable, Equatable {
        public var change: Change
        public var left: String?
        public var right: String?

        public init(_ change: Change, left: String?, right: String?) {
            self.change = change
            self.left = left
            self.right = right
        }
    }

    /// The most cells the LCS table may have (a 2,000 × 2,000 line middle).
    public static let tableLimit = 4_000_000

    /// The steps turning `old` into `new`: `.same`, `.removed` and `.added` only, in order,
    /// removals before additions within a changed block.
    public static func steps(_ old: [String], _ new: [String]) -> [Step] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        var out: [Step] = (0..<prefix).map { Step(.same, old: $0, new: $0) }
        let oldMiddle = prefix..<(old.count - suffix)
        let newMiddle = prefix..<(new.count - suffix)
        out += middle(old, oldMiddle, new, newMiddle)
        for i in 0..<suffix {
            out.append(Step(.same, old: old.count - suffix + i, new: new.count - suffix + i))
        }
        return out
    }

    /// Side-by-side rows: a block of removals followed by additions is paired row by row as
    /// `.changed`; the rest stay `.removed` or `.added` with the other side empty.
    public static func rows(_ old: [String], _ new: [String]) -> [Row] {
        let all = steps(old, new)
        var out: [Row] = []
        var index = 0
        while index < all.count {
            let step = all[index]
            if step.change == .same {
                out.append(Row(.same, left: old[step.old!], right: new[step.new!]))
                index += 1
                continue
            }
            var removed: [Int] = []
            var added: [Int] = []
            while index < all.count, all[index].change != .same {
                if let o = all[index].old { removed.append(o) } else if let n = all[index].new { added.append(n) }
                index += 1
            }
            for k in 0..<max(removed.count, added.count) {
                let left = k < removed.count ? old[removed[k]] : nil
                let right = k < added.count ? new[added[k]] : nil
                let change: Change = left != nil && right != nil ? .changed : (left != nil ? .removed : .added)
                out.append(Row(change, left: left, right: right))
            }
        }
        return out
    }

    static func middle(_ old: [String], _ oldRange: Range<Int>, _ new: [String], _ newRange: Range<Int>) -> [Step] {
        let n = oldRange.count
        let m = newRange.count
        if n == 0 || m == 0 || n * m > tableLimit {
            return oldRange.map { Step(.removed, old: $0, new: nil) } + newRange.map { Step(.added, old: nil, new: $0) }
        }
        // lengths[i][j]: LCS length of old[i...] and new[j...] (suffixes), in one flat table.
        let width = m + 1
        var lengths = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    old[oldRange.lowerBound + i] == new[newRange.lowerBound + j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var out: [Step] = []
        var i = 0
        var j = 0
        var removed: [Step] = []
        var added: [Step] = []
        func flush() {
            out += removed
            out += added
            removed.removeAll()
            added.removeAll()
        }
        while i < n || j < m {
            if i < n, j < m, old[oldRange.lowerBound + i] == new[newRange.lowerBound + j] {
                flush()
                out.append(Step(.same, old: oldRange.lowerBound + i, new: newRange.lowerBound + j))
                i += 1
                j += 1
            } else if j == m || (i < n && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                removed.append(Step(.removed, old: oldRange.lowerBound + i, new: nil))
                i += 1
            } else {
                added.append(Step(.added, old: nil, new: newRange.lowerBound + j))
                j += 1
            }
        }
        flush()
        return out
    }
}

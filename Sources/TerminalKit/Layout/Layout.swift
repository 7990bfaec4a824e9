/// Splitting a rectangle into panes.
///
/// Constraints are resolved in priority order: fixed sizes first, then percentages of the
/// whole, then whatever is left is shared among `fill` parts by weight. When the fixed and
/// percentage parts do not fit (a tiny terminal) the last parts shrink first, so the
/// important left/top panes keep their size; nothing ever gets a negative size.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (if available).
    case fixed(Int)
    /// This percentage (0–100) of the total length.
    case percent(Int)
    /// A share of what is left after fixed and percent parts, proportional to the weight.
    case fill(Int = 1)
    /// Like `fill(1)` but never less than this many cells (when available).
    case min(Int)
}

public enum Axis: Sendable {
    /// Side by side: splits the width.
    case horizontal
    /// Stacked: splits the height.
    case vertical
}

extension Rect {
    /// Splits this rectangle along `axis`; returns one rectangle per constraint, in order.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = axis == .horizontal ? width : height
        let gaps = Swift.max(0, spacing) * (constraints.count - 1)
        let available = Swift.max(0, total - gaps)
        let lengths = Layout.resolve(constraints, length: available)
        var result: [Rect] = []
        var offset = 0
        for length in lengths {
            let start = Swift.min(offset, total)
            let size = Swift.min(length, total - start)
            switch axis {
            case .horizontal: result.append(Rect(x: x + start, y: y, width: size, height: height))
            case .vertical: result.append(Rect(x: x, y: y + start, width: width, height: size))
            }
            offset += length + Swift.max(0, spacing)
        }
        return result
    }
}

/// The constraint solver behind ``Rect/split(_:_:spacing:)``, exposed for tests.
public enum Layout {
    public static func resolve(_ constraints: [Constraint], length: Int) -> [Int] {
        var sizes = Array(repeating: 0, count: constraints.count)
        var fillWeights = Array(repeating: 0, count: constraints.count)
        var minimums = Array(repeating: 0, count: constraints.count)
        for (index, constraint) in constraints.enumerated() {
            switch constraint {
            case .fixed(let cells): sizes[index] = Swift.max(0, cells)
            case .percent(let percent): sizes[index] = length * Swift.min(100, Swift.max(0, percent)) / 100
            case .fill(let weight): fillWeights[index] = Swift.max(1, weight)
            case .min(let cells):
                fillWeights[index] = 1
                minimums[index] = Swift.max(0, cells)
                sizes[index] = minimums[index]
            }
        }
        // Too little room: shrink from the end.
        var overflow = sizes.reduce(0, +) - length
        var index = constraints.count - 1
        while overflow > 0 && index >= 0 {
            let cut = Swift.min(overflow, sizes[index])
            sizes[index] -= cut
            overflow -= cut
            index -= 1
        }
        var remaining = length - sizes.reduce(0, +)
        let totalWeight = fillWeights.reduce(0, +)
        guard remaining > 0, totalWeight > 0 else { return sizes }
        let shareable = remaining
        var lastFill = 0
        for (index, weight) in fillWeights.enumerated() where weight > 0 {
            let share = shareable * weight / totalWeight
            sizes[index] += share
            remaining -= share
            lastFill = index
        }
        // Rounding leftovers go to the last fill part so the parts always cover the length.
        sizes[lastFill] += remaining
        return sizes
    }
}

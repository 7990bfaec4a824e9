/// A rectangle of cells. Empty when width or height is zero; never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "\(width)x\(height)+\(x)+\(y)" }

    public func contains(column: Int, row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The overlap of two rectangles (empty, positioned at `self`, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks every side by `amount` (a border is `inset(by: 1)`).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks each side independently; collapses to empty rather than going negative.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(
            x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// A `width` × `height` rectangle centred in this one (shrunk to fit if larger).
    public func centered(width requestedWidth: Int, height requestedHeight: Int) -> Rect {
        let newWidth = min(width, max(0, requestedWidth))
        let newHeight = min(height, max(0, requestedHeight))
        return Rect(
            x: x + (width - newWidth) / 2, y: y + (height - newHeight) / 2, width: newWidth, height: newHeight)
    }

    /// The top `count` rows (clamped).
    public func top(_ count: Int) -> Rect { Rect(x: x, y: y, width: width, height: min(height, count)) }

    /// The bottom `count` rows (clamped).
    public func bottom(_ count: Int) -> Rect {
        let rows = min(height, max(0, count))
        return Rect(x: x, y: maxY - rows, width: width, height: rows)
    }

    /// Row `index` inside this rectangle (relative), or empty if out of range.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }
}

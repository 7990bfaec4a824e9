/// How a cell looks: colours plus the attributes every terminal has.
///
/// Attributes carry meaning even when colour is gone (`NO_COLOR`): selection is shown with
/// `reverse`, focus and titles with `bold`, so a monochrome screen stays usable.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(
        foreground: Color = .default, background: Color = .default, bold: Bool = false,
        dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's own colours, no attributes.
    public static let plain = Style()

    /// Whether any attribute is set (colours aside).
    public var hasAttributes: Bool { bold || dim || italic || underline || reverse }

    /// This style with both colours degraded to `depth`; attributes are kept.
    public func degraded(to depth: ColorDepth) -> Style {
        var copy = self
        copy.foreground = foreground.degraded(to: depth)
        copy.background = background.degraded(to: depth)
        return copy
    }

    /// This style with the attributes of `other` added (colours of `other` win when they are
    /// not `.default`). Used to lay a search highlight over syntax colours.
    public func merged(with other: Style) -> Style {
        var copy = self
        if other.foreground != .default { copy.foreground = other.foreground }
        if other.background != .default { copy.background = other.background }
        copy.bold = bold || other.bold
        copy.dim = dim || other.dim
        copy.italic = italic || other.italic
        copy.underline = underline || other.underline
        copy.reverse = reverse || other.reverse
        return copy
    }

    /// Attribute names in a fixed order, as snapshots and theme files spell them.
    public var attributeNames: [String] {
        var names: [String] = []
        if bold { names.append("bold") }
        if dim { names.append("dim") }
        if italic { names.append("italic") }
        if underline { names.append("underline") }
        if reverse { names.append("reverse") }
        return names
    }
}

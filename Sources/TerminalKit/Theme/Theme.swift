/// A parsed theme: a value for every role, optional per-element overrides, and the colour
/// depth its styles are produced for.
///
/// Widgets ask for styles with ``style(_:)-(ThemeElement)`` or ``style(_:)-(ThemeRole)``; the
/// answer is already degraded to ``colorDepth``. Under ``ColorDepth/none`` every colour is
/// dropped and any style whose background differs from the theme's background gains
/// `reverse` — that is how selection, the status bar and buttons stay visible without colour.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String?
    /// Every role has a value (fallback roles were filled in when the theme was built).
    public private(set) var roles: [ThemeRole: ThemeColor]
    /// Only the elements the theme file overrides; the rest use ``ThemeElement/defaultStyle``.
    public var elements: [ThemeElement: ElementStyle]
    /// The depth styles are degraded to; see ``adapted(to:)``.
    public private(set) var colorDepth: ColorDepth

    /// Builds a theme; roles left out take their ``ThemeRole/fallback``. Required roles that
    /// are missing become `.default` (the parser reports them before this point).
    public init(
        name: String, description: String? = nil, roles: [ThemeRole: ThemeColor],
        elements: [ThemeElement: ElementStyle] = [:], colorDepth: ColorDepth = .truecolor
    ) {
        self.name = name
        self.description = description
        self.elements = elements
        self.colorDepth = colorDepth
        var filled = roles
        for role in ThemeRole.allCases where filled[role] == nil {
            var source = role.fallback
            while let candidate = source, filled[candidate] == nil { source = candidate.fallback }
            filled[role] = source.flatMap { filled[$0] } ?? ThemeColor(.default)
        }
        self.roles = filled
    }

    /// The same theme producing styles for a terminal of `depth`.
    public func adapted(to depth: ColorDepth) -> Theme {
        var copy = self
        copy.colorDepth = depth
        return copy
    }

    /// A role's colour as this theme's depth shows it.
    public func color(_ role: ThemeRole) -> Color {
        rawColor(role).degraded(to: colorDepth)
    }

    /// The style for text in a role's colour on the theme background (for background roles:
    /// default text on that background), degraded to ``colorDepth``.
    public func style(_ role: ThemeRole) -> Style {
        let value = roles[role] ?? ThemeColor(.default)
        var style = value.attributes
        if role.isBackground {
            style.foreground = rawColor(.foreground)
            style.background = value.color
        } else {
            style.foreground = value.color
            style.background = rawColor(.background)
        }
        return finish(style)
    }

    /// The style of a widget element, honouring the theme's override, degraded to
    /// ``colorDepth``.
    public func style(_ element: ThemeElement) -> Style {
        let spec = elements[element] ?? element.defaultStyle
        var style = spec.attributes
        style.foreground = resolve(spec.foreground, attributes: &style) ?? rawColor(.foreground)
        style.background = resolve(spec.background, attributes: &style) ?? rawColor(.background)
        return finish(style)
    }

    /// The base style of the whole screen: foreground on background.
    public var base: Style { style(.text) }

    private func rawColor(_ role: ThemeRole) -> Color {
        roles[role]?.color ?? .default
    }

    private func resolve(_ reference: ThemeColorReference?, attributes: inout Style) -> Color? {
        switch reference {
        case .none:
            return nil
        case .color(let color):
            return color
        case .role(let role):
            let value = roles[role] ?? ThemeColor(.default)
            attributes = attributes.merged(with: value.attributes)
            return value.color
        }
    }

    private func finish(_ style: Style) -> Style {
        var result = style
        if colorDepth == .none {
            if style.background != rawColor(.background) { result.reverse = true }
            result.foreground = .default
            result.background = .default
            return result
        }
        result = style.degraded(to: colorDepth)
        // Safety net for user themes whose text and background collapse into one colour at a
        // low depth: pick whichever of black or white stands out more from the background.
        if result.foreground == result.background, result.foreground != .default {
            let background = result.background.approximateRGB ?? RGB(0, 0, 0)
            let black = RGB(0, 0, 0).distanceSquared(to: background)
            let white = RGB(255, 255, 255).distanceSquared(to: background)
            result.foreground = black > white ? .ansi(0) : .ansi(15)
        }
        return result
    }
}

/// The parts of the toolkit's widgets that a theme can restyle in its `[elements]` section.
///
/// Each element has a default built from roles (``defaultStyle``), so a theme only overrides
/// what it wants. The raw value is the key used in theme files.
public enum ThemeElement: String, CaseIterable, Hashable, Sendable {
    case text = "text"
    case textMuted = "text.muted"
    case panelBorder = "panel.border"
    case panelBorderFocused = "panel.border.focused"
    case panelTitle = "panel.title"
    case panelTitleFocused = "panel.title.focused"
    case listItem = "list.item"
    case listSelected = "list.selected"
    case listSelectedInactive = "list.selected.inactive"
    case listPosition = "list.position"
    case listFilter = "list.filter"
    case listEmpty = "list.empty"
    case tabActive = "tabs.active"
    case tabInactive = "tabs.inactive"
    case searchMatch = "search.match"
    case searchMatchCurrent = "search.match.current"
    case statusBar = "statusbar"
    case statusBarMode = "statusbar.mode"
    case statusBarDirty = "statusbar.dirty"
    case statusBarKey = "statusbar.key"
    case statusBarHint = "statusbar.hint"
    case modalBorder = "modal.border"
    case modalTitle = "modal.title"
    case modalText = "modal.text"
    case modalButton = "modal.button"
    case modalButtonFocused = "modal.button.focused"
    case toastInfo = "toast.info"
    case toastSuccess = "toast.success"
    case toastWarning = "toast.warning"
    case toastError = "toast.error"
    case tableKey = "table.key"
    case tableValue = "table.value"
    case tableSection = "table.section"
    case helpKey = "help.key"
    case helpGroup = "help.group"
    case paletteMatch = "palette.match"

    /// How the element looks when the theme does not override it.
    public var defaultStyle: ElementStyle {
        func style(
            _ foreground: ThemeRole?, on background: ThemeRole? = nil, bold: Bool = false,
            italic: Bool = false, underline: Bool = false, reverse: Bool = false
        ) -> ElementStyle {
            ElementStyle(
                foreground: foreground.map { .role($0) }, background: background.map { .role($0) },
                attributes: Style(bold: bold, italic: italic, underline: underline, reverse: reverse))
        }
        switch self {
        case .text, .listItem, .modalText, .tableValue: return style(.foreground)
        case .textMuted, .listPosition, .tabInactive: return style(.muted)
        case .listEmpty: return style(.muted, italic: true)
        case .panelBorder: return style(.border)
        case .panelBorderFocused: return style(.borderFocused)
        case .panelTitle: return style(.title)
        case .panelTitleFocused, .helpGroup, .tableSection: return style(.title, bold: true)
        case .listSelected: return style(.selectionText, on: .selection, bold: true)
        case .listSelectedInactive: return style(.accent, underline: true)
        case .listFilter, .tableKey, .helpKey: return style(.accent)
        case .tabActive: return style(.accent, bold: true, underline: true)
        case .searchMatch: return style(.warning, reverse: true)
        case .searchMatchCurrent: return style(.accent, bold: true, reverse: true)
        case .statusBar, .statusBarHint: return style(.statusBarText, on: .statusBar)
        case .statusBarMode: return style(.accent, on: .statusBar, bold: true, reverse: true)
        case .statusBarDirty: return style(.dirty, on: .statusBar, bold: true)
        case .statusBarKey: return style(.accent, on: .statusBar, bold: true)
        case .modalBorder: return style(.borderFocused)
        case .modalTitle: return style(.title, bold: true)
        case .modalButton: return style(.foreground)
        case .modalButtonFocused: return style(.selectionText, on: .selection, bold: true)
        case .toastInfo: return style(.info, bold: true)
        case .toastSuccess: return style(.success, bold: true)
        case .toastWarning: return style(.warning, bold: true)
        case .toastError: return style(.error, bold: true)
        case .paletteMatch: return style(.accent, bold: true, underline: true)
        }
    }
}

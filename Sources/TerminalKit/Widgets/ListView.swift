/// Selection and scroll position of a list, kept in the app's state.
///
/// The app's `update` calls the navigation methods and ``scrollToSelection(viewHeight:count:)``
/// with the height the list had in the last layout; ``ListView`` clamps again when drawing,
/// so a stale offset can never hide the selection.
public struct ListState: Hashable, Sendable {
    /// Index of the selected item in the (filtered) items, `nil` when the list is empty.
    public var selected: Int?
    /// Index of the first visible item.
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Selects `index` clamped to the list (or nothing in an empty list).
    public mutating func select(_ index: Int, count: Int) {
        selected = count == 0 ? nil : min(max(0, index), count - 1)
    }

    /// Moves the selection by `delta` rows, stopping at the ends (no wrap-around: wrapping
    /// makes a held key skip from bottom to top unexpectedly).
    public mutating func move(by delta: Int, count: Int) {
        select((selected ?? (delta > 0 ? -1 : count)) + delta, count: count)
    }

    public mutating func selectFirst(count: Int) { select(0, count: count) }
    public mutating func selectLast(count: Int) { select(count - 1, count: count) }

    /// PgUp/PgDn: one view height minus one row, so one item of context stays in view.
    public mutating func page(_ direction: Int, viewHeight: Int, count: Int) {
        move(by: direction * max(1, viewHeight - 1), count: count)
    }

    /// Adjusts the offset minimally so the selection is visible with `margin` rows of context.
    public mutating func scrollToSelection(viewHeight: Int, count: Int, margin: Int = 0) {
        offset = visibleOffset(viewHeight: viewHeight, count: count, margin: margin)
    }

    /// The offset that shows the selection, without changing state.
    public func visibleOffset(viewHeight: Int, count: Int, margin: Int = 0) -> Int {
        guard viewHeight > 0, count > 0 else { return 0 }
        let context = min(margin, (viewHeight - 1) / 2)
        var result = min(offset, max(0, count - viewHeight))
        if let selected {
            if selected - context < result { result = max(0, selected - context) }
            if selected + context >= result + viewHeight {
                result = min(selected + context - viewHeight + 1, max(0, count - viewHeight))
            }
        }
        return max(0, result)
    }

    /// `3/12` (1-based), or `0/0` for an empty list.
    public func positionText(count: Int) -> String {
        guard let selected, count > 0 else { return "0/\(count)" }
        return "\(selected + 1)/\(count)"
    }
}

/// One row of a list: main text, an optional marker before it (a dirty dot, a kind badge) and
/// optional detail shown right-aligned in the muted colour.
public struct ListItem: Hashable, Sendable {
    public var text: String
    public var detail: String?
    public var marker: String?
    public var markerStyle: ThemeRole?

    public init(_ text: String, detail: String? = nil, marker: String? = nil, markerStyle: ThemeRole? = nil) {
        self.text = text
        self.detail = detail
        self.marker = marker
        self.markerStyle = markerStyle
    }
}

/// A scrolling list with selection, a live-filter line and a `3/12` position indicator.
public struct ListView: Sendable {
    public var items: [ListItem]
    public var state: ListState
    public var focused: Bool
    /// The filter text; `nil` when no filter is active. Shown as `/text` in the footer.
    public var filter: String?
    /// Whether the user is typing into the filter (draws a cursor after it).
    public var isEditingFilter: Bool
    /// Items before filtering; shown as `3/12 of 40` when it differs from `items.count`.
    public var totalCount: Int?
    public var emptyMessage: String
    public var showsFooter: Bool
    public var symbols: Symbols
    /// The length of the whole list when ``items`` holds only a window of it; `nil` when
    /// ``items`` is the whole list. A 100,000-row list is drawn from its visible rows alone, so a
    /// keystroke costs what the screen shows, not what the file holds.
    public var itemCount: Int?
    /// The position of `items[0]` in the whole list (with ``itemCount``).
    public var windowStart: Int

    public init(
        items: [ListItem], state: ListState, focused: Bool = true, filter: String? = nil,
        isEditingFilter: Bool = false, totalCount: Int? = nil, emptyMessage: String = "Nothing here",
        showsFooter: Bool = true, symbols: Symbols = .unicode, itemCount: Int? = nil, windowStart: Int = 0
    ) {
        self.itemCount = itemCount
        self.windowStart = windowStart
        self.items = items
        self.state = state
        self.focused = focused
        self.filter = filter
        self.isEditingFilter = isEditingFilter
        self.totalCount = totalCount
        self.emptyMessage = emptyMessage
        self.showsFooter = showsFooter
        self.symbols = symbols
    }

    /// Rows available for items in `rect`.
    public func viewHeight(for rect: Rect) -> Int {
        showsFooter && rect.height >= 2 ? rect.height - 1 : rect.height
    }

    /// The footer's position text: `3/12` or `3/12 of 40`.
    public var positionText: String {
        let base = state.positionText(count: count)
        if let totalCount, totalCount != count { return base + " of \(totalCount)" }
        return base
    }

    /// Rows in the whole list (not just the window held in ``items``).
    public var count: Int { itemCount ?? items.count }

    /// Draws the list; returns the offset actually used (store it back into the state).
    @discardableResult
    public func render(in rect: Rect, grid: inout CellGrid, theme: Theme) -> Int {
        grid.fill(rect, style: theme.base)
        let height = viewHeight(for: rect)
        let offset = state.visibleOffset(viewHeight: height, count: count)
        if count == 0, height > 0 {
            let message = DisplayWidth.truncate(emptyMessage, to: rect.width - 2, ellipsis: symbols.ellipsis)
            grid.write(message, column: rect.x + 1, row: rect.y, style: theme.style(.listEmpty), clip: rect)
        }
        for row in 0..<height where offset + row < count {
            let index = offset + row
            guard items.indices.contains(index - windowStart) else { continue }
            drawItem(
                items[index - windowStart], selected: index == state.selected, in: rect.row(row), grid: &grid,
                theme: theme)
        }
        if showsFooter, rect.height >= 2 {
            drawFooter(in: rect.row(rect.height - 1), grid: &grid, theme: theme)
        }
        return offset
    }

    private func drawItem(_ item: ListItem, selected: Bool, in line: Rect, grid: inout CellGrid, theme: Theme) {
        let style =
            selected ? theme.style(focused ? .listSelected : .listSelectedInactive) : theme.style(.listItem)
        grid.fill(line, style: style)
        var column = line.x + 1
        if let marker = item.marker {
            var markerStyle = style
            if let role = item.markerStyle, !selected { markerStyle = theme.style(role) }
            column = grid.write(marker, column: column, row: line.y, style: markerStyle, clip: line) + 1
        }
        var textLimit = line.maxX - column - 1
        if let detail = item.detail, !detail.isEmpty {
            let detailText = DisplayWidth.truncate(detail, to: max(0, line.width / 2 - 2), ellipsis: symbols.ellipsis)
            let detailWidth = DisplayWidth.of(detailText)
            let textWidth = DisplayWidth.of(item.text)
            // The main text has priority: the detail takes only room the text leaves free, or
            // half the row at most when the text has to be cut anyway.
            let fitsBeside = textWidth + detailWidth + 2 <= textLimit
            let textKeepsHalf = textLimit - detailWidth - 2 >= line.width / 2
            if detailWidth > 0, fitsBeside || textKeepsHalf {
                var detailStyle = selected ? style : theme.style(.textMuted)
                detailStyle.reverse = style.reverse
                grid.write(detailText, column: line.maxX - 1 - detailWidth, row: line.y, style: detailStyle, clip: line)
                textLimit -= detailWidth + 2
            }
        }
        let text = DisplayWidth.truncate(item.text, to: max(0, textLimit), ellipsis: symbols.ellipsis)
        grid.write(text, column: column, row: line.y, style: style, clip: line)
    }

    private func drawFooter(in line: Rect, grid: inout CellGrid, theme: Theme) {
        let position = positionText
        let positionWidth = DisplayWidth.of(position)
        grid.write(
            position, column: line.maxX - positionWidth - 1, row: line.y, style: theme.style(.listPosition), clip: line)
        guard let filter else { return }
        let room = max(0, line.width - positionWidth - 3)
        var text = "/" + filter + (isEditingFilter ? symbols.cursor : "")
        if DisplayWidth.of(text) > room {
            // Keep the end of a long filter visible: that is where the user is typing.
            let tail = String(text.reversed())
            text = String(DisplayWidth.prefix(of: tail, fitting: room).text.reversed())
        }
        grid.write(text, column: line.x + 1, row: line.y, style: theme.style(.listFilter), clip: line)
    }
}

import SwitchboardCore
import TerminalKit

/// One browsable list (trunks or rules): its order, live filter, the positions it shows and
/// the selection, tracked by ID.
///
/// `visible` holds workspace positions (sorted, then filtered) and is recomputed only when the
/// order, the filter or the workspace changes — never when the selection moves. Typing a
/// letter narrows: the new query contains the old one, so only the items still visible are
/// searched again, and each step is remembered so backspace is a lookup instead of a rescan.
public struct BrowseList: Sendable {
    public let kind: ItemKind
    public private(set) var sort: SortOrder = .file
    public private(set) var filter = ""
    /// Whether keystrokes go into the filter (after `/`, until Enter or Esc).
    public var isEditingFilter = false
    /// Workspace positions shown, in display order.
    public private(set) var visible: [Int] = []
    /// The selected item's ID: the truth the cursor follows when the list changes.
    public private(set) var selectedID: String?
    /// Selection and scroll offset within `visible`.
    public private(set) var list = ListState()

    /// Positions in each order already computed for this workspace.
    private var orders: [SortOrder: [Int]] = [:]
    /// Earlier results while typing, most recent last, for backspace.
    private var narrowing: [(query: String, visible: [Int])] = []
    private static let narrowingLimit = 24

    public init(kind: ItemKind, catalog: WorkspaceCatalog, viewHeight: Int) {
        self.kind = kind
        adopt(catalog: catalog, viewHeight: viewHeight)
    }

    /// Items before filtering.
    public func totalCount(_ catalog: WorkspaceCatalog) -> Int { catalog.count(of: kind) }

    /// The workspace position of the selected item.
    public var selectedPosition: Int? { list.selected.map { visible[$0] } }

    // MARK: Selection

    public mutating func move(by delta: Int, viewHeight: Int, catalog: WorkspaceCatalog) {
        list.move(by: delta, count: visible.count)
        selectionMoved(viewHeight: viewHeight, catalog: catalog)
    }

    public mutating func select(index: Int, viewHeight: Int, catalog: WorkspaceCatalog) {
        list.select(index, count: visible.count)
        selectionMoved(viewHeight: viewHeight, catalog: catalog)
    }

    public mutating func page(_ direction: Int, viewHeight: Int, catalog: WorkspaceCatalog) {
        list.page(direction, viewHeight: viewHeight, count: visible.count)
        selectionMoved(viewHeight: viewHeight, catalog: catalog)
    }

    /// Selects the item with `id` if it is visible; returns whether it was.
    @discardableResult
    public mutating func select(id: String, viewHeight: Int, catalog: WorkspaceCatalog) -> Bool {
        guard let index = index(ofID: id, catalog: catalog) else { return false }
        select(index: index, viewHeight: viewHeight, catalog: catalog)
        return true
    }

    /// Scrolls the list by whole rows without moving the selection off screen (mouse wheel).
    public mutating func scroll(by delta: Int, viewHeight: Int, catalog: WorkspaceCatalog) {
        let maximum = max(0, visible.count - viewHeight)
        list.offset = min(max(0, list.offset + delta), maximum)
        guard let selected = list.selected, viewHeight > 0 else { return }
        if selected < list.offset {
            select(index: list.offset, viewHeight: viewHeight, catalog: catalog)
        } else if selected >= list.offset + viewHeight {
            select(index: list.offset + viewHeight - 1, viewHeight: viewHeight, catalog: catalog)
        }
    }

    /// After a resize: keep the selection in view at the new height.
    public mutating func relayout(viewHeight: Int) {
        list.scrollToSelection(viewHeight: viewHeight, count: visible.count)
    }

    private mutating func selectionMoved(viewHeight: Int, catalog: WorkspaceCatalog) {
        selectedID = list.selected.map { catalog.id(of: kind, at: visible[$0]) }
        list.scrollToSelection(viewHeight: viewHeight, count: visible.count)
    }

    // MARK: Order and filter

    /// Re-orders the list (each order is sorted once per workspace, then reused).
    public mutating func setSort(_ order: SortOrder, catalog: WorkspaceCatalog, viewHeight: Int) {
        sort = order
        narrowing.removeAll()
        visible = catalog.search(kind).filter(self.order(catalog), query: filter)
        reselect(catalog: catalog, viewHeight: viewHeight)
    }

    public mutating func setFilter(_ query: String, catalog: WorkspaceCatalog, viewHeight: Int) {
        guard query != filter else { return }
        let search = catalog.search(kind)
        if query.isEmpty {
            narrowing.removeAll()
            visible = order(catalog)
        } else if let previous = narrowing.last(where: { $0.query == query }) {
            // Backspace: the result for this query is still known.
            while let last = narrowing.last, last.query != query { narrowing.removeLast() }
            visible = previous.visible
        } else if !filter.isEmpty, query.hasPrefix(filter) {
            // Typing narrows: only what matched the shorter query can match the longer one.
            if narrowing.last?.query != filter { narrowing.append((filter, visible)) }
            visible = search.filter(visible, query: query)
        } else {
            narrowing.removeAll()
            visible = search.filter(order(catalog), query: query)
        }
        filter = query
        if narrowing.count > Self.narrowingLimit { narrowing.removeFirst(narrowing.count - Self.narrowingLimit) }
        reselect(catalog: catalog, viewHeight: viewHeight)
    }

    /// The same list over a new workspace (a reload): orders are recomputed, the filter,
    /// order and selected ID are kept.
    public mutating func adopt(catalog: WorkspaceCatalog, viewHeight: Int) {
        orders.removeAll()
        setSort(sort, catalog: catalog, viewHeight: viewHeight)
    }

    private mutating func order(_ catalog: WorkspaceCatalog) -> [Int] {
        if let cached = orders[sort] { return cached }
        let positions = catalog.order(sort, of: kind)
        orders[sort] = positions
        return positions
    }

    /// Where the item with `id` is in `visible`: its position looked up, then found among
    /// integers (comparing 100,000 ID strings took milliseconds per keystroke).
    private func index(ofID id: String, catalog: WorkspaceCatalog) -> Int? {
        if let position = catalog.position(of: kind, id: id), let index = visible.firstIndex(of: position) { return index }
        // Comparing every visible item's ID took a millisecond of each filter keystroke that
        // hid the selection; it can only find something when IDs are duplicated.
        guard catalog.hasDuplicateIDs(kind) else { return nil }
        return visible.firstIndex(where: { catalog.id(of: kind, at: $0) == id })
    }

    /// Puts the cursor back on the selected ID; when that item is no longer visible, on the
    /// first visible item (which becomes the selection).
    private mutating func reselect(catalog: WorkspaceCatalog, viewHeight: Int) {
        if let id = selectedID, let index = index(ofID: id, catalog: catalog) {
            list.select(index, count: visible.count)
        } else {
            list.select(0, count: visible.count)
            selectedID = list.selected.map { catalog.id(of: kind, at: visible[$0]) }
        }
        list.scrollToSelection(viewHeight: viewHeight, count: visible.count)
    }
}

/// The scroll keys every scrolling screen shares (export preview, history detail, push
/// plan): one line, one page, top, bottom. The screen clamps the result to its content.
enum ScrollKeys {
    /// The offset after `action`, or nil when `action` is not a scroll key.
    static func offset(after action: AppAction, from offset: Int, page: Int) -> Int? {
        switch action {
        case .moveDown: return offset + 1
        case .moveUp: return offset - 1
        case .pageDown: return offset + page
        case .pageUp: return offset - page
        case .moveTop: return 0
        case .moveBottom: return Int(Int32.max)
        default: return nil
        }
    }
}

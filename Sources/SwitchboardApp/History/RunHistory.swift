import SwitchboardCore

/// Every call simulated in this session, oldest first in storage, shown newest first.
///
/// Bounded: after ``capacity`` runs the oldest is dropped (issue #8: the TUI holds 10,000 runs
/// without growing), and ``dropped`` counts them so the list title can say so. Storage is a
/// ring, so recording stays O(1) once full, and an entry keeps only what the history shows,
/// re-runs, compares and saves: the call, the outcome (with the webhook exchange as text, its
/// body cut at ``bodyLimit``) and the timing — not the raw transport bytes.
public struct RunHistory: Sendable {
    /// The most runs kept.
    public static let defaultCapacity = 10_000
    /// Response bodies longer than this are cut when a run is kept (a 1 MiB fault body times
    /// 10,000 runs would be 10 GB); the cut is marked in the text.
    public static let bodyLimit = 64 * 1024

    public let capacity: Int
    /// What the history screen shows (selection, mark, details, comparison, prompt).
    public var screen = HistoryScreen()
    /// Runs dropped because the history was full.
    public private(set) var dropped = 0
    private var storage: [RunEntry] = []
    /// Index in `storage` of the oldest entry once the ring is full.
    private var head = 0

    public init(capacity: Int = RunHistory.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Keeps a finished run (the simulator calls this for every result: finished, cancelled or
    /// failed).
    /// A re-run started from the history opens its comparison with the run it repeats.
    public mutating func record(_ result: CallResult) {
        append(RunEntry(result))
        guard let rerun = screen.rerun, rerun.new == result.runID else { return }
        screen.rerun = nil
        screen.selectedRunID = result.runID
        screen.listOffset = 0
        if let original = entry(runID: rerun.original), let new = entry(runID: rerun.new) {
            let comparison = RunComparison(original, new)
            screen.mode = .compare(comparison)
            screen.offset = HistoryView.firstDifferenceOffset(comparison)
        }
    }

    /// Keeps an entry; drops the oldest when full.
    public mutating func append(_ entry: RunEntry) {
        var entry = entry
        entry.compact(bodyLimit: Self.bodyLimit)
        if storage.count < capacity {
            storage.append(entry)
        } else {
            storage[head] = entry
            head = (head + 1) % capacity
            dropped += 1
        }
    }

    /// The entry `index` places from the newest (0 is the latest run).
    public func newest(_ index: Int) -> RunEntry {
        storage[physical(storage.count - 1 - index)]
    }

    /// The entry with `runID`, if still kept.
    public func entry(runID: Int) -> RunEntry? {
        position(ofRunID: runID).map(newest)
    }

    /// The newest-first position of `runID`, if still kept. Run IDs grow with time, so this is
    /// a binary search.
    public func position(ofRunID runID: Int) -> Int? {
        var low = 0
        var high = storage.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let id = newest(mid).runID
            if id == runID { return mid }
            if id > runID { low = mid + 1 } else { high = mid - 1 }
        }
        // Not in order (IDs from several sources): fall back to a scan.
        return (0..<storage.count).first { newest($0).runID == runID }
    }

    /// Every entry, newest first (tests and small histories).
    public var newestFirst: [RunEntry] { (0..<storage.count).map(newest) }

    private func physical(_ logical: Int) -> Int {
        storage.count < capacity ? logical : (head + logical) % capacity
    }
}

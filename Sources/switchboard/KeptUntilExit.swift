/// Values a command has finished with but does not free. A loaded 100,000-rule workspace (or
/// the JSON document exported from it) is a million small objects: releasing them one by one
/// took a tenth of `validate`'s and `export`'s time, while the operating system takes all of
/// the process's memory back at once when it exits a moment later.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) { values.append(value) }
}

/// Where a value sits inside a document, so that an error found while reading the model can
/// be turned back into a line and column of the file (see `JSONLocator`).
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = JSONPath()

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    /// The last key on the path, which is what error messages name (`"roomName"`).
    public var lastKey: String? {
        for component in components.reversed() {
            if case .key(let k) = component { return k }
        }
        return nil
    }

    public var description: String {
        var out = "$"
        for component in components {
            switch component {
            case .key(let k): out += "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}

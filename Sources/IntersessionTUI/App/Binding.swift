/// A key binding as a value: the keys (canonical names, the same in every language), and the
/// text help gives it. The key handling lets through only the keys of the screen's bindings
/// and the help overlay lists the same bindings, so help cannot say what the keys do not do.
struct Binding: Sendable, Equatable {
    let keys: [String]
    let help: TextKey

    init(_ keys: String..., help: TextKey) {
        self.keys = keys
        self.help = help
    }

    func matches(_ key: Key) -> Bool { keys.contains(key.name) }

    /// The keys as help shows them: arrows drawn as arrows.
    var label: String { keys.map(Self.symbol).joined(separator: " ") }

    static func symbol(_ name: String) -> String {
        switch name {
        case "up": "↑"
        case "down": "↓"
        case "left": "←"
        case "right": "→"
        case "pgdown": "pgdn"
        default: name
        }
    }
}

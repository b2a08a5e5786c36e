/// A key press as a value with a canonical name: `a`, `A`, `?`, `enter`, `esc`, `tab`,
/// `shift+tab`, `backspace`, `delete`, `up`, `down`, `left`, `right`, `home`, `end`, `pgup`,
/// `pgdown`, `f1`…`f12`, `ctrl+c`, `alt+x`. Bindings compare names; pasted text arrives as
/// `.paste` and never triggers a binding.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case named(String)
    case paste(String)

    public static let enter = Key.named("enter")
    public static let escape = Key.named("esc")
    public static let tab = Key.named("tab")
    public static let backTab = Key.named("shift+tab")
    public static let backspace = Key.named("backspace")
    public static let delete = Key.named("delete")
    public static let up = Key.named("up")
    public static let down = Key.named("down")
    public static let left = Key.named("left")
    public static let right = Key.named("right")
    public static let home = Key.named("home")
    public static let end = Key.named("end")
    public static let pageUp = Key.named("pgup")
    public static let pageDown = Key.named("pgdown")

    public static func ctrl(_ letter: Character) -> Key { .named("ctrl+\(letter)") }
    public static func alt(_ letter: Character) -> Key { .named("alt+\(letter)") }

    /// The name bindings and help screens use.
    public var name: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .named(let name): name
        case .paste: "paste"
        }
    }

    public var description: String { name }
}

/// A mouse event, in cell coordinates.
public struct MouseEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable { case press, scrollUp, scrollDown }
    public var x: Int
    public var y: Int
    public var action: Action

    public init(x: Int, y: Int, action: Action) {
        self.x = x
        self.y = y
        self.action = action
    }
}

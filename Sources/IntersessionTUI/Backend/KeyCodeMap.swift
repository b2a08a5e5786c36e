import CNcurses

/// Turns what `wget_wch` returns into keys: ncurses key codes (`KEY_UP`, `KEY_F(5)`…) into
/// canonical names, and characters into printable characters or `ctrl+…` names.
///
/// Modifier order in names is `ctrl+alt+shift+`. Codes the map does not know are ignored.
struct KeyCodeMap: Sendable {
    /// Names of the ncurses key codes.
    var names: [Int32: String]
    /// Codes ncurses was told (with `define_key`) to return for the bracketed-paste markers
    /// `ESC [ 200 ~` and `ESC [ 201 ~`; nil when the markers arrive as characters.
    var pasteStart: Int32?
    var pasteEnd: Int32?

    init(names: [Int32: String] = KeyCodeMap.standardNames, pasteStart: Int32? = nil, pasteEnd: Int32? = nil) {
        self.names = names
        self.pasteStart = pasteStart
        self.pasteEnd = pasteEnd
    }

    /// The key for an ncurses key code, or nil when the code names nothing known.
    func key(forCode code: Int32) -> Key? {
        names[code].map(Key.named)
    }

    /// The key for a character `wget_wch` returned: a control character as its name, a
    /// printable one as itself; nil for ESC (the decoder's business) and other controls.
    static func key(forScalar value: UInt32) -> Key? {
        switch value {
        case 0: return .named("ctrl+space")
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return nil
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28: return .named("ctrl+\\")
        case 29: return .named("ctrl+]")
        case 30: return .named("ctrl+^")
        case 31: return .named("ctrl+_")
        default:
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .control else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The name of `key` pressed with Alt (what a terminal sends as ESC and the key):
    /// `alt+x`, `alt+enter`, `ctrl+alt+a`, `alt+shift+tab`.
    static func withAlt(_ key: Key) -> Key {
        switch key {
        case .character:
            return .named("alt+\(key.name)")
        case .named(let name):
            if name.hasPrefix("ctrl+alt+") || name.hasPrefix("alt+") { return key }
            if name.hasPrefix("ctrl+") { return .named("ctrl+alt+" + name.dropFirst("ctrl+".count)) }
            return .named("alt+" + name)
        case .paste:
            return key
        }
    }

    /// The codes every ncurses terminal may return, from `curses.h`.
    static let standardNames: [Int32: String] = {
        var names: [Int32: String] = [
            KEY_UP: "up", KEY_DOWN: "down", KEY_LEFT: "left", KEY_RIGHT: "right",
            KEY_HOME: "home", KEY_END: "end", KEY_PPAGE: "pgup", KEY_NPAGE: "pgdown",
            KEY_IC: "insert", KEY_DC: "delete", KEY_BACKSPACE: "backspace",
            KEY_ENTER: "enter", KEY_BTAB: "shift+tab",
            KEY_SR: "shift+up", KEY_SF: "shift+down", KEY_SLEFT: "shift+left", KEY_SRIGHT: "shift+right",
            KEY_SHOME: "shift+home", KEY_SEND: "shift+end", KEY_SDC: "shift+delete",
            KEY_SPREVIOUS: "shift+pgup", KEY_SNEXT: "shift+pgdown",
            // The keypad's corners and centre, on terminals that report them apart.
            KEY_A1: "home", KEY_A3: "pgup", KEY_B2: "begin", KEY_C1: "end", KEY_C3: "pgdown",
            KEY_BEG: "begin",
        ]
        // xterm and most others report shift+F1…F12 as F13…F24.
        for number: Int32 in 1...12 {
            names[KEY_F0 + number] = "f\(number)"
            names[KEY_F0 + number + 12] = "shift+f\(number)"
        }
        return names
    }()

    /// Terminfo capabilities of modified keys (`kUP5` is ctrl+up), which ncurses returns as
    /// codes it numbers at start-up; the terminal looks each one up and adds its code.
    static let modifiedKeyCapabilities: [(capability: String, name: String)] = {
        let keys = [("kUP", "up"), ("kDN", "down"), ("kLFT", "left"), ("kRIT", "right"),
                    ("kHOM", "home"), ("kEND", "end"), ("kPRV", "pgup"), ("kNXT", "pgdown"),
                    ("kIC", "insert"), ("kDC", "delete")]
        // xterm's modifier parameter: 1 + shift(1) + alt(2) + ctrl(4).
        let modifiers = [(2, "shift+"), (3, "alt+"), (4, "alt+shift+"), (5, "ctrl+"),
                         (6, "ctrl+shift+"), (7, "ctrl+alt+"), (8, "ctrl+alt+shift+")]
        return keys.flatMap { capability, name in
            modifiers.map { number, prefix in (capability + String(number), prefix + name) }
        }
    }()
}

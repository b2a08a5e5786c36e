/// A terminal colour. `default` is whatever the terminal uses (its own foreground or
/// background), so the UI follows light and dark themes unless it asks otherwise.
public enum Color: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// One of the 256 palette entries, for terminals that have them.
    case indexed(UInt8)

    /// The palette number (0–7 basic, 8–15 bright, then the 256-colour palette), or nil for
    /// the terminal's default; ncurses numbers its colours the same way.
    public var paletteIndex: Int? {
        switch self {
        case .default: nil
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .brightBlack: 8
        case .brightRed: 9
        case .brightGreen: 10
        case .brightYellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .brightWhite: 15
        case .indexed(let index): Int(index)
        }
    }
}

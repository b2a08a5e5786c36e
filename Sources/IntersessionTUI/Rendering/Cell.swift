import IntersessionCore

/// One terminal cell: a grapheme cluster and its style. A wide character lives in its first
/// cell; the cell it covers is a continuation, which holds no text and is never drawn itself.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster of width 1 or 2; empty in a continuation cell.
    public private(set) var symbol: String
    public var style: Style
    public private(set) var isContinuation: Bool

    /// A cell holding `character`, which the caller has checked is 1 or 2 columns wide. A
    /// character holding a control (an ESC, a C1 code, a bidirectional override) is held as
    /// U+FFFD instead: whatever a view draws, nothing but text reaches ncurses.
    public init(_ character: Character, style: Style = .plain) {
        self.symbol = character.unicodeScalars.contains(where: \.actsOnTerminal) ? "\u{FFFD}" : String(character)
        self.style = style
        self.isContinuation = false
    }

    private init(continuationWith style: Style) {
        self.symbol = ""
        self.style = style
        self.isContinuation = true
    }

    /// A space in the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(" ", style: style)
    }

    /// The cell covered by the second column of a wide character.
    public static func continuation(_ style: Style = .plain) -> Cell {
        Cell(continuationWith: style)
    }

    public static let empty = Cell.blank()
}

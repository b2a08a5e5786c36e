/// What the terminal reports: a key (or a paste), a mouse press or wheel turn, or a new size.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}

/// The screen the runtime draws on and reads input from. The only implementation outside
/// tests is `NcursesTerminal`; update and view never see it.
///
/// A terminal is not thread-safe: make every call from the one thread that runs the loop.
public protocol Terminal: AnyObject {
    /// Columns and rows of the screen now; they change after a `.resize` event.
    var width: Int { get }
    var height: Int { get }

    /// Shows `buffer`, writing only what changed since the last frame. `cursor` places a
    /// visible cursor (plain and screen-reader mode pass the focused line); nil hides it.
    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?)

    /// The next event, waiting at most `timeoutMilliseconds` (0 polls, a negative value
    /// waits for as long as it takes); nil when the time ran out first.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?

    /// Gives the terminal back, as before running `$EDITOR`.
    func suspend()

    /// Takes the terminal again after `suspend`; the next `draw` repaints everything.
    func resume()

    /// Restores the terminal for good. Safe to call more than once.
    func shutdown()
}

/// Why a terminal could not be opened.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, a service).
    case notATerminal
    /// ncurses does not know the terminal type in `TERM`.
    case unknownTerminalType(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input and output must be a terminal"
        case .unknownTerminalType(let type):
            "unknown terminal type \(type.isEmpty ? "(TERM is not set)" : "'\(type)'")"
        }
    }
}

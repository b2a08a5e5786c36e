#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// The terminal through ncursesw: copies each frame's changed cells to the screen and reads
/// keys, pastes, mouse presses and resizes.
///
/// Opening it takes over the terminal (raw mode, so ctrl+c and ctrl+z are keys; the
/// alternate screen; bracketed paste; the mouse where there is one). Call `shutdown` before
/// exiting. Not thread-safe: make every call from one thread.
public final class NcursesTerminal: Terminal {
    private enum Mode { case active, suspended, closed }

    /// How long ncurses waits after ESC for the rest of a key's sequence.
    static let escapeDelayMilliseconds: Int32 = 25
    /// How long a paste may pause before its end marker is taken for lost.
    static let pasteGapMilliseconds = 1000
    /// The longest single wait for input, so that a resize is reported within it.
    static let resizeCheckMilliseconds = 100
    /// Key codes ncurses is taught to return for the bracketed-paste markers.
    static let pasteStartCode: Int32 = 0x7F00
    static let pasteEndCode: Int32 = 0x7F01

    /// Whether cells are drawn in colour (asked for, and the terminal has colours).
    public let hasColors: Bool
    /// Whether the terminal reports mouse presses and the wheel.
    public let mouseEnabled: Bool

    private let window: UnsafeMutablePointer<WINDOW>
    private let mouseMask = MouseMask.ncurses
    private let clock = ContinuousClock()
    private var mode = Mode.active
    private var decoder: InputDecoder
    private var pairs: ColorPairs
    private var events: [TerminalEvent] = []
    private var lastInput: ContinuousClock.Instant
    /// The frame on screen; nil when the next draw must repaint everything.
    private var lastFrame: Buffer?
    private var cursorVisible: Bool?

    /// Takes over the terminal on standard input and output. `colors` false draws in the
    /// terminal's own colours only (attributes still apply).
    public init(colors: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        Self.useUTF8Locale()
        guard cn_newterm() != nil, let window = cn_stdscr() else {
            throw TerminalError.unknownTerminalType(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.window = window
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(Self.escapeDelayMilliseconds)
        curs_set(0)
        cursorVisible = false

        var defaultColors = false
        hasColors = colors && has_colors()
        if hasColors {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        pairs = ColorPairs(pairLimit: Int(cn_color_pairs()), colorCount: Int(cn_colors()), defaultColors: defaultColors)

        mouseEnabled = mousemask(mmask_t(mouseMask.all), nil) != 0
        if mouseEnabled { mouseinterval(0) }

        decoder = InputDecoder(codes: Self.keyCodes())
        lastInput = clock.now
        cn_write_control(Self.bracketedPasteOn)
    }

    deinit {
        shutdown()
    }

    public var width: Int { Int(cn_cols()) }
    public var height: Int { Int(cn_lines()) }

    // MARK: - Output

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        guard mode == .active else { return }
        if lastFrame == nil {
            // After a resize or a suspension the screen holds anything: start clean.
            werase(window)
            clearok(cn_curscr(), true)
        }
        let columns = width, rows = height
        let writes = FrameDiff.writes(from: lastFrame, to: buffer, displayWidth: Self.ncursesWidth)
            .filter { $0.x < columns && $0.y < rows }
        let plan = ClusterOverlay.plan(writes, previous: lastFrame, width: buffer.width, scalarWidth: Self.scalarWidth)
        for write in plan.ncursesWrites {
            put(write.cell, x: write.x, y: write.y)
        }
        lastFrame = buffer

        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            setCursorVisible(true)
        } else {
            setCursorVisible(false)
        }
        wrefresh(window)
        writeOverlays(plan.overlays)
    }

    /// Writes the clusters ncurses cannot hold over their placeholders (see `ClusterOverlay`).
    private func writeOverlays(_ overlays: [FrameDiff.Write]) {
        guard !overlays.isEmpty else { return }
        let colors: ((Style) -> (foreground: Int, background: Int))? = hasColors ? { [pairs] style in
            (pairs.number(for: style.foreground, isForeground: true), pairs.number(for: style.background, isForeground: false))
        } : nil
        cn_write_control(ClusterOverlay.sequence(overlays, colors: colors))
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attributes = cn_attr_normal()
        for (attribute, bits) in Self.attributeBits where cell.style.attributes.contains(attribute) {
            attributes |= bits
        }
        var text = (cell.symbol.isEmpty ? " " : cell.symbol).unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        let pair = colorPair(for: cell.style)
        _ = text.withUnsafeBufferPointer { characters in
            cn_set_cell(Int32(y), Int32(x), characters.baseAddress, attributes, pair)
        }
    }

    private func colorPair(for style: Style) -> Int16 {
        guard hasColors else { return 0 }
        let allocation = pairs.pair(foreground: style.foreground, background: style.background)
        if let colors = allocation.initialize {
            init_pair(Int16(allocation.pair), Int16(colors.foreground), Int16(colors.background))
        }
        return Int16(allocation.pair)
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    // MARK: - Input

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard mode == .active else { return nil }
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
        while events.isEmpty {
            // Input that completes a held key is already with ncurses: never wait for a human.
            var wait = decoder.needsMoreInput ? 0 : Int.max
            if decoder.isInPaste {
                // Read on until the end marker; a long silence means it was lost.
                let gapEnd = lastInput.advanced(by: .milliseconds(Self.pasteGapMilliseconds))
                if clock.now >= gapEnd {
                    events += decoder.idle().map(TerminalEvent.key)
                    continue
                }
                wait = milliseconds(until: gapEnd)
            }
            if let deadline { wait = min(wait, milliseconds(until: deadline)) }
            // ncurses notices a resize only when asked for input, not while it waits.
            wait = min(wait, Self.resizeCheckMilliseconds)

            if let input = read(waitMilliseconds: wait) {
                handle(input)
            } else if decoder.needsMoreInput, !decoder.isInPaste {
                events += decoder.idle().map(TerminalEvent.key)
            }
            let holdingKey = decoder.needsMoreInput && !decoder.isInPaste
            if events.isEmpty, !holdingKey, let deadline, clock.now >= deadline { return nil }
        }
        return events.removeFirst()
    }

    private func handle(_ input: RawInput) {
        switch input {
        case .keyCode(let code) where code == cn_key_resize():
            flushHeldKeys()
            lastFrame = nil
            events.append(.resize(width: width, height: height))
        case .keyCode(let code) where code == cn_key_mouse():
            flushHeldKeys()
            var event = MEVENT()
            if getmouse(&event) == OK, let action = mouseMask.action(for: UInt32(event.bstate)) {
                events.append(.mouse(MouseEvent(x: Int(event.x), y: Int(event.y), action: action)))
            }
        default:
            lastInput = clock.now
            events += decoder.feed(input).map(TerminalEvent.key)
        }
    }

    /// Emits a key held back for what might follow it, before an event that comes after.
    private func flushHeldKeys() {
        guard decoder.needsMoreInput, !decoder.isInPaste else { return }
        events += decoder.idle().map(TerminalEvent.key)
    }

    /// One `wget_wch`, waiting up to `waitMilliseconds`.
    private func read(waitMilliseconds: Int) -> RawInput? {
        wtimeout(window, Int32(clamping: max(0, waitMilliseconds)))
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: UInt32(value)))
        case OK: return .character(UInt32(value))
        default: return nil
        }
    }

    private func milliseconds(until instant: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = (instant - clock.now).components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: max(0, total))
    }

    // MARK: - Suspending and closing

    public func suspend() {
        guard mode == .active else { return }
        cn_write_control(Self.bracketedPasteOff)
        def_prog_mode()
        endwin()
        mode = .suspended
    }

    public func resume() {
        guard mode == .suspended else { return }
        reset_prog_mode()
        // Whatever ran meanwhile drew over the screen: repaint it all, now and next frame.
        clearok(cn_curscr(), true)
        wrefresh(window)
        cn_write_control(Self.bracketedPasteOn)
        lastFrame = nil
        mode = .active
    }

    public func shutdown() {
        if mode == .active {
            cn_write_control(Self.bracketedPasteOff)
            endwin()
        }
        mode = .closed
    }

    // MARK: - Set-up

    private static let bracketedPasteOn = "\u{1B}[?2004h"
    private static let bracketedPasteOff = "\u{1B}[?2004l"

    private static let attributeBits: [(TextAttributes, UInt32)] = [
        (.bold, cn_attr_bold()), (.dim, cn_attr_dim()), (.underline, cn_attr_underline()), (.reverse, cn_attr_reverse()),
    ]

    /// The columns ncurses gives a symbol: the C library's width of its first character.
    private static func ncursesWidth(_ symbol: String) -> Int {
        guard let first = symbol.unicodeScalars.first else { return 1 }
        return cn_wcwidth(wchar_t(bitPattern: first.value)) >= 2 ? 2 : 1
    }

    /// The columns the C library gives one scalar (0 for one it does not know).
    private static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        max(0, Int(cn_wcwidth(wchar_t(bitPattern: scalar.value))))
    }

    /// The standard key codes, the modified keys this terminal's terminfo describes, and
    /// codes for the paste markers (taught to ncurses unless it knows them already).
    private static func keyCodes() -> KeyCodeMap {
        var codes = KeyCodeMap()
        for (capability, name) in KeyCodeMap.modifiedKeyCapabilities {
            let code = cn_key_code_for_capability(capability)
            if code > 0, codes.names[code] == nil { codes.names[code] = name }
        }
        codes.pasteStart = keyCode(for: "\u{1B}[200~", defining: pasteStartCode)
        codes.pasteEnd = keyCode(for: "\u{1B}[201~", defining: pasteEndCode)
        return codes
    }

    private static func keyCode(for sequence: String, defining code: Int32) -> Int32? {
        let existing = key_defined(sequence)
        if existing > 0 { return existing }
        return define_key(sequence, code) == OK ? code : nil
    }

    /// Sets the locale from the environment so that ncursesw reads and writes UTF-8. With
    /// no locale set at all (a bare container, a service), UTF-8 is still the best guess.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).lowercased()
        guard !codeset.contains("utf-8"), !codeset.contains("utf8") else { return }
        let configured = ["LC_ALL", "LC_CTYPE", "LANG"].contains { (name: String) -> Bool in
            guard let value = getenv(name) else { return false }
            return value.pointee != 0
        }
        guard !configured else { return }
        for fallback in ["C.UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil {
            return
        }
    }
}

import CNcurses

/// The ncurses mouse-event bits the UI asks for, and what each reported event means: a
/// press of the first button, or a turn of the wheel (buttons 4 and 5).
struct MouseMask: Sendable, Hashable {
    var press: UInt32
    var scrollUp: UInt32
    var scrollDown: UInt32

    /// The bits of this ncurses build.
    static let ncurses = MouseMask(press: cn_button1_pressed(), scrollUp: cn_button4_pressed(),
                                   scrollDown: cn_button5_pressed())

    /// The mask to pass to `mousemask`.
    var all: UInt32 { press | scrollUp | scrollDown }

    /// The action of a `getmouse` event with this `bstate`, or nil for events the UI ignores.
    func action(for state: UInt32) -> MouseEvent.Action? {
        if state & scrollUp != 0 { return .scrollUp }
        if state & scrollDown != 0 { return .scrollDown }
        if state & press != 0 { return .press }
        return nil
    }
}

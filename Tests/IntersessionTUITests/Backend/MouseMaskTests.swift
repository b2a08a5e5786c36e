import Testing
@testable import IntersessionTUI

@Suite("Mouse mask")
struct MouseMaskTests {
    let mask = MouseMask(press: 0b001, scrollUp: 0b010, scrollDown: 0b100)

    @Test func mapsButtonStates() {
        #expect(mask.action(for: 0b001) == .press)
        #expect(mask.action(for: 0b010) == .scrollUp)
        #expect(mask.action(for: 0b100) == .scrollDown)
        #expect(mask.action(for: 0b1000) == nil)
        #expect(mask.all == 0b111)
    }

    @Test func ncursesBitsAreDistinct() {
        let ncurses = MouseMask.ncurses
        #expect(ncurses.press != 0 && ncurses.scrollUp != 0 && ncurses.scrollDown != 0)
        #expect(Set([ncurses.press, ncurses.scrollUp, ncurses.scrollDown]).count == 3)
    }
}

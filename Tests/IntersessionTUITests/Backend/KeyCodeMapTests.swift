import CNcurses
import Testing
@testable import IntersessionTUI

@Suite("Key code map")
struct KeyCodeMapTests {
    let map = KeyCodeMap()

    @Test func namesNcursesKeyCodes() {
        #expect(map.key(forCode: KEY_UP) == .up)
        #expect(map.key(forCode: KEY_DOWN) == .down)
        #expect(map.key(forCode: KEY_LEFT) == .left)
        #expect(map.key(forCode: KEY_RIGHT) == .right)
        #expect(map.key(forCode: KEY_HOME) == .home)
        #expect(map.key(forCode: KEY_END) == .end)
        #expect(map.key(forCode: KEY_PPAGE) == .pageUp)
        #expect(map.key(forCode: KEY_NPAGE) == .pageDown)
        #expect(map.key(forCode: KEY_BTAB) == .backTab)
        #expect(map.key(forCode: KEY_BACKSPACE) == .backspace)
        #expect(map.key(forCode: KEY_DC) == .delete)
        #expect(map.key(forCode: KEY_ENTER) == .enter)
    }

    @Test func namesFunctionKeys() {
        #expect(map.key(forCode: KEY_F0 + 1) == .named("f1"))
        #expect(map.key(forCode: KEY_F0 + 12) == .named("f12"))
        #expect(map.key(forCode: KEY_F0 + 13) == .named("shift+f1"))
    }

    @Test func ignoresUnknownCodes() {
        #expect(map.key(forCode: 0x7ABC) == nil)
        #expect(map.key(forCode: KEY_RESIZE) == nil)
    }

    @Test func namesControlCharacters() {
        #expect(KeyCodeMap.key(forScalar: 1) == .ctrl("a"))
        #expect(KeyCodeMap.key(forScalar: 3) == .named("ctrl+c"))
        #expect(KeyCodeMap.key(forScalar: 26) == .named("ctrl+z"))
        #expect(KeyCodeMap.key(forScalar: 0) == .named("ctrl+space"))
        #expect(KeyCodeMap.key(forScalar: 29) == .named("ctrl+]"))
    }

    @Test func tabEnterAndBackspaceAreNotControlLetters() {
        #expect(KeyCodeMap.key(forScalar: 9) == .tab)
        #expect(KeyCodeMap.key(forScalar: 10) == .enter)
        #expect(KeyCodeMap.key(forScalar: 13) == .enter)
        #expect(KeyCodeMap.key(forScalar: 8) == .backspace)
        #expect(KeyCodeMap.key(forScalar: 127) == .backspace)
    }

    @Test func printableCharactersAreThemselves() {
        #expect(KeyCodeMap.key(forScalar: 0x41) == .character("A"))
        #expect(KeyCodeMap.key(forScalar: 0x20)?.name == "space")
        #expect(KeyCodeMap.key(forScalar: 0xE9) == .character("é"))
        #expect(KeyCodeMap.key(forScalar: 0x6F22) == .character("漢"))
        #expect(KeyCodeMap.key(forScalar: 0x1F44D) == .character("👍"))
    }

    @Test func escapeAndOtherControlsAreNotKeysOnTheirOwn() {
        #expect(KeyCodeMap.key(forScalar: 27) == nil)
        #expect(KeyCodeMap.key(forScalar: 0x85) == nil)
        #expect(KeyCodeMap.key(forScalar: 0xD800) == nil)
    }

    @Test func altNamesPutModifiersInOrder() {
        #expect(KeyCodeMap.withAlt(.character("x")) == .alt("x"))
        #expect(KeyCodeMap.withAlt(.character(" ")) == .named("alt+space"))
        #expect(KeyCodeMap.withAlt(.enter) == .named("alt+enter"))
        #expect(KeyCodeMap.withAlt(.ctrl("a")) == .named("ctrl+alt+a"))
        #expect(KeyCodeMap.withAlt(.backTab) == .named("alt+shift+tab"))
        #expect(KeyCodeMap.withAlt(.alt("x")) == .alt("x"))
    }

    @Test func modifiedKeyCapabilitiesFollowXterm() {
        let names = Dictionary(uniqueKeysWithValues: KeyCodeMap.modifiedKeyCapabilities.map { ($0.capability, $0.name) })
        #expect(names["kUP5"] == "ctrl+up")
        #expect(names["kLFT3"] == "alt+left")
        #expect(names["kRIT2"] == "shift+right")
        #expect(names["kDC6"] == "ctrl+shift+delete")
        #expect(names["kNXT7"] == "ctrl+alt+pgdown")
    }
}

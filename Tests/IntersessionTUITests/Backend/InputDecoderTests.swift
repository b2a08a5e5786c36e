import Testing
@testable import IntersessionTUI

@Suite("Input decoder")
struct InputDecoderTests {
    static let pasteStart: Int32 = 0x7F00
    static let pasteEnd: Int32 = 0x7F01
    static let up: Int32 = KeyCodeMap.standardNames.first { $0.value == "up" }!.key

    /// The keys from feeding `inputs` (nil: no more input waiting) and then going idle.
    func decode(_ inputs: [RawInput?], decoder: inout InputDecoder) -> [Key] {
        var keys: [Key] = []
        for input in inputs {
            keys += input.map { decoder.feed($0) } ?? decoder.idle()
        }
        return keys + decoder.idle()
    }

    func decode(_ inputs: [RawInput?]) -> [Key] {
        var decoder = InputDecoder(codes: KeyCodeMap(pasteStart: Self.pasteStart, pasteEnd: Self.pasteEnd))
        return decode(inputs, decoder: &decoder)
    }

    func text(_ string: String) -> [RawInput?] {
        string.unicodeScalars.map { .character($0.value) }
    }

    @Test func charactersAndNamedKeys() {
        #expect(decode(text("ab") + [.character(13), .keyCode(Self.up), .character(3)])
            == [.character("a"), .character("b"), .enter, .up, .ctrl("c")])
    }

    @Test func holdsACharacterUntilItsClusterIsComplete() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.character(0x65)) == [])
        #expect(decoder.needsMoreInput)
        #expect(decoder.feed(.character(0x301)) == [])
        #expect(decoder.idle() == [.character("e\u{301}")])
        #expect(!decoder.needsMoreInput)
    }

    @Test func joinsFlagsAndSkinTones() {
        #expect(decode(text("🇫🇷👍🏽x")) == [.character("🇫🇷"), .character("👍🏽"), .character("x")])
    }

    @Test func escapeAloneIsEsc() {
        #expect(decode([.character(27)]) == [.escape])
        #expect(decode([.character(27), nil, .character(27), nil]) == [.escape, .escape])
    }

    @Test func escapeBeforeAKeyIsAlt() {
        #expect(decode([.character(27), .character(0x78)]) == [.alt("x")])
        #expect(decode([.character(27), .character(13)]) == [.named("alt+enter")])
        #expect(decode([.character(27), .character(1)]) == [.named("ctrl+alt+a")])
        #expect(decode([.character(27), .keyCode(Self.up)]) == [.named("alt+up")])
    }

    @Test func doubleEscapeIsEscThenWhatFollows() {
        #expect(decode([.character(27), .character(27), .character(0x78)]) == [.escape, .alt("x")])
    }

    @Test func escapeBracketAloneIsAltBracket() {
        #expect(decode([.character(27), .character(0x5B)]) == [.alt("[")])
    }

    @Test func dropsUnknownControlSequences() {
        // Focus in (ESC [ I) and a modified key ncurses did not know (ESC [ 1 ; 5 P).
        #expect(decode([.character(27)] + text("[I") + [.character(27)] + text("[1;5Pz")) == [.character("z")])
    }

    @Test func brokenSequenceGivesWayToTheNextKey() {
        #expect(decode([.character(27)] + text("[1") + [.character(3)]) == [.ctrl("c")])
        #expect(decode([.character(27)] + text("[" + String(repeating: "1;", count: 40) + "~x")) == [.character("x")])
    }

    @Test func pasteFromCharacterMarkers() {
        let inputs = [.character(27)] + text("[200~hi\rthere q") + [.character(27)] + text("[201~") + text("q")
        #expect(decode(inputs) == [.paste("hi\nthere q"), .character("q")])
    }

    @Test func pasteFromKeyCodeMarkers() {
        let inputs = [.keyCode(Self.pasteStart)] + text("a\r\nb") + [.keyCode(KeyCodeMap.standardNames.first { $0.value == "enter" }!.key), .keyCode(Self.pasteEnd)]
        #expect(decode(inputs) == [.paste("a\nb\n")])
    }

    @Test func pasteKeepsEscapesThatAreNotTheEndMarker() {
        let inputs = [.keyCode(Self.pasteStart)] + text("a\u{1B}b\u{1B}[20x\u{1B}\u{1B}[201~")
        #expect(decode(inputs) == [.paste("a\u{1B}b\u{1B}[20x\u{1B}")])
    }

    @Test func pasteIsNeverKeys() {
        var decoder = InputDecoder(codes: KeyCodeMap(pasteStart: Self.pasteStart, pasteEnd: Self.pasteEnd))
        #expect(decoder.feed(.keyCode(Self.pasteStart)) == [])
        #expect(decoder.isInPaste)
        for input in text("q\u{3}\t") {
            #expect(decoder.feed(input!) == [])
        }
        #expect(decoder.feed(.keyCode(Self.up)) == [])
        #expect(decoder.feed(.keyCode(Self.pasteEnd)) == [.paste("q\u{3}\t")])
        #expect(!decoder.isInPaste)
    }

    @Test func lostEndMarkerEndsThePasteWhenInputStops() {
        var decoder = InputDecoder()
        _ = decode([.character(27)] + text("[200~abc\u{1B}[2"), decoder: &decoder)
        #expect(!decoder.isInPaste)
        #expect(decode([.character(27)] + text("[200~abc\u{1B}[2")) == [.paste("abc\u{1B}[2")])
    }

    @Test func emptyPasteIsNoEvent() {
        #expect(decode([.keyCode(Self.pasteStart), .keyCode(Self.pasteEnd)]) == [])
    }

    @Test func escapeThenPasteIsEscThenPaste() {
        #expect(decode([.character(27), .keyCode(Self.pasteStart)] + text("x") + [.keyCode(Self.pasteEnd)])
            == [.escape, .paste("x")])
    }

    @Test func strayEndMarkerIsIgnored() {
        #expect(decode([.keyCode(Self.pasteEnd)] + [.character(27)] + text("[201~a")) == [.character("a")])
    }

    @Test func unknownKeyCodesAreIgnored() {
        #expect(decode([.keyCode(0x7ABC)] + text("a")) == [.character("a")])
    }
}

import Testing
@testable import IntersessionTUI

@Suite("Colour pairs")
struct ColorPairsTests {
    typealias Colors = ColorPairs.Colors

    @Test func terminalColoursArePairZero() {
        var pairs = ColorPairs(pairLimit: 256, colorCount: 256, defaultColors: true)
        #expect(pairs.pair(foreground: .default, background: .default) == .init(pair: 0))
    }

    @Test func allocatesOnFirstUseAndReuses() {
        var pairs = ColorPairs(pairLimit: 256, colorCount: 256, defaultColors: true)
        #expect(pairs.pair(foreground: .red, background: .default)
            == .init(pair: 1, initialize: Colors(foreground: 1, background: -1)))
        #expect(pairs.pair(foreground: .default, background: .indexed(236))
            == .init(pair: 2, initialize: Colors(foreground: -1, background: 236)))
        #expect(pairs.pair(foreground: .red, background: .default) == .init(pair: 1))
    }

    @Test func fallsBackToPairZeroWhenPairsRunOut() {
        var pairs = ColorPairs(pairLimit: 3, colorCount: 8, defaultColors: true)
        #expect(pairs.pair(foreground: .red, background: .default).pair == 1)
        #expect(pairs.pair(foreground: .green, background: .default).pair == 2)
        #expect(pairs.pair(foreground: .blue, background: .default) == .init(pair: 0))
        #expect(pairs.pair(foreground: .green, background: .default) == .init(pair: 2))
    }

    @Test func pairNumbersFitAShort() {
        #expect(ColorPairs(pairLimit: 65536, colorCount: 256, defaultColors: true).pairLimit == 32767)
    }

    @Test func withoutDefaultColoursDefaultIsWhiteOnBlack() {
        var pairs = ColorPairs(pairLimit: 64, colorCount: 8, defaultColors: false)
        #expect(pairs.pair(foreground: .white, background: .black) == .init(pair: 0))
        #expect(pairs.pair(foreground: .default, background: .default) == .init(pair: 0))
        #expect(pairs.pair(foreground: .default, background: .blue)
            == .init(pair: 1, initialize: Colors(foreground: 7, background: 4)))
    }

    @Test func brightColoursOnEightColourTerminals() {
        #expect(ColorPairs.approximate(9, colorCount: 8) == 1)
        #expect(ColorPairs.approximate(15, colorCount: 8) == 7)
        #expect(ColorPairs.approximate(9, colorCount: 16) == 9)
    }

    @Test func paletteColoursOnSmallerTerminals() {
        #expect(ColorPairs.approximate(196, colorCount: 256) == 196)
        #expect(ColorPairs.approximate(196, colorCount: 16) == 9)  // pure red, bright
        #expect(ColorPairs.approximate(196, colorCount: 8) == 1)
        #expect(ColorPairs.approximate(21, colorCount: 16) == 12)  // pure blue
        #expect(ColorPairs.approximate(28, colorCount: 16) == 2)   // a dark green
        #expect(ColorPairs.approximate(226, colorCount: 16) == 11) // yellow
        #expect(ColorPairs.approximate(16, colorCount: 16) == 0)   // cube black
        #expect(ColorPairs.approximate(232, colorCount: 16) == 0)  // greys, dark to light
        #expect(ColorPairs.approximate(240, colorCount: 16) == 8)
        #expect(ColorPairs.approximate(246, colorCount: 16) == 7)
        #expect(ColorPairs.approximate(255, colorCount: 16) == 15)
        #expect(ColorPairs.approximate(255, colorCount: 8) == 7)
    }
}

import Testing
@testable import IntersessionTUI

@Suite("Cell width")
struct CellWidthTests {
    @Test func asciiIsOneColumn() {
        for character in "aZ0 ~!" {
            #expect(character.cellWidth == 1)
        }
        #expect("hello world".cellWidth == 11)
    }

    @Test func accentedLetterIsOneColumnPrecomposedOrDecomposed() {
        let precomposed: Character = "\u{E9}"
        let decomposed: Character = "e\u{301}"
        #expect(precomposed.cellWidth == 1)
        #expect(decomposed.cellWidth == 1)
        #expect("cafe\u{301}".cellWidth == 4)
        #expect("cafe\u{301}".unicodeScalars.count == 5)
    }

    @Test func combiningMarkAloneTakesNoColumn() {
        #expect(Character("\u{301}").cellWidth == 0)
        #expect(Unicode.Scalar(0x301)!.cellWidth == 0)
    }

    @Test func cjkIsTwoColumns() {
        #expect(Character("漢").cellWidth == 2)
        #expect(Character("字").cellWidth == 2)
        #expect("漢字".cellWidth == 4)
        #expect("日本語 ok".cellWidth == 9)
        #expect(Character("한").cellWidth == 2)
        #expect(Character("\u{1112}\u{1161}\u{11AB}").cellWidth == 2, "decomposed Hangul syllable")
        #expect(Character("Ａ").cellWidth == 2, "fullwidth A")
        #expect(Character("\u{3000}").cellWidth == 2, "ideographic space")
        #expect(Character("ｱ").cellWidth == 1, "halfwidth katakana")
    }

    @Test func emojiAreTwoColumns() {
        #expect(Character("👍").cellWidth == 2)
        #expect(Character("👍🏽").cellWidth == 2, "thumbs up with skin tone")
        #expect(Character("👨‍👩‍👧‍👦").cellWidth == 2, "family ZWJ sequence")
        #expect("👨‍👩‍👧‍👦".unicodeScalars.count == 7)
        #expect(Character("🇫🇷").cellWidth == 2, "flag")
        #expect(Character("🏳️‍🌈").cellWidth == 2, "rainbow flag")
        #expect(Character("1️⃣").cellWidth == 2, "keycap")
        #expect(Character("❤️").cellWidth == 2, "heart with emoji presentation")
        #expect(Character("❤").cellWidth == 1, "heart with text presentation")
        #expect(Character("☝🏽").cellWidth == 2, "text-default symbol with skin tone")
    }

    // Given as scalar values so that the test log stays readable.
    @Test(arguments: [[0x0A], [0x0D, 0x0A], [0x09], [0x00], [0x1B], [0x7F], [0x85], [0x200B], [0x200D], [0xFE0F], [0x2028]] as [[UInt32]])
    func controlAndZeroWidthTakeNoColumn(_ scalars: [UInt32]) {
        let text = String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
        #expect(text.count == 1)
        #expect(text.first?.cellWidth == 0)
    }

    @Test func controlCharactersDoNotCountInText() {
        #expect("a\tb\u{1B}c\n".cellWidth == 3)
    }
}

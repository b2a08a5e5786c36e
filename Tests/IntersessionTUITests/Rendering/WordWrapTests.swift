import Testing
@testable import IntersessionTUI

@Suite("Word wrap")
struct WordWrapTests {
    @Test func frenchTextBreaksAtSpaces() {
        let text = "Le groupe de travail examinera les propositions du se\u{301}cre\u{301}tariat avant la re\u{301}union."
        #expect(WordWrap.lines(text, width: 20) == [
            "Le groupe de travail",
            "examinera les",
            "propositions du",
            "se\u{301}cre\u{301}tariat avant la",
            "re\u{301}union.",
        ])
    }

    @Test func noBreakSpaceKeepsFrenchPunctuationWithItsWord() {
        let text = "Quelle est la date limite\u{202F}? Vendredi, «\u{A0}au plus tard\u{A0}»."
        let lines = WordWrap.lines(text, width: 25)
        #expect(lines == [
            "Quelle est la date",
            "limite\u{202F}? Vendredi, «\u{A0}au",
            "plus tard\u{A0}».",
        ])
        #expect(lines.allSatisfy { $0.cellWidth <= 25 })
    }

    @Test func overLongWordIsBrokenAcrossLines() {
        #expect(WordWrap.lines("anticonstitutionnellement", width: 10) == ["anticonsti", "tutionnell", "ement"])
        #expect(WordWrap.lines("Voir https://www.wcoomd.org/fr/topics pour le détail", width: 16) == [
            "Voir",
            "https://www.wcoo",
            "md.org/fr/topics",
            "pour le détail",
        ])
    }

    @Test func wideCharactersWrapByColumns() {
        #expect(WordWrap.lines("漢字漢字漢", width: 5) == ["漢字", "漢字", "漢"])
        #expect(WordWrap.lines("電子商取引 作業部会", width: 10) == ["電子商取引", "作業部会"])
        #expect(WordWrap.lines("漢", width: 1) == ["漢"], "a character wider than the line still advances")
    }

    @Test func newlinesAreHardBreaks() {
        #expect(WordWrap.lines("un\n\ndeux trois\r\nquatre", width: 20) == ["un", "", "deux trois", "quatre"])
        #expect(WordWrap.lines("", width: 5) == [""])
        #expect(WordWrap.lines("abc", width: 0) == [])
    }

    @Test func spacesAtABreakVanishButIndentStays() {
        #expect(WordWrap.lines("  un deux     trois  ", width: 8) == ["  un", "deux", "trois"])
        #expect(WordWrap.lines("a\tb", width: 5) == ["a b"])
    }
}

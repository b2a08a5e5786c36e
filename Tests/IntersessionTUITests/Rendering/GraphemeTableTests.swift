import Testing
@testable import IntersessionTUI

/// The one text path (`Character.cellWidth`, `Buffer.setString`, `WordWrap`, the editor) against
/// a table of grapheme clusters and the columns a terminal gives them.
@Suite("Grapheme clusters and their widths")
struct GraphemeTableTests {
    static let table: [(name: String, text: String, width: Int)] = [
        ("ASCII letter", "a", 1),
        ("precomposed é", "\u{E9}", 1),
        ("e with a combining acute", "e\u{301}", 1),
        ("base with two combining marks", "a\u{301}\u{323}", 1),
        ("CJK ideograph", "漢", 2),
        ("Hangul syllable", "한", 2),
        ("fullwidth letter", "\u{FF21}", 2),
        ("halfwidth katakana", "\u{FF71}", 1),
        ("ZWJ sequence: woman technologist", "👩\u{200D}💻", 2),
        ("ZWJ family of four", "👨\u{200D}👩\u{200D}👧\u{200D}👦", 2),
        ("rainbow flag (VS16 and ZWJ)", "🏳\u{FE0F}\u{200D}🌈", 2),
        ("flag of France", "🇫🇷", 2),
        ("flag of Japan", "🇯🇵", 2),
        ("emoji with a skin tone", "👍🏽", 2),
        ("text-style heart", "\u{2764}", 1),
        ("heart with VS16", "\u{2764}\u{FE0F}", 2),
        ("keycap one", "1\u{FE0F}\u{20E3}", 2),
        ("emoji presentation", "😀", 2),
        ("zero-width space", "\u{200B}", 0),
        ("zero-width joiner alone", "\u{200D}", 0),
        ("escape", "\u{1B}", 0),
        ("bell", "\u{7}", 0),
        ("C1 control", "\u{85}", 0),
        ("tab", "\t", 0),
        ("bidirectional override", "\u{202E}", 0),
    ]

    @Test func everyCaseIsOneClusterOfItsWidth() {
        for entry in Self.table {
            #expect(entry.text.count == 1, "\(entry.name) is one Character")
            #expect(entry.text.first!.cellWidth == entry.width, "\(entry.name)")
        }
    }

    @Test func setStringHoldsEachClusterWholeInOneCell() {
        for entry in Self.table where entry.width > 0 {
            var buffer = Buffer(width: 6, height: 1)
            let used = buffer.setString(x: 0, y: 0, "<" + entry.text + ">")
            #expect(used == entry.width + 2, "\(entry.name)")
            #expect(buffer[1, 0].symbol == entry.text, "\(entry.name) is whole in its cell")
            if entry.width == 2 {
                #expect(buffer[2, 0].isContinuation, "\(entry.name) has a continuation cell")
            }
            #expect(buffer[1 + entry.width, 0].symbol == ">", "\(entry.name)")
            #expect(buffer.lines(trimmingTrailingSpaces: true) == ["<" + entry.text + ">"], "\(entry.name)")
        }
    }

    @Test func zeroWidthClustersTakeNoCell() {
        for entry in Self.table where entry.width == 0 {
            // Alone: after a letter, a joiner or a mark would be part of the letter's cluster.
            var buffer = Buffer(width: 4, height: 1)
            #expect(buffer.setString(x: 0, y: 0, entry.text) == 0, "\(entry.name)")
            #expect(buffer.lines() == ["    "], "\(entry.name)")
        }
    }

    @Test func aWideClusterCutAtTheEdgeBecomesABlank() {
        var buffer = Buffer(width: 3, height: 1)
        #expect(buffer.setString(x: 0, y: 0, "ab🇫🇷") == 3)
        #expect(buffer.lines() == ["ab "])
    }

    @Test func wordWrapNeverSplitsACluster() {
        let text = "👩\u{200D}💻🇫🇷👍🏽漢e\u{301}"
        let lines = WordWrap.lines(text, width: 3)
        #expect(lines == ["👩\u{200D}💻", "🇫🇷", "👍🏽", "漢e\u{301}"])
        #expect(Paragraph(text).height(width: 3) == 4)
    }

    @Test func editorJoinsScalarsTypedOneByOneIntoClusters() {
        var editor = TextEditor()
        // A terminal hands a ZWJ sequence or a flag over scalar by scalar.
        for scalar in "a👩\u{200D}💻🇫🇷e\u{301}漢".unicodeScalars {
            _ = editor.handle(.character(Character(scalar)))
        }
        #expect(editor.text == "a👩\u{200D}💻🇫🇷e\u{301}漢")
        #expect(editor.lines[0] == ["a", "👩\u{200D}💻", "🇫🇷", "e\u{301}", "漢"])
        #expect(editor.column == 5)
        _ = editor.handle(.left)
        _ = editor.handle(.left)
        _ = editor.handle(.backspace)
        #expect(editor.text == "a👩\u{200D}💻e\u{301}漢", "backspace deletes the whole flag")
        _ = editor.handle(.backspace)
        #expect(editor.text == "ae\u{301}漢", "and the whole ZWJ sequence")
        _ = editor.handle(.delete)
        #expect(editor.text == "a漢", "delete takes the accented letter with its mark")
    }
}

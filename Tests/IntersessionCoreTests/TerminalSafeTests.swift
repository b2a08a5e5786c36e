import Testing
@testable import IntersessionCore

@Suite struct TerminalSafeTests {
    @Test func plainNamesPrintAsThey() {
        #expect("group-3f2a/feeds/ab12".terminalSafe == "group-3f2a/feeds/ab12")
        #expect("Délégation de l’Union".terminalSafe == "Délégation de l’Union")
    }

    @Test func aNewlineCannotForgeALine() {
        let crafted = "x\n  fork: feed abcd signed two different changes"
        #expect(crafted.terminalSafe == "x\\n  fork: feed abcd signed two different changes")
        #expect(!crafted.terminalSafe.contains("\n"))
    }

    @Test func escapeSequencesAndOverridesNeverReachTheTerminal() {
        #expect("a\u{1B}[2Jb".terminalSafe == "a\\u{1b}[2Jb")
        #expect("a\u{9B}b\u{7F}".terminalSafe == "a\\u{9b}b\\u{7f}")
        #expect("evil\u{202E}gnp.seg".terminalSafe == "evil\\u{202e}gnp.seg")
        #expect("tab\there\r".terminalSafe == "tab\\there\\r")
    }

    @Test func aBackslashDoublesSoThePrintedFormIsExact() {
        #expect("a\\nb".terminalSafe == "a\\\\nb")
        #expect("a\\nb".terminalSafe != "a\nb".terminalSafe)
    }

    @Test func aBodyKeepsItsLinesButNoEscapeSequence() {
        let body = "first line\n\tindented \\ kept\n\u{1B}]0;owned\u{07}\r\u{202E}end"
        let safe = body.terminalSafeLines
        #expect(safe == "first line\n\tindented \\ kept\n\\u{1b}]0;owned\\u{7}\\u{d}\\u{202e}end")
        #expect(!safe.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D })
        #expect("plain\ntext".terminalSafeLines == "plain\ntext")
        #expect("windows\r\nline".terminalSafeLines == "windows\nline")
    }
}

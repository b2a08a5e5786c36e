import Foundation
import Testing
@testable import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionSync

/// The sync's summary in the reader's language, from catalog texts read without the rest of
/// the catalog.
@Suite struct SyncSummaryTests {
    static let narrow = "\u{202F}"

    static func report(exported: Int = 0, files: Int = 0, imported: Int = 0, feeds: Int = 0) -> SyncReport {
        var report = SyncReport()
        report.exportedChanges = exported
        report.exportedFiles = files
        report.importedChanges = imported
        report.importedFeeds = Set((0..<feeds).compactMap { FeedID(bytes: [UInt8](repeating: UInt8($0 + 1), count: 32)) })
        return report
    }

    @Test func readingChosenKeysGivesTheirTextsAsTheWholeCatalogDoes() throws {
        for language in Language.allCases {
            let whole = try Phrasebook.load(language)
            #expect(whole.count > 800)
            #expect(Phrasebook(language: language, keys: Set(whole.keys)).texts == whole, "\(language.rawValue)")
            let some: Set<String> = ["notice.sync.line", "error.other", "notice.sync.fork", "no.such.key"]
            #expect(Phrasebook(language: language, keys: some).texts == whole.filter { some.contains($0.key) })
        }
    }

    @Test func theScannerDecodesEscapesAndRefusesWhatIsNotAFlatObject() {
        let escaped = Array(#" { "a\u0041" : "x\ny \"q\" \\" , "b": "é" } "#.utf8)
        #expect(CatalogScanner.texts(escaped, keys: ["aA", "b"]) == ["aA": "x\ny \"q\" \\", "b": "é"])
        #expect(CatalogScanner.texts(Array("{}".utf8), keys: ["a"]) == [:])
        let backslashed = Array(#"{"a\\b": "one", "a\b": "two", "q": "x\\", "r": "\\\"y"}"#.utf8)
        #expect(CatalogScanner.texts(backslashed, keys: ["a\\b", "q", "r"]) == ["a\\b": "one", "q": "x\\", "r": "\\\"y"])
        for bad in [#"{"a": 1}"#, #"{"a": "x""#, #"{"a" "x"}"#, #"["a"]"#, #"{"a": "x",}"#, #"{"a": "x"} {"#, ""] {
            #expect(CatalogScanner.texts(Array(bad.utf8), keys: ["a"]) == nil, "\(bad)")
        }
    }

    @Test func everyTextOfTheSummaryIsInBothCatalogsWithTheSameArguments() throws {
        let english = try Phrasebook.load(.en), french = try Phrasebook.load(.fr)
        for key in SyncSummary.keys.sorted() {
            let placeholders = { (text: String?) in Set((0..<4).filter { text?.contains("{\($0)}") == true }) }
            #expect(english[key] != nil && french[key] != nil, "\(key)")
            #expect(placeholders(english[key]) == placeholders(french[key]), "\(key)")
        }
    }

    @Test func theEnglishLineIsTheOneScriptsRead() {
        let english = SyncSummary.phrasebook(.en)
        #expect(SyncSummary.line(Self.report(), in: english)
            == "sync: exported 0 changes in 0 files; imported 0 from 0 feeds; 0 pending; 0 rejected")
        var busy = Self.report(exported: 1, files: 1, imported: 3, feeds: 1)
        busy.incompleteFiles = 2
        busy.pushedObjects = 4
        busy.remoteFailures = 1
        #expect(SyncSummary.text(busy, in: english) == "exported 1 change in 1 file; imported 3 from 1 feed; 0 pending; 0 rejected; "
            + "2 incomplete, will retry; 0 fetched from and 4 sent to remotes; 1 remote unreachable, will retry")
    }

    @Test func theFrenchLineTakesFrenchPluralsAndSpacing() {
        let french = SyncSummary.phrasebook(.fr), n = Self.narrow
        #expect(SyncSummary.line(Self.report(), in: french)
            == "synchronisation\(n): export\(n): 0 modification dans 0 fichier\(n); import\(n): 0 de 0 flux\(n); 0 en attente\(n); 0 fichier refusé")
        var busy = Self.report(exported: 5, files: 2, imported: 1, feeds: 2)
        busy.rejectedFiles = 3
        busy.lockedFiles = 1
        #expect(SyncSummary.text(busy, in: french) == "export\(n): 5 modifications dans 2 fichiers\(n); import\(n): 1 de 2 flux\(n); 0 en attente\(n); "
            + "3 fichiers refusés\(n); 1 fichier scellé pour une clé que cet appareil n’a pas")
    }
}

/// Catalog texts filled in one pass.
@Suite struct PlaceholderTests {
    @Test func argumentsGoInOnceAndNoPlaceholderOfTheirsIsRead() {
        #expect(Placeholders.fill("a {0} b {1}", ["x", "y"]) == "a x b y")
        #expect(Placeholders.fill("{0} and {1}", ["{1}", "z"]) == "{1} and z")
        #expect(Placeholders.fill("{0} {2} {0}", ["a"]) == "a {2} a")
        #expect(Placeholders.fill("{x} {} {0", ["a"]) == "{x} {} {0")
        #expect(Placeholders.fill("{10}: {1}", (0...10).map { "v\($0)" }) == "v10: v1")
        #expect(Placeholders.fill("é{0}\u{202F}ü", ["ß"]) == "éß\u{202F}ü")
        #expect(Placeholders.fill("{0}", []) == "{0}")
    }

    /// Every text of both catalogs comes out as the text-by-text replacement gave it.
    @Test func everyCatalogTextFillsAsBefore() throws {
        let arguments = ["A0", "B1", "C2", "D3", "E4"]
        for language in Language.allCases {
            let phrasebook = Phrasebook(language: language)
            for (key, template) in phrasebook.texts {
                var expected = template
                for (index, argument) in arguments.enumerated() { expected = expected.replacingOccurrences(of: "{\(index)}", with: argument) }
                #expect(phrasebook.text(key, arguments) == expected, "\(language.rawValue) \(key)")
            }
        }
    }
}

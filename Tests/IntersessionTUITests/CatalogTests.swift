import Foundation
import Testing
import IntersessionCore
@testable import IntersessionTUI

@Suite struct CatalogTests {
    /// The interface's keys, and the phrases of the layers below (errors, refusals and notices,
    /// which the command line renders too); both catalogs hold exactly the same keys.
    @Test func everyKeyIsInBothLanguagesAndNothingElse() throws {
        let keys = Set(TextKey.allCases.map(\.rawValue))
        let english = try Catalog.keys(.en)
        for language in Language.allCases {
            let found = try Catalog.keys(language)
            #expect(found == english, "catalog \(language.rawValue)")
            #expect(keys.isSubset(of: found), "catalog \(language.rawValue) lacks \(keys.subtracting(found).sorted())")
            let others = found.subtracting(keys).filter { !["error.", "rejection.", "notice.", "report.", Catalog.actPrefix, Catalog.reasonPrefix].contains(where: $0.hasPrefix) }
            #expect(others.isEmpty, "catalog \(language.rawValue) holds unused keys \(others.sorted())")
        }
    }

    /// Every reason the rules can give for refusing an act is phrased for the audit log.
    @Test func everyRejectionReasonIsPhrasedInBothLanguages() throws {
        for language in Language.allCases {
            let keys = try Catalog.keys(language)
            for reason in RejectionReason.allCases {
                #expect(keys.contains(Catalog.reasonPrefix + reason.rawValue), "\(language.rawValue) lacks \(reason.rawValue)")
            }
            let catalog = Catalog(language: language)
            #expect(catalog.rejection(RejectionReason.notAuthorised.rawValue) != RejectionReason.notAuthorised.rawValue)
        }
    }

    @Test func placeholdersMatchAcrossLanguages() {
        let english = Catalog(language: .en), french = Catalog(language: .fr)
        for key in TextKey.allCases {
            let placeholders = { (text: String) in Set((0..<4).filter { text.contains("{\($0)}") }) }
            #expect(placeholders(english[key]) == placeholders(french[key]), "\(key)")
        }
    }

    /// The views write only catalog texts: no string literal holding a letter.
    @Test func viewsWriteNoTextOfTheirOwn() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/IntersessionTUI/Views")
        let literal = try Regex(#""([^"\\]|\\.)*""#)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in source.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: literal) {
                    let text = String(line[match.range]).dropFirst().dropLast()
                    let withoutInterpolation = text.replacingOccurrences(of: #"\\\([^)]*\)"#, with: "", options: .regularExpression)
                        .replacingOccurrences(of: #"\\."#, with: "", options: .regularExpression)
                    let hasLetter = withoutInterpolation.contains { $0.isLetter }
                    #expect(!hasLetter, "\(file): \(line)")
                }
            }
        }
    }

    @Test func datesAndNumbersFollowTheLanguage() {
        let now: Int64 = 1_795_000_000_000
        #expect(Formats(language: .fr).number(12345).contains("345"))
        #expect(Formats(language: .en).number(12345) == "12,345")
        #expect(Formats(language: .fr).number(12345) != "12,345")
        let catalog = Catalog(language: .fr)
        #expect(Formats(language: .fr).ago(now - 5 * 60_000, now: now, catalog: catalog) == "il y a 5 min")
    }
}

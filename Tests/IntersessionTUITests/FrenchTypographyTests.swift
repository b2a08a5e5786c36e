import Foundation
import Testing
import IntersessionCore
import IntersessionActions
@testable import IntersessionTUI

/// The French catalog set as French is printed, counts in real plurals, and the audit log
/// naming acts in words in both languages.
@Suite("French and the catalog")
struct FrenchTypographyTests {
    static let noBreakSpaces: Set<Character> = ["\u{202F}", "\u{00A0}"]

    /// Each rule broken in `text`, outside `code` spans.
    static func typographyFaults(_ text: String) -> [String] {
        var faults: [String] = []
        let prose = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map { String($0.element) }
        for part in prose {
            let characters = Array(part)
            for (index, character) in characters.enumerated() {
                let before = index > 0 ? characters[index - 1] : nil
                let after = index + 1 < characters.count ? characters[index + 1] : nil
                switch character {
                case "'":
                    faults.append("a typewriter apostrophe (use ’)")
                case ";", "?", "!":
                    if let before, !Self.noBreakSpaces.contains(before) { faults.append("no no-break space before \(character)") }
                case ":":
                    // A time (14:03) or a path (C:\, ://) is no punctuation.
                    let isPunctuation = after == nil || after == " " || after == "\u{00A0}"
                    if isPunctuation, let before, !Self.noBreakSpaces.contains(before) { faults.append("no no-break space before :") }
                case "«":
                    if let after, !Self.noBreakSpaces.contains(after) { faults.append("no no-break space after «") }
                case "»":
                    if let before, !Self.noBreakSpaces.contains(before) { faults.append("no no-break space before »") }
                default:
                    break
                }
            }
        }
        return faults
    }

    @Test func theRulesCatchWhatTheIssueFound() {
        #expect(!Self.typographyFaults("0 ont voté: Ana").isEmpty)
        #expect(!Self.typographyFaults("Recherche : x").isEmpty, "an ordinary space may break before the colon")
        #expect(!Self.typographyFaults("l'invitation").isEmpty)
        #expect(!Self.typographyFaults("« x »").isEmpty)
        #expect(Self.typographyFaults("Recherche\u{202F}: «\u{202F}x\u{202F}» l’invitation à 14:03 ; `a:b`").count == 1)
        #expect(Self.typographyFaults("Recherche\u{202F}: «\u{202F}x\u{202F}» l’invitation à 14:03\u{202F}; `a:b`").isEmpty)
    }

    @Test func frenchCatalogFollowsFrenchTypography() throws {
        for (key, text) in try Phrasebook.load(.fr).sorted(by: { $0.key < $1.key }) {
            let faults = Self.typographyFaults(text)
            #expect(faults.isEmpty, "fr.json \(key): \(faults.joined(separator: ", ")) in \(text)")
        }
    }

    @Test func pluralsFollowEachLanguagesRule() {
        #expect(Plural.category(0, in: .fr) == .one)
        #expect(Plural.category(1, in: .fr) == .one)
        #expect(Plural.category(2, in: .fr) == .other)
        #expect(Plural.category(0, in: .en) == .other)
        #expect(Plural.category(1, in: .en) == .one)
        let french = Catalog(language: .fr), english = Catalog(language: .en)
        let fr = Formats(language: .fr), en = Formats(language: .en)
        #expect(french.count(1, .draftMarkAmendmentsOne, .draftMarkAmendments, formats: fr) == "[1 amendement en suspens]")
        #expect(french.count(0, .draftMarkCommentsOne, .draftMarkComments, formats: fr) == "0 commentaire")
        #expect(french.count(3, .pollVotedOne, .pollVoted, formats: fr) == "3 ont voté")
        #expect(french.count(1, .pollVotedOne, .pollVoted, formats: fr) == "1 a voté")
        #expect(english.count(1, .draftMarkAmendmentsOne, .draftMarkAmendments, formats: en) == "[1 open amendment]")
        #expect(english.count(0, .draftMarkCommentsOne, .draftMarkComments, formats: en) == "0 comments")
    }

    @Test func noCatalogFakesAPlural() throws {
        for language in Language.allCases {
            for (key, text) in try Phrasebook.load(language) {
                #expect(!text.contains("(s)") && !text.contains("(es)"), "\(language.rawValue) \(key): \(text)")
            }
        }
    }

    /// Every op type the core reads, read from the source of `Op.init(json:)` so that a new op
    /// without a name in words fails here.
    @Test func everyOpOfTheCoreIsNamedInWordsInBothLanguages() throws {
        let ops = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/IntersessionCore/Ops")
        let text = try String(contentsOf: ops.appendingPathComponent("Op.swift"), encoding: .utf8)
        let cases = text.matches(of: try Regex(#"case (\w+)\.(\w+):"#)).count
        // Moderation ops are read by the list in ModerationOps.swift.
        let moderationSource = try String(contentsOf: ops.appendingPathComponent("ModerationOps.swift"), encoding: .utf8)
        let list = try #require(moderationSource.firstMatch(of: try Regex(#"static let types = \[([^\]]*)\]"#)))
        let moderation = String(moderationSource[list.range]).split(separator: "\"").count / 2
        #expect(text.contains("Moderation.types.contains"))
        // A practice's steps likewise, by the list in PracticeOps.swift.
        #expect(text.contains("PracticeStep.types.contains"))
        #expect(Op.knownTypes.count == cases + moderation + PracticeStep.types.count, "Op.knownTypes lists every type Op.init reads")
        #expect(Set(Op.knownTypes).count == Op.knownTypes.count)
        for language in Language.allCases {
            let catalog = Catalog(language: language)
            for type in Op.knownTypes + ["fork"] {
                let words = catalog.act(type)
                #expect(words != type && !words.contains("."), "\(language.rawValue): \(type) has no words (\(words))")
            }
        }
        #expect(Catalog(language: .fr).act("draft.version") == "a nommé une version")
        #expect(Catalog(language: .en).act("member.role") == "granted a role")
        #expect(!Catalog(language: .en).act("future.op\u{1B}[2J").contains("\u{1B}"), "an unknown type is escaped")
    }
}

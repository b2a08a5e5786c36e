import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Every phrase an act, the store or the command line can fail with has a text in both
/// catalogs, with the same arguments.
@Suite struct PhrasebookTests {
    static let english = Phrasebook(language: .en), french = Phrasebook(language: .fr)

    /// One of each `ActionError`; the switch stops compiling when a case is added and not listed.
    static let actionErrors: [ActionError] = {
        let all: [ActionError] = [
            .pollClosed(poll: "p"), .notNominated(poll: "p"), .notModerator, .cannotRemoveSelf, .quoteNotInPost(post: "p"),
            .textUnchanged, .emptyText, .textTooLong(bytes: 1, limit: 2), .badTitle(limit: 1), .badName(limit: 1),
            .badOrganisation(limit: 1), .notUTF8, .noParagraph(1), .spanNotInParagraph(1, span: "s"),
            .noPenholders, .notACandidate("a", standing: "b"), .ambiguousCandidate("a"), .candidatesOutsideElection,
            .seatOutsideElection, .optionsInElection, .titleRequired, .badDays(option: "--days", minimum: 1, maximum: 2),
            .fileExists(path: "f"), .cannotRead(path: "f"), .cannotWrite(path: "f"), .unknownTemplate("t", choices: "c"),
            .nothingToReadmit(member: "m"), .notYourReadmission(invite: "i"), .ownFeedFrozen(from: 3), .noCurrentKey,
        ]
        for error in all {
            switch error {
            case .pollClosed, .notNominated, .notModerator, .cannotRemoveSelf, .quoteNotInPost, .textUnchanged, .emptyText, .textTooLong,
                 .badTitle, .badName, .badOrganisation, .notUTF8, .noParagraph, .spanNotInParagraph, .noPenholders,
                 .notACandidate, .ambiguousCandidate, .candidatesOutsideElection, .seatOutsideElection, .optionsInElection,
                 .titleRequired, .badDays, .fileExists, .cannotRead, .cannotWrite, .unknownTemplate,
                 .nothingToReadmit, .notYourReadmission, .ownFeedFrozen, .noCurrentKey: break
            }
        }
        return all
    }()

    static let storeErrors: [StoreError] = ["topic", "thread", "post", "member", "poll", "draft", "amendment", "invite", "entry",
                                          "meeting", "item", "concern", "outcome"].map {
        .notFound(kind: $0, prefix: "x")
    } + [.ambiguous(kind: "post", prefix: "a", count: 2), .noGroup, .alreadyInitialised, .locked(path: "p"),
         .corrupt(path: "p", detail: "d"), .exists(path: "p"), .notApplied(detail: "d"), .malformedLog,
         .draftTooLarge(limitKiB: 512), .amendmentTextGone, .postRetracted, .notARedeemer(feed: "f", invite: "i"), .inviteCancelled(invite: "i")] + RejectionReason.allCases.map { .refused($0) }

    static let otherErrors: [Explained] = [
        ProfileError.missing("p"), ProfileError.missingStore("p"), ProfileError.alreadyExists("p"), ProfileError.cannotWrite("p", "w"),
        ProfileError.badKey("p"), ProfileError.strayStore("p"),
        InviteError.notAnInvite, InviteError.damaged, InviteError.expired(1_795_000_000_000), InviteError.noFolder,
        InviteError.groupNotInFolder("p"), InviteError.otherGroup("p"), InviteError.notYetInFolder, InviteError.alreadyUsed("w"),
        InviteError.wrongKey, InviteError.cancelled, InviteError.lockedOut, FolderError.unreadable("p"), FolderError.tooLarge("p", 2), FolderError.cannotWrite("p", "w"),
        FolderError.missing("p"), FolderError.noCurrentKey,
        MeetingError.noTopic, MeetingError.notPresiding(meeting: "m"),
        RecoveryError.noFolder, RecoveryError.noGroupInFolders("p"), RecoveryError.severalGroups("p"), RecoveryError.sealedGroupUnknown("p"),
    ] + FileFault.Kind.allCases.map { FileFault(path: "p", kind: $0) }

    /// The keys of the command line's own input errors, read from its sources.
    static func commandLineKeys() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/intersession")
        var keys: Set<String> = []
        let pattern = try NSRegularExpression(pattern: #"InputError\("([A-Za-z]+)""#)
        for case let file as String in FileManager.default.enumerator(atPath: sources.path) ?? .init() where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources.path + "/" + file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                keys.insert("error.cli." + (text as NSString).substring(with: match.range(at: 1)))
            }
        }
        return keys
    }

    static func placeholders(_ text: String) -> Set<String> {
        Set((0..<10).map { "{\($0)}" }.filter(text.contains))
    }

    @Test func everyErrorHasATextInBothLanguages() throws {
        let phrases = Self.actionErrors.map(\.phrase) + Self.storeErrors.map(\.phrase) + Self.otherErrors.map(\.phrase)
        let keys = Set(phrases.map(\.key)).union(try Self.commandLineKeys()).union(["error.other", "notice.adopted"])
        #expect(try Self.commandLineKeys().count >= 10)
        for key in keys.sorted() {
            let english = Self.english.texts[key], french = Self.french.texts[key]
            #expect(english != nil, "en.json lacks \(key)")
            #expect(french != nil, "fr.json lacks \(key)")
            if let english, let french { #expect(Self.placeholders(english) == Self.placeholders(french), "\(key) takes other arguments in French") }
        }
        for phrase in phrases {
            let text = Self.english.text(phrase)
            #expect(!text.contains("{"), "\(phrase.key) leaves an argument unfilled: \(text)")
        }
    }

    @Test func anErrorWithoutAPhraseIsPassedThrough() {
        struct Plain: Error, CustomStringConvertible { var description: String { "the disk is full" } }
        #expect(Self.french.text(for: Plain()) == "the disk is full")
        #expect(Self.french.text(for: StoreError.refused(.notAuthorised)) == "votre rôle ne le permet pas")
    }

    @Test func theLanguageIsTheFlagThenAFrenchLocaleThenTheProfile() {
        #expect(LanguageChoice.resolve(flag: .fr, profile: "en", environment: ["LANG": "en_US.UTF-8"]) == .fr)
        #expect(LanguageChoice.resolve(flag: .en, profile: "fr", environment: ["LANG": "fr_FR.UTF-8"]) == .en)
        #expect(LanguageChoice.resolve(flag: nil, profile: "en", environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(LanguageChoice.resolve(flag: nil, profile: "fr", environment: ["LANG": "en_US.UTF-8"]) == .fr)
        #expect(LanguageChoice.resolve(flag: nil, profile: "en", environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR"]) == .en)
        #expect(LanguageChoice.resolve(flag: nil, profile: nil, environment: ["LC_ALL": "fr_CA.UTF-8", "LANG": "en_US"]) == .fr)
        #expect(LanguageChoice.resolve(flag: nil, profile: nil, environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(LanguageChoice.resolve(flag: nil, profile: nil, environment: [:]) == .en)
    }
}

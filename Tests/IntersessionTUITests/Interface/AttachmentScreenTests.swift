import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// The attachments screen (`F` where attachments are listed): select one and save it to a
/// path, checked, never over a file without a yes; attach a file by its path, the cap phrased
/// in the person's language; what it shows at every size in both languages; help lists
/// exactly its keys.
@Suite(.serialized) struct AttachmentScreenTests {
    /// Japan's own practice (its submitter may attach to it), opened from the library.
    static let practice = LibraryScreenTests.practice

    /// The fixture on Japan's practice with `annex.md` attached, and the file's bytes.
    func attached(language: Language = .en, width: Int = 80, height: Int = 24, plain: Bool = false) throws -> (DemoFixture, [UInt8]) {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language, width: width, height: height, plain: plain)
        fixture.press(Self.practice)
        guard case .library(.practice(let state)) = fixture.runtime.model.screen else { throw Refusal.notOnPractice }
        let bytes = Array("# Annex\n\nNine parcels in ten are cleared before they land.\n".utf8)
        let file = fixture.folder.appendingPathComponent("annex.md")
        try Data(bytes).write(to: file)
        try fixture.session.actions(clock: { DemoFixture.now }).attach(file: file.path, to: state.id)
        fixture.press(.character("F"))
        return (fixture, bytes)
    }

    enum Refusal: Error { case notOnPractice }

    func state(_ fixture: DemoFixture) -> AttachmentsState? {
        guard case .attachments(let state) = fixture.runtime.model.screen else { return nil }
        return state
    }

    /// Empties the path prompt and types `path` into it.
    func retype(_ path: String, _ fixture: DemoFixture) {
        guard case .save(_, let editor)? = state(fixture)?.prompt else { return }
        fixture.press(Array(repeating: Key.backspace, count: editor.text.count))
        fixture.type(path)
    }

    @Test func savingChecksTheFileAndAsksBeforeReplacingOne() throws {
        let (fixture, bytes) = try attached()
        let shown = try #require(state(fixture))
        #expect(shown.list.items.map(\.name) == ["annex.md"])
        fixture.press(.character("w"))
        guard case .save(_, let editor)? = state(fixture)?.prompt else { Issue.record("no save prompt"); return }
        #expect(editor.text.hasSuffix("/annex.md"), "the default path is the file's name in a folder: \(editor.text)")
        #expect(fixture.screen().joined(separator: "\n").contains("Save to: "))
        let out = fixture.folder.appendingPathComponent("saved.md").path
        retype(out, fixture)
        fixture.press(.enter)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == bytes)
        #expect(fixture.runtime.model.flash == Catalog(language: .en)[.attachmentSaved, out])
        // Over the file just saved: asked first; "n" leaves it; "y" replaces it.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out))
        fixture.press(.enter)
        retype(out, fixture)
        fixture.press(.enter)
        let question = try #require(fixture.runtime.model.confirmation?.question)
        #expect(question.contains(out))
        fixture.press(.character("n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data("mine".utf8))
        fixture.press(.enter)
        retype(out, fixture)
        fixture.press(.enter, .character("y"))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == bytes)
    }

    @Test func aFileIsAttachedByItsPathAndTheCapIsPhrasedInFrench() throws {
        let (fixture, _) = try attached(language: .fr)
        let second = fixture.folder.appendingPathComponent("photo.png")
        try Data(repeating: 7, count: 5000).write(to: second)
        fixture.press(.character("a"))
        #expect(fixture.screen().joined(separator: "\n").contains("Fichier à joindre\u{202F}:"))
        fixture.type(second.path)
        fixture.press(.enter)
        #expect(state(fixture)?.list.items.map(\.name) == ["annex.md", "photo.png"])
        #expect(fixture.runtime.model.flash == Catalog(language: .fr)[.attachmentAttached])
        let huge = fixture.folder.appendingPathComponent("huge.iso").path
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: UInt64(AttachmentLimits.fileBytes + 1))
        try handle.close()
        fixture.press(.character("a"))
        fixture.type(huge)
        fixture.press(.enter)
        #expect(fixture.runtime.model.flash?.contains("au plus 50.0 Mio") == true, "\(fixture.runtime.model.flash ?? "")")
        #expect(state(fixture)?.list.items.count == 2)
    }

    @Test func partsNotHereAreFetchedAndCounted() throws {
        let (fixture, _) = try attached()
        let entry = try #require(state(fixture)?.list.current)
        // The cache loses the file: the screen says so, and saving says how many parts arrived.
        let cache = try fixture.session.actions(clock: { DemoFixture.now }).chunkCache.folder
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) { try FileManager.default.removeItem(atPath: cache + "/" + name) }
        fixture.press(.character("q"), .character("F"))
        #expect(state(fixture)?.list.current?.held == 0)
        #expect(fixture.screen().joined(separator: "\n").contains("0 of \(entry.parts) parts here"))
        fixture.press(.enter)
        retype(fixture.folder.appendingPathComponent("none.md").path, fixture)
        fixture.press(.enter)
        #expect(fixture.runtime.model.flash?.contains("0 of \(entry.parts) parts of annex.md have arrived") == true, "\(fixture.runtime.model.flash ?? "")")
    }

    @Test func aLargeFetchShowsItsProgressInTheStatusLine() throws {
        for language in Language.allCases {
            let (fixture, _) = try attached(language: language)
            fixture.runtime.dispatch(.attachment(.progress(name: "annex\u{1B}[2J.pdf", held: 2 << 20, total: 5 << 20)))
            let flash = try #require(fixture.runtime.model.flash)
            #expect(flash == (language == .en ? "Fetching annex\\u{1b}[2J.pdf: 2.0 MiB of 5.0 MiB (40%)"
                : "Récupération de annex\\u{1b}[2J.pdf\u{202F}: 2,0 Mio sur 5,0 Mio (40\u{202F}%)"), "\(flash)")
            #expect(fixture.screen().last?.contains(language == .en ? "Fetching annex" : "Récupération de annex") == true)
        }
    }

    @Test func theScreenAndItsPromptsHoldWhatTheyMustAtEverySize() throws {
        for (width, height) in [(60, 15), (80, 24), (160, 48)] {
            for (language, plain) in [(Language.en, false), (.fr, false), (.en, true)] {
                let (fixture, _) = try attached(language: language, width: width, height: height, plain: plain)
                let catalog = Catalog(language: language)
                let label = "\(language.rawValue)\(plain ? " plain" : "") \(width)x\(height)"
                var lines = fixture.screen()
                #expect(lines.count == height, "\(label)")
                #expect(lines.joined(separator: "\n").contains("annex.md"), "\(label)")
                #expect(lines[0].contains(catalog[.attachmentsTitle]), "\(label): \(lines[0])")
                #expect(lines[height - 1].contains(catalog[.helpHint]), "\(label): the hint is cut")
                for (key, prompt) in [(Key.character("w"), TextKey.attachmentSavePrompt), (.character("a"), .attachmentAttachPrompt)] {
                    fixture.press(key)
                    lines = fixture.screen()
                    #expect(lines.joined(separator: "\n").contains(catalog[prompt].trimmingCharacters(in: .whitespaces)), "\(label) \(prompt)")
                    fixture.press(.escape)
                }
            }
        }
    }

    @Test func helpListsExactlyTheKeysOfTheAttachmentsScreen() throws {
        let (fixture, _) = try attached()
        BindingsTests.check([fixture.runtime.model], "attachments")
        // A post with nothing attached: only attaching, moving back and the reading keys.
        let empty = try DemoFixture(peer: "delegate-jp")
        empty.press(.enter, .enter, .character("F"))
        guard case .attachments(let none) = empty.runtime.model.screen else { Issue.record("F did not open the attachments"); return }
        #expect(none.list.items.isEmpty)
        BindingsTests.check([empty.runtime.model], "attachments, none")
        #expect(empty.screen().joined(separator: "\n").contains(Catalog(language: .en)[.attachmentsEmpty]))
    }
}

import Foundation
import Testing
@testable import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Attachments end to end through the acts: who may attach to what, the cap checked before
/// reading, a file that reaches another profile through the sealed folder byte for byte, a copy
/// that resumes, a tampered chunk reported and never used.
@Suite struct AttachmentActTests {
    func file(_ fixture: ActionsFixture, _ name: String, bytes count: Int, seed: UInt64) throws -> (path: String, bytes: [UInt8]) {
        var random = SplitMix64(seed: seed)
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let path = fixture.root.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    func syncBoth(_ fixture: ActionsFixture) throws {
        for home in [fixture.delegateHome, fixture.secretariatHome, fixture.delegateHome] { _ = try fixture.actions(home).syncRenewingEpoch() }
    }

    @Test func whoMayAttachToWhat() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let draft = try secretariat.newDraft(title: "Data model", topic: "general", symbol: "WGEC/2026/1", language: .en)
        let theirPost = try secretariat.post(in: "general", title: "Agenda", body: "See the annex.")
        try fixture.sync(fixture.secretariatHome)
        try fixture.sync(fixture.delegateHome)
        let delegate = try fixture.actions(fixture.delegateHome)
        let mine = try delegate.post(in: "general", title: "Our practice", body: "Attached.")
        let (path, _) = try file(fixture, "annex.txt", bytes: 1000, seed: 1)
        let before = try fixture.head(fixture.delegateHome)
        #expect(throws: StoreError.refused(.notAuthor)) { try delegate.attach(file: path, to: theirPost.hex) }
        #expect(throws: StoreError.refused(.notPenholder)) { try delegate.attach(file: path, to: draft.hex) }
        #expect(throws: AttachmentError.noTarget(typed: "ffffffff")) { try delegate.attach(file: path, to: "ffffffff") }
        #expect(try fixture.head(fixture.delegateHome) == before)
        let attached = try delegate.attach(file: path, to: mine.hex)
        let onDraft = try secretariat.attach(file: path, to: draft.hex)
        #expect(try delegate.store.attachments(on: mine).map(\.id) == [attached])
        #expect(try secretariat.store.attachment(onDraft)?.kind == "draft")
        try syncBoth(fixture)
        // A member removes their own; the secretariat (a moderator) removes anyone's; nobody else.
        #expect(throws: ActionError.notModerator) { try delegate.removeAttachment(onDraft.hex) }
        try secretariat.removeAttachment(attached.hex, reason: "wrong file")
        try syncBoth(fixture)
        #expect(try delegate.store.attachments(on: mine).isEmpty)
        #expect(try delegate.store.stateDigest() == secretariat.store.stateDigest())
    }

    @Test func anAgendaItemTakesAttachmentsFromThoseWhoRunTheMeeting() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        var request = Actions.MeetingRequest(title: "First meeting", number: "1", starts: "2026-05-18", ends: "2026-07-03")
        request.topic = "general"
        let meeting = try secretariat.convene(request)
        var item = Actions.ItemRequest()
        item.number = "1"
        item.title = "Opening"
        let added = try secretariat.addItem(to: meeting.hex, item)
        let (path, _) = try file(fixture, "agenda.md", bytes: 300, seed: 2)
        let id = try secretariat.attach(file: path, to: added.hex)
        #expect(try secretariat.store.attachment(id)?.kind == "item")
        try syncBoth(fixture)
        let delegate = try fixture.actions(fixture.delegateHome)
        #expect(throws: StoreError.refused(.notPresiding)) { try delegate.attach(file: path, to: added.hex) }
    }

    @Test func aFileOverTheCapIsRefusedFromItsSizeAndNothingIsSigned() throws {
        let fixture = try ActionsFixture()
        let delegate = try fixture.actions(fixture.delegateHome)
        let post = try delegate.post(in: "general", title: "Big", body: "A big file.")
        let path = fixture.root.appendingPathComponent("big.bin").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(AttachmentLimits.fileBytes + 1))
        try handle.close()
        let before = try fixture.head(fixture.delegateHome)
        #expect(throws: AttachmentError.tooLarge(name: "big.bin", bytes: AttachmentLimits.fileBytes + 1, limit: AttachmentLimits.fileBytes)) {
            try delegate.attach(file: path, to: post.hex)
        }
        #expect(try fixture.head(fixture.delegateHome) == before)
        let english = Phrasebook(language: .en).text(AttachmentError.tooLarge(name: "big.bin", bytes: AttachmentLimits.fileBytes + 1, limit: AttachmentLimits.fileBytes).phrase.key,
                                                     ["big.bin", "50.0", "50.0"])
        #expect(english.contains("at most 50.0 MiB"))
    }

    @Test func aFileReachesTheOtherProfileByteForByteAndACopyResumes() throws {
        let fixture = try ActionsFixture()
        let delegate = try fixture.actions(fixture.delegateHome)
        let post = try delegate.post(in: "general", title: "Practice", body: "Attached.")
        let (path, bytes) = try file(fixture, "practice.bin", bytes: 3 << 20, seed: 3)
        let id = try delegate.attach(file: path, to: post.hex)
        try syncBoth(fixture)
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let manifest = try #require(try secretariat.store.attachment(id)).manifest
        #expect(manifest.chunks.count >= 2)
        // The folder holds the chunks sealed: none of them under its plain hash.
        let group = GroupFolder(root: fixture.shared, group: try #require(try secretariat.store.groupID()),
                                sealing: try FolderSealing.load(store: secretariat.store, device: secretariat.key))
        #expect(!FileManager.default.fileExists(atPath: group.blobsPath + "/" + manifest.chunks[0].hash))
        // Only the first chunk has arrived: what came is kept, and the count is told.
        let aside = fixture.root.appendingPathComponent("aside").path
        try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
        let later = manifest.chunks.dropFirst().compactMap { chunk in group.chunkPaths(chunk.hash).first { FileManager.default.fileExists(atPath: $0) } }
        #expect(later.count == manifest.chunks.count - 1)
        for path in later { try FileManager.default.moveItem(atPath: path, toPath: aside + "/" + (path as NSString).lastPathComponent) }
        let out = fixture.root.appendingPathComponent("saved.bin").path
        #expect(throws: AttachmentError.partsMissing(name: "practice.bin", held: 1, total: manifest.chunks.count)) {
            try secretariat.saveAttachment(id.hex, to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(secretariat.attachmentParts(try #require(try secretariat.store.attachment(id))).held == 1)
        for path in later { try FileManager.default.moveItem(atPath: aside + "/" + (path as NSString).lastPathComponent, toPath: path) }
        try secretariat.saveAttachment(id.hex, to: out)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == bytes)
        #expect(throws: ActionError.fileExists(path: out)) { try secretariat.saveAttachment(id.hex, to: out) }
        try secretariat.saveAttachment(id.hex, to: out, force: true)
    }

    @Test func aTamperedChunkIsReportedAndNeverUsed() throws {
        let fixture = try ActionsFixture()
        let delegate = try fixture.actions(fixture.delegateHome)
        let post = try delegate.post(in: "general", title: "Practice", body: "Attached.")
        let (path, _) = try file(fixture, "notes.bin", bytes: 600 << 10, seed: 4)
        let id = try delegate.attach(file: path, to: post.hex)
        try syncBoth(fixture)
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let manifest = try #require(try secretariat.store.attachment(id)).manifest
        let group = GroupFolder(root: fixture.shared, group: try #require(try secretariat.store.groupID()),
                                sealing: try FolderSealing.load(store: secretariat.store, device: secretariat.key))
        let chunkPath = try #require(group.chunkPaths(manifest.chunks[0].hash).first { FileManager.default.fileExists(atPath: $0) })
        var stored = Array(try Data(contentsOf: URL(fileURLWithPath: chunkPath)))
        stored[stored.count / 2] ^= 0x01
        try Data(stored).write(to: URL(fileURLWithPath: chunkPath))
        let out = fixture.root.appendingPathComponent("saved.bin").path
        #expect(throws: AttachmentError.partsMissing(name: "notes.bin", held: manifest.chunks.count - 1, total: manifest.chunks.count)) {
            try secretariat.saveAttachment(id.hex, to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try secretariat.store.badFileCount() == 1)
        #expect(!secretariat.chunkCache.holds(manifest.chunks[0].hash, size: manifest.chunks[0].size))
    }

    @Test func alwaysFetchesAtSyncAndTextIsSearchable() throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        #expect(try secretariat.attachmentFetchMode() == .onDemand)
        #expect(throws: AttachmentError.badFetchMode("sometimes")) { try secretariat.setAttachmentFetchMode("sometimes") }
        #expect(try secretariat.setAttachmentFetchMode("always") == .always)
        let delegate = try fixture.actions(fixture.delegateHome)
        let post = try delegate.post(in: "general", title: "Practice", body: "Attached.")
        let path = fixture.root.appendingPathComponent("lessons.md").path
        try Data("# Lessons learned\n\nPre-arrival processing of low-value consignments.\n".utf8).write(to: URL(fileURLWithPath: path))
        let id = try delegate.attach(file: path, to: post.hex)
        try syncBoth(fixture)
        let attachment = try #require(try secretariat.store.attachment(id))
        #expect(secretariat.attachmentParts(attachment).held == attachment.manifest.chunks.count)
        #expect(try secretariat.store.searchAttachments("consignments").map(\.id) == [id])
        #expect(try secretariat.store.searchAttachments("lessons").map(\.id) == [id])
        #expect(try secretariat.store.searchAttachments("nothinglikethis").isEmpty)
    }

    @Test func everyAttachmentErrorReadsInBothLanguagesWithTheSameArguments() {
        for error in AttachmentError.examples {
            switch error {
            case .tooLarge, .notAFile, .noTarget, .partsMissing, .wholeMismatch, .removed, .badFetchMode: break
            }
            let english = Phrasebook(language: .en).texts[error.phrase.key], french = Phrasebook(language: .fr).texts[error.phrase.key]
            #expect(english != nil && french != nil, "\(error.phrase.key) lacks a text")
            let places = { (text: String?) in Set((0..<5).map { "{\($0)}" }.filter { text?.contains($0) == true }) }
            #expect(places(english) == places(french), "\(error.phrase.key)")
            #expect(places(english).count == error.phrase.arguments.count, "\(error.phrase.key)")
        }
        #expect(AttachmentError.examples.count == 7)
    }
}

import Foundation
import Testing
@testable import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// Chunks that heal and relay: a chunk deleted from a folder is written again by a profile
/// that fetched it, not only by its author; a profile syncing two folders carries the chunks
/// it holds from one to the other; the copies are looked at a window at a time, so a quiet
/// sync stays cheap; an attachment once whole here is remembered, never statted again.
@Suite struct ChunkHealingTests {
    func attach(_ fixture: ActionsFixture, bytes count: Int, seed: UInt64) throws -> (EntityID, [UInt8]) {
        var random = SplitMix64(seed: seed)
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let path = fixture.root.appendingPathComponent("annex-\(seed).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let delegate = try fixture.actions(fixture.delegateHome)
        let post = try delegate.post(in: "general", title: "Practice", body: "Attached.")
        return (try delegate.attach(file: path, to: post.hex), bytes)
    }

    func group(_ actions: Actions, _ root: String) throws -> GroupFolder {
        GroupFolder(root: root, group: try #require(try actions.store.groupID()), sealing: try FolderSealing.load(store: actions.store, device: actions.key))
    }

    func syncBoth(_ fixture: ActionsFixture) throws {
        for home in [fixture.delegateHome, fixture.secretariatHome, fixture.delegateHome] { _ = try fixture.actions(home).syncRenewingEpoch() }
    }

    @Test func aChunkDeletedFromTheFolderIsWrittenAgainByAProfileThatFetchedIt() throws {
        let fixture = try ActionsFixture()
        let (id, bytes) = try attach(fixture, bytes: 3 << 20, seed: 11)
        try syncBoth(fixture)
        let secretariat = try fixture.actions(fixture.secretariatHome)
        try secretariat.saveAttachment(id.hex, to: fixture.root.appendingPathComponent("fetched.bin").path)
        #expect(try secretariat.store.completeAttachments().contains(id.hex))
        _ = try secretariat.syncRenewingEpoch()
        let manifest = try #require(try secretariat.store.attachment(id)).manifest
        let folder = try group(secretariat, fixture.shared)
        let lost = manifest.chunks[1]
        let paths = folder.chunkPaths(lost.hash).filter { FileManager.default.fileExists(atPath: $0) }
        #expect(!paths.isEmpty)
        for path in paths { try FileManager.default.removeItem(atPath: path) }
        // Only the secretariat syncs, not the author: its copy heals the folder.
        let healed = try fixture.actions(fixture.secretariatHome).exchangeAttachments()
        #expect(healed.written == 1)
        guard case .found = folder.readChunk(lost.hash, size: lost.size) else {
            Issue.record("the deleted chunk was not written again")
            return
        }
        // The author, its cached chunk gone, gets the file whole from the healed folder.
        let delegate = try fixture.actions(fixture.delegateHome)
        try FileManager.default.removeItem(atPath: delegate.chunkCache.folder + "/" + lost.hash)
        let out = fixture.root.appendingPathComponent("again.bin").path
        try delegate.saveAttachment(id.hex, to: out)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == bytes)
        // A quiet sync after that writes nothing.
        #expect(try fixture.actions(fixture.secretariatHome).exchangeAttachments().written == 0)
    }

    @Test func aTamperedCopyIsWrittenAgainFromAVerifiedCache() throws {
        let fixture = try ActionsFixture()
        let (id, _) = try attach(fixture, bytes: 600 << 10, seed: 12)
        try syncBoth(fixture)
        let delegate = try fixture.actions(fixture.delegateHome)
        let chunk = try #require(try delegate.store.attachment(id)).manifest.chunks[0]
        let folder = try group(delegate, fixture.shared)
        let paths = folder.chunkPaths(chunk.hash).filter { FileManager.default.fileExists(atPath: $0) }
        #expect(!paths.isEmpty)
        for path in paths {
            var stored = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            stored[stored.count / 2] ^= 0x01
            try Data(stored).write(to: URL(fileURLWithPath: path))
        }
        #expect(try fixture.actions(fixture.delegateHome).exchangeAttachments().written >= 1)
        guard case .found = folder.readChunk(chunk.hash, size: chunk.size) else {
            Issue.record("the tampered chunk was not written again")
            return
        }
    }

    @Test func aProfileSyncingTwoFoldersCarriesTheChunksItHolds() throws {
        let fixture = try ActionsFixture()
        let other = fixture.root.appendingPathComponent("other").path
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        let secretariat = try fixture.actions(fixture.secretariatHome)
        _ = try RememberedFolders(store: secretariat.store).add([other])
        #expect(try secretariat.setAttachmentFetchMode("always") == .always)
        let (id, _) = try attach(fixture, bytes: 2 << 20, seed: 13)
        try syncBoth(fixture)
        let relay = try fixture.actions(fixture.secretariatHome)
        #expect(try relay.store.completeAttachments().contains(id.hex))
        let folder = try group(relay, other)
        for chunk in try #require(try relay.store.attachment(id)).manifest.chunks {
            guard case .found = folder.readChunk(chunk.hash, size: chunk.size) else {
                Issue.record("chunk \(chunk.hash.prefix(8)) was not carried to the other folder")
                continue
            }
        }
        // Once carried and whole, a quiet sync moves nothing.
        #expect(try relay.exchangeAttachments() == Actions.AttachmentExchange())
    }

    @Test func theCopiesAreLookedAtAWindowAtATime() throws {
        let fixture = try ActionsFixture()
        let store = try fixture.actions(fixture.secretariatHome).store
        let root = fixture.shared
        let hashes = (0..<150).map { String(format: "%064x", $0) }
        for hash in hashes { try store.recordChunkCopy(ChunkCopy(folder: root, hash: hash, name: "gone/" + hash, size: 1, mtime: 1)) }
        let check = ChunkCopyCheck(store: store)
        var seen: [String] = []
        for _ in 0..<3 {
            let window = try check.changed(in: [root])
            #expect(window.count <= ChunkCopyCheck.windowSize)
            seen += window.map(\.hash)
        }
        // Within three syncs every copy was looked at once (the third window rounds again).
        #expect(Set(seen) == Set(hashes))
        #expect(seen.count == 3 * ChunkCopyCheck.windowSize)
    }
}

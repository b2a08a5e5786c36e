import Foundation
import Testing
@testable import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// The lighter reads a sync with nothing new makes (issue 14) say what the full ones say:
/// whether any attachment waits to be placed in a folder, and the names of a sealed folder
/// derived from the genesis change's bytes without decoding it.
@Suite struct QuietSyncReadsTests {
    func waiting(_ actions: Actions, _ folder: String) throws -> (has: Bool, listed: Bool) {
        (try actions.store.hasAttachmentsToPlace(folder: folder, author: actions.key.feed),
         !(try actions.store.attachmentsToPlace(folder: folder, author: actions.key.feed)).isEmpty)
    }

    @Test func whetherAnAttachmentWaitsAgreesWithTheListOfThem() throws {
        let fixture = try ActionsFixture()
        let delegate = try fixture.actions(fixture.delegateHome)
        #expect(try waiting(delegate, fixture.shared) == (false, false))
        let path = fixture.root.appendingPathComponent("annex.bin").path
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
        let post = try delegate.post(in: "general", title: "Practice", body: "Attached.")
        let attachment = try delegate.attach(file: path, to: post.hex)
        // Its own attachment, not yet written to the folder: waiting, in this folder only.
        #expect(try waiting(delegate, fixture.shared) == (true, true))
        let elsewhere = fixture.root.appendingPathComponent("elsewhere").path
        #expect(try waiting(delegate, elsewhere) == (true, true))
        _ = try delegate.syncRenewingEpoch()
        #expect(try waiting(delegate, fixture.shared) == (false, false))
        #expect(try waiting(delegate, elsewhere) == (true, true))
        // Removed, it waits nowhere.
        try delegate.removeAttachment(attachment.hex)
        #expect(try waiting(delegate, elsewhere) == (false, false))
    }

    @Test func aSealedFoldersNamesFromTheGenesisBytesAreTheNamesFromTheDecodedGenesis() throws {
        let fixture = try ActionsFixture()
        for home in [fixture.secretariatHome, fixture.delegateHome] {
            let actions = try fixture.actions(home)
            let genesis = try #require(try actions.store.genesis())
            let bytes = try #require(try actions.store.genesisBytes())
            #expect(bytes.bytes == genesis.bytes && bytes.signature == genesis.signature)
            let sealing = try #require(try FolderSealing.load(store: actions.store, device: actions.key))
            #expect(sealing.names == SealedNames(genesis: genesis))
            #expect(try FolderSealing.names(store: actions.store)?.names == SealedNames(genesis: genesis))
        }
    }
}

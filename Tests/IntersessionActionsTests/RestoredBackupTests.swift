import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// Every act first takes in the profile's own newer changes from its folders: on a restored
/// backup, a vote, a close, a grant or an amendment follows the changes the backup missed
/// instead of signing different changes under the same seqs (a fork that freezes the feed).
@Suite struct RestoredBackupTests {
    enum Act: String, CaseIterable, CustomTestStringConvertible {
        case vote, close, grant, amendment
        var testDescription: String { rawValue }
    }

    @Test(arguments: Act.allCases) func anActOnARestoredBackupDoesNotFork(_ act: Act) throws {
        let fixture = try ActionsFixture()
        let secretariat = try fixture.actions(fixture.secretariatHome)
        let poll = try #require(try secretariat.openPoll(.init(kind: .proposal, title: "Adopt the work plan")).first)
        let draft = try secretariat.newDraft(title: "Guidelines", topic: "flows", symbol: "WGEC/2026/1", language: .en,
                                             text: "# Guidelines\n\nA first paragraph.\n")
        try fixture.sync(fixture.secretariatHome)
        let backup = try fixture.backup(fixture.secretariatHome, as: "secretariat-backup")
        let backedUp = try fixture.head(backup)
        // After the backup, the machine signs one more change and publishes it; then it is lost.
        try secretariat.post(in: "general", title: "After the backup", body: "Signed, published, then the disk failed.")
        try fixture.sync(fixture.secretariatHome)

        let restored = try fixture.actions(backup)
        let delegate = try fixture.delegateHome.openStore()
        switch act {
        case .vote: try restored.vote(on: poll.hex, Ballot(position: .agree))
        case .close: try restored.close(poll: poll.hex)
        case .grant: try restored.grant(.partner, to: try fixture.delegateHome.loadKey().feed.hex)
        case .amendment:
            try restored.proposeAmendment(to: draft.hex, paragraph: 1, span: "first", kind: .replace, text: "second", rationale: "Clearer.")
        }
        #expect(restored.adoptedChanges == 1)
        #expect(try fixture.head(backup) == backedUp + 2)
        try fixture.sync(backup)
        try fixture.sync(fixture.delegateHome)
        let me = try fixture.secretariatHome.loadKey().feed.hex
        #expect(try delegate.members().first { $0.feed == me }?.frozenFrom == nil)
        #expect(try delegate.feedProgress()[try fixture.secretariatHome.loadKey().feed]?.head == backedUp + 2)
    }
}

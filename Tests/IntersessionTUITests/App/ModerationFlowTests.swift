import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync
@testable import IntersessionTUI

@Suite struct ModerationFlowTests {
    @Test func onlyModeratorsGetTheMenu() throws {
        let delegate = try DemoFixture(peer: "delegate-jp")
        delegate.press(.enter, .enter, .character("m"))
        guard case .thread(let thread) = delegate.runtime.model.screen else { Issue.record("not in a thread"); return }
        #expect(thread.moderation == nil)
        #expect(!Bindings.of(delegate.runtime.model).contains { $0.help == .helpModerate })
    }

    @Test func aCochairHidesAPostAndTheDelegateSeesTheNoticeAfterSync() throws {
        let cochair = try DemoFixture(peer: "cochair-fr")
        cochair.press(.enter, .enter, .character("m"), .character("h"))
        cochair.type("Hors sujet")
        cochair.press(.enter)
        guard case .thread(let thread) = cochair.runtime.model.screen, let post = thread.list.current else {
            Issue.record("not in a thread"); return
        }
        #expect(post.hiddenReason == "Hors sujet")
        #expect(!post.body.isEmpty)  // a moderator still reads it
        _ = try SyncEngine(store: cochair.session.store).sync(folders: RememberedFolders(store: cochair.session.store).list())

        let delegateHome = DemoWorkspace(folder: cochair.folder).home("delegate-jp")
        let delegateStore = try delegateHome.openStore()
        _ = try SyncEngine(store: delegateStore).sync(folders: RememberedFolders(store: delegateStore).list())
        let seen = try delegateStore.thread(post.thread).redacted(forModerator: false).posts.first { $0.id == post.id }
        #expect(seen?.hiddenReason == "Hors sujet")
        #expect(seen?.body == "")
    }

    @Test func lockAndPinShowInTheThreadList() throws {
        let cochair = try DemoFixture(peer: "cochair-fr")
        cochair.press(.enter, .enter, .character("m"), .character("l"), .character("m"), .character("p"), .escape)
        guard case .threads(_, let list) = cochair.runtime.model.screen, let thread = list.current else {
            Issue.record("not on the thread list"); return
        }
        #expect(thread.locked && thread.pinned)
        #expect(cochair.screen().joined().contains("[épinglé]") || cochair.screen().joined().contains("[pinned]"))
    }

    @Test func aCochairRenamesAndMovesAThread() throws {
        let cochair = try DemoFixture(peer: "cochair-fr")
        cochair.press(.enter, .enter, .character("m"), .character("r"))
        for _ in 0..<80 { cochair.press(.backspace) }
        cochair.type("Figures on parcels")
        cochair.press(.enter)
        cochair.press(.character("m"), .character("v"), .down, .down, .enter)
        guard case .thread(let thread) = cochair.runtime.model.screen, let detail = thread.detail else {
            Issue.record("not in a thread"); return
        }
        #expect(detail.thread.title == "Figures on parcels")
        #expect(detail.thread.topic == cochair.runtime.model.topics[2].id)
    }
}

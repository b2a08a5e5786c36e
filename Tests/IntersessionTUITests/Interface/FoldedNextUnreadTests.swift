import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// `n` never skips an unread post hidden in a folded branch: it unfolds the branch and says so.
@Suite struct FoldedNextUnreadTests {
    @Test func nextUnreadUnfoldsTheBranchThatHoldsIt() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        fixture.press(.enter, .enter)
        guard case .thread(let opened) = fixture.runtime.model.screen else { Issue.record("not in a thread"); return }
        let posts = try fixture.session.store.thread(opened.id).posts
        // Only the replies to replies unread again (those `Z` hides), the thread loaded afresh.
        let deep = posts.filter { $0.depth >= 2 }
        let expected = try #require(deep.first)
        try fixture.session.store.markRead(posts: posts.map(\.id))
        try fixture.session.store.markUnread(posts: deep.map(\.id))
        fixture.perform(.loadThread(id: opened.id))
        fixture.press(.home, .character("Z"))  // every reply folded under the opening post
        guard case .thread(let folded) = fixture.runtime.model.screen else { return }
        #expect(!folded.collapsed.isEmpty)
        #expect(folded.list.items.count < posts.count)
        #expect(!folded.list.items.contains { $0.id == expected.id })
        fixture.press(.character("n"))
        guard case .thread(let after) = fixture.runtime.model.screen else { Issue.record("n left the thread"); return }
        #expect(after.id == opened.id)
        #expect(after.list.current?.id == expected.id)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.threadUnfoldedForUnread])
        #expect(fixture.screen().contains { $0.contains(fixture.runtime.model.catalog[.threadUnfoldedForUnread].prefix(30)) })
    }

    @Test func nextUnreadInAnOpenBranchSaysNothingOfFolding() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        fixture.press(.enter, .enter)
        guard case .thread(let opened) = fixture.runtime.model.screen else { Issue.record("not in a thread"); return }
        let posts = try fixture.session.store.thread(opened.id).posts
        try #require(posts.count > 2)
        try fixture.session.store.markUnread(posts: posts.dropFirst().map(\.id))
        fixture.perform(.loadThread(id: opened.id))
        fixture.press(.home, .character("n"))
        guard case .thread(let after) = fixture.runtime.model.screen else { return }
        #expect(after.list.current?.id == posts[1].id)
        #expect(fixture.runtime.model.flash == nil)
    }
}

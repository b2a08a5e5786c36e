import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

@Suite struct ReadingFlowTests {
    @Test(arguments: [(80, 24), (60, 15), (160, 48)])
    func endInTheReadingPaneGoesToTheEndOfTheLongPost(size: (Int, Int)) throws {
        let reading = try ReadingFixture.withLongPost(width: size.0, height: size.1)
        let fixture = reading.fixture
        #expect(!fixture.screen().contains { $0.contains(ReadingFixture.lastLine) })
        fixture.press(.tab, .end)
        guard case .thread(let thread) = fixture.runtime.model.screen else { Issue.record("not in the thread"); return }
        #expect(thread.list.current?.id == reading.longPost)  // still the long post, not the last post
        let screen = fixture.screen()
        #expect(screen.contains { $0.contains(ReadingFixture.lastLine) })
        // The position indicator says the end is shown: `a–n/n`.
        #expect(screen.contains { line in line.range(of: #"\d+–(\d+)/\1 *$"#, options: .regularExpression) != nil })
        fixture.press(.character("g"))
        let top = fixture.screen()
        #expect(!top.contains { $0.contains(ReadingFixture.lastLine) })
        #expect(top.contains { $0.range(of: #" 1–\d+/\d+ *$"#, options: .regularExpression) != nil })
        fixture.press(.character("G"), .up)
        #expect(!fixture.screen().contains { $0.contains(ReadingFixture.lastLine) })  // up from the end moves at once
    }

    @Test func aThreadOpensAtItsFirstUnreadPost() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        fixture.press(.enter)
        guard case .threads(_, let threads) = fixture.runtime.model.screen,
              let index = threads.items.firstIndex(where: { $0.unread > 1 })
        else { Issue.record("no unread thread"); return }
        let id = threads.items[index].id
        // Read the opening post elsewhere, so that the first unread is a later one.
        let detail = try fixture.session.store.thread(id)
        try fixture.session.store.markRead(posts: [detail.posts[0].id])
        let expected = try #require(try fixture.session.store.thread(id).posts.first { !$0.read })
        fixture.press(.home)
        for _ in 0..<index { fixture.press(.down) }
        fixture.press(.enter)
        guard case .thread(let thread) = fixture.runtime.model.screen else { Issue.record("not in the thread"); return }
        #expect(thread.list.current?.id == expected.id, "\(thread.list.items.map { ($0.id.prefix(6), $0.read) }) expected \(expected.id.prefix(6)) index \(index)")
        #expect(thread.list.selected > 0)
    }

    @Test func repliesFoldAndUnfold() throws {
        let reading = try ReadingFixture.withLongPost()
        let fixture = reading.fixture
        fixture.press(.home)
        guard case .thread(let before) = fixture.runtime.model.screen else { Issue.record("not in the thread"); return }
        let all = before.list.items.count
        #expect(all > 1)
        fixture.press(.character("z"))  // the opening post: fold every reply
        guard case .thread(let folded) = fixture.runtime.model.screen else { return }
        #expect(folded.list.items.count == 1)
        #expect(fixture.screen().contains { $0.contains("(+\(all - 1))") })
        fixture.press(.character("z"))
        guard case .thread(let unfolded) = fixture.runtime.model.screen else { return }
        #expect(unfolded.list.items.count == all)
        fixture.press(.end, .character("z"))  // the last post has no replies: said so
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.threadNoReplies])
    }

    @Test func markAllReadInsideAThreadDoesWhatItDoesInTheList() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        fixture.press(.enter)
        guard case .threads(_, let threads) = fixture.runtime.model.screen,
              let index = threads.items.firstIndex(where: { $0.unread > 1 })
        else { Issue.record("no thread with two unread posts"); return }
        for _ in 0..<index { fixture.press(.down) }
        let id = threads.items[index].id
        fixture.press(.enter, .character("M"))
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.threadMarkedRead])
        #expect(try fixture.session.store.thread(id).posts.allSatisfy { $0.read })
        guard case .thread(let thread) = fixture.runtime.model.screen else { return }
        #expect(thread.list.items.allSatisfy { $0.read })
        #expect(!fixture.screen().contains { $0.contains("●") })
    }
}

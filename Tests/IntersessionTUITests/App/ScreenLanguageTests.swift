import Testing
import IntersessionCore
@testable import IntersessionTUI

/// The screen's language sets every label and the group's title; `--plain` says "unread" in words.
@Suite struct ScreenLanguageTests {
    static let french = "Groupe de travail de l’OMD sur le commerce électronique"
    static let english = "WCO Working Group on E-Commerce"

    @Test func theGroupTitleFollowsTheScreenNotTheProfile() throws {
        // delegate-jp writes in English; its screen in French shows the French title.
        let french = try DemoFixture(peer: "delegate-jp", language: .fr, width: 120, height: 30)
        #expect(french.screen()[0].contains(Self.french), "\(french.screen()[0])")
        french.press(.character("L"))
        #expect(french.screen()[0].contains(Self.english), "L switches the title with the labels")
        french.press(.character("L"))
        #expect(french.screen()[0].contains(Self.french))
    }

    @Test func theTitleStaysInTheScreensLanguageAfterTheProfileLoads() throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: .fr, width: 120, height: 30)
        fixture.runtime.dispatch(.profileReady(me: fixture.session.key.feed.hex, groupTitles: fixture.session.groupTitles))
        #expect(fixture.screen()[0].contains(Self.french))
    }

    @Test(arguments: [(Language.en, "[unread]"), (.fr, "[non lu]")]) func plainModeSaysUnreadInWords(_ language: Language, _ mark: String) throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language, width: 100, height: 30, plain: true)
        let topics = fixture.screen()
        #expect(topics.contains { $0.contains(mark) }, "topics with unread posts say so: \(topics)")
        fixture.press(.enter)
        let threads = fixture.screen()
        #expect(threads.contains { $0.contains(mark) }, "threads with unread posts say so: \(threads)")
        fixture.press(.enter)
        let posts = fixture.screen()
        guard case .thread(let thread) = fixture.runtime.model.screen else { Issue.record("not in a thread"); return }
        let unread = thread.list.items.filter { !$0.read }.count
        #expect(unread > 0)
        #expect(posts.filter { $0.contains(mark) }.count == unread, "each unread post, and only those: \(posts)")
    }

    @Test func withoutPlainTheDotMarksUnread() throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: .en)
        #expect(!fixture.screen().contains { $0.contains("[unread]") })
    }
}

import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

@Suite struct UpdateTests {
    func screenName(_ fixture: DemoFixture) -> String {
        switch fixture.runtime.model.screen {
        case .topics: "topics"
        case .threads: "threads"
        case .thread: "thread"
        case .compose: "compose"
        case .search: "search"
        case .welcome: "welcome"
        case .members: "members"
        case .audit: "audit"
        case .polls: "polls"
        case .poll: "poll"
        case .drafts: "drafts"
        case .draft: "draft"
        case .draftDiff: "draft-diff"
        case .amendments: "amendments"
        case .meetings: "meetings"
        case .library: "library"
        case .attachments: "attachments"
        case .report: "report"
        }
    }

    @Test func navigationMovesAndOpensAndGoesBack() throws {
        let fixture = try DemoFixture()
        guard case .topics(let list) = fixture.runtime.model.screen else { Issue.record("not on topics"); return }
        #expect(list.items.count == 9)
        fixture.press(.character("j"), .character("j"), .down, .character("k"))
        guard case .topics(let moved) = fixture.runtime.model.screen else { return }
        #expect(moved.selected == 2)
        fixture.press(.character("G"))
        guard case .topics(let last) = fixture.runtime.model.screen else { return }
        #expect(last.selected == 8)
        fixture.press(.character("g"), .enter)
        #expect(screenName(fixture) == "threads")
        fixture.press(.enter)
        #expect(screenName(fixture) == "thread")
        fixture.press(.character("q"), .escape)
        #expect(screenName(fixture) == "topics")
    }

    @Test func readingAPostMarksItRead() throws {
        let fixture = try DemoFixture()
        let before = try fixture.session.store.topics().reduce(0) { $0 + $1.unread }
        fixture.press(.enter, .enter)
        let after = try fixture.session.store.topics().reduce(0) { $0 + $1.unread }
        #expect(after == before - 1)
        fixture.press(.character("u"))
        #expect(try fixture.session.store.topics().reduce(0) { $0 + $1.unread } == before)
    }

    @Test func nextUnreadWalksEveryUnreadPostThenStops() throws {
        let fixture = try DemoFixture()
        let unread = try fixture.session.store.topics().reduce(0) { $0 + $1.unread }
        for _ in 0..<unread { fixture.press(.character("n")) }
        #expect(try fixture.session.store.topics().reduce(0) { $0 + $1.unread } == 0)
        fixture.press(.character("n"))
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.noMoreUnread])
    }

    @Test func replyingWithAQuotePostsIt() throws {
        let fixture = try DemoFixture()
        fixture.press(.enter, .enter, .character("R"))
        #expect(screenName(fixture) == "compose")
        fixture.type("Japan agrees with the template.")
        fixture.press(.enter)
        fixture.type("Second line.")
        fixture.press(.ctrl("s"))
        #expect(screenName(fixture) == "thread")
        guard case .thread(let thread) = fixture.runtime.model.screen, let detail = thread.detail else { return }
        let reply = detail.posts.first { $0.body == "Japan agrees with the template.\nSecond line." }
        #expect(reply != nil)
        #expect(reply?.quote != nil)
        #expect(reply?.author == fixture.session.key.feed.hex)
    }

    @Test func anEmptyReplyIsRefusedAndEscapeAsksBeforeDiscarding() throws {
        let fixture = try DemoFixture()
        fixture.press(.enter, .enter, .character("r"), .ctrl("s"))
        guard case .compose(let compose) = fixture.runtime.model.screen else { Issue.record("left compose"); return }
        #expect(compose.error == .composeEmpty)
        fixture.type("draft")
        fixture.press(.escape)
        #expect(screenName(fixture) == "compose")
        fixture.press(.escape)
        #expect(screenName(fixture) == "thread")
    }

    @Test func startingAThreadNeedsATitle() throws {
        let fixture = try DemoFixture()
        fixture.press(.enter, .character("c"), .tab)
        fixture.type("Text without a title")
        fixture.press(.ctrl("s"))
        guard case .compose(let compose) = fixture.runtime.model.screen else { Issue.record("left compose"); return }
        #expect(compose.error == .composeTitleEmpty)
        #expect(compose.field == .title)
        fixture.type("Definitions of a consignment")
        fixture.press(.ctrl("s"))
        #expect(screenName(fixture) == "threads")
        #expect(try fixture.session.store.threads(topic: nil).contains { $0.title == "Definitions of a consignment" })
    }

    @Test func editingAndRetractingAreForOnesOwnPosts() throws {
        let fixture = try DemoFixture()
        fixture.press(.enter, .enter, .character("e"))
        #expect(screenName(fixture) == "thread")
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.notYours])
        fixture.press(.character("r"))
        fixture.type("Mine.")
        fixture.press(.ctrl("s"))
        guard case .thread(let thread) = fixture.runtime.model.screen,
            let mine = thread.list.items.firstIndex(where: { $0.body == "Mine." })
        else { Issue.record("no reply"); return }
        fixture.press(.character("g"))
        for _ in 0..<mine { fixture.press(.down) }
        fixture.press(.character("x"))
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.retractConfirm])
        fixture.press(.character("x"))
        guard case .thread(let after) = fixture.runtime.model.screen else { return }
        #expect(after.list.items[mine].retracted)
    }

    @Test func searchOpensTheThreadAtThePost() throws {
        let fixture = try DemoFixture()
        fixture.press(.character("/"))
        fixture.type("returns")
        fixture.press(.enter)
        guard case .search(let search) = fixture.runtime.model.screen else { Issue.record("not searching"); return }
        #expect(!search.results.items.isEmpty)
        let hit = search.results.items[0]
        fixture.press(.enter)
        guard case .thread(let thread) = fixture.runtime.model.screen else { Issue.record("not in a thread"); return }
        #expect(thread.list.current?.id == hit.post)
    }

    @Test func languageToggles() throws {
        let fixture = try DemoFixture()
        fixture.press(.character("L"))
        #expect(fixture.runtime.model.language == .fr)
        #expect(fixture.screen()[0].contains("Thèmes"))
    }

    @Test func everyScreenSurvivesEverySize() throws {
        let fixture = try DemoFixture()
        let journeys: [[Key]] = [[], [.enter], [.enter, .enter], [.enter, .enter, .tab], [.enter, .enter, .character("r")],
                                 [.character("/")], [.character("?")]]
        for journey in journeys {
            for key in journey { fixture.press(key) }
            for (width, height) in [(40, 10), (20, 5), (1, 1), (200, 60), (80, 24)] {
                fixture.resize(width, height)
                #expect(fixture.screen().count == height)
            }
            for _ in 0..<4 { fixture.press(.escape) }
            if screenName(fixture) != "topics" { fixture.press(.escape) }
        }
    }

    @Test func aBackgroundSyncIsDueEveryMinute() {
        var model = Model(language: .en, plain: false, width: 80, height: 24, now: 0, me: nil, groupTitle: "", start: .topics(ListState()))
        model.status = SyncStatus(lastSync: 1_000, folders: 1)
        #expect(Update.update(&model, .tick(now: 30_000)).isEmpty)
        #expect(Update.update(&model, .tick(now: 61_000)) == [.sync])
        model.status.folders = 0
        #expect(Update.update(&model, .tick(now: 200_000)).isEmpty)
    }
}

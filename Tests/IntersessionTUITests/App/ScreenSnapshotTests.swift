import Testing
import IntersessionCore
@testable import IntersessionTUI

/// Every screen as text, at 80x24 and 120x40, in English and French, and at 40x10.
@Suite(.serialized) struct ScreenSnapshotTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40)]

    func check(_ name: String, peer: String = "delegate-jp", _ steps: (DemoFixture) -> Void) throws {
        for language in Language.allCases {
            for (width, height) in Self.sizes {
                let fixture = try DemoFixture(peer: peer, language: language, width: width, height: height)
                steps(fixture)
                Snapshot.expect(fixture.screen(), "\(name)-\(language.rawValue)-\(width)x\(height)")
            }
        }
        let small = try DemoFixture(peer: peer, width: 40, height: 10)
        steps(small)
        Snapshot.expect(small.screen(), "\(name)-en-40x10")
    }

    @Test func topics() throws { try check("topics") { _ in } }

    @Test func threads() throws { try check("threads") { $0.press(.enter) } }

    @Test func thread() throws { try check("thread") { $0.press(.enter, .enter) } }

    @Test func threadReaderScrolled() throws { try check("thread-reader") { $0.press(.enter, .enter, .down, .tab) } }

    @Test func composeReply() throws {
        try check("compose-reply") { fixture in
            fixture.press(.enter, .enter, .character("R"))
            fixture.type("Japan agrees.")
        }
    }

    @Test func composeThread() throws {
        try check("compose-thread") { fixture in
            fixture.press(.enter, .character("c"))
            fixture.type("Definitions")
        }
    }

    @Test func search() throws {
        try check("search") { fixture in
            fixture.press(.character("/"))
            fixture.type("platforms")
            fixture.press(.enter)
        }
    }

    @Test func members() throws { try check("members") { $0.press(.character("@")) } }

    @Test func audit() throws { try check("audit") { $0.press(.character("A")) } }

    @Test func moderationMenu() throws {
        try check("moderation-menu", peer: "cochair-fr") { $0.press(.enter, .enter, .character("m")) }
    }

    @Test func moderationReason() throws {
        try check("moderation-reason", peer: "cochair-fr") { fixture in
            fixture.press(.enter, .enter, .character("m"), .character("h"))
            fixture.type("Off topic")
        }
    }

    @Test func moveChooser() throws {
        try check("moderation-move", peer: "cochair-fr") { $0.press(.enter, .enter, .character("m"), .character("v"), .down) }
    }

    @Test func hiddenPostAsModerator() throws {
        try check("hidden-moderator", peer: "cochair-fr") { fixture in
            fixture.press(.enter, .enter, .character("m"), .character("h"))
            fixture.type("Off topic")
            fixture.press(.enter)
        }
    }

    @Test func memberGrantDialog() throws {
        try check("member-grant", peer: "secretariat") { $0.press(.character("@"), .down, .character("g"), .down) }
    }

    @Test func memberInviteDialog() throws {
        try check("member-invite", peer: "secretariat") { fixture in
            fixture.press(.character("@"), .character("i"))
            fixture.type("Amina Diallo")
        }
    }

    @Test func polls() throws { try check("polls") { $0.press(.character("V")) } }

    @Test func pollWithResult() throws { try check("poll") { $0.press(.character("V"), .down, .enter) } }

    @Test func drafts() throws { try check("drafts") { $0.press(.character("D")) } }

    @Test func draft() throws { try check("draft") { $0.press(.character("D"), .enter, .down, .down) } }

    @Test func draftStage() throws {
        try check("draft-stage", peer: "cochair-fr") { $0.press(.character("D"), .enter, .character("S")) }
    }

    @Test func draftDiff() throws { try check("draft-diff") { $0.press(.character("D"), .enter, .character("d")) } }

    @Test func amendments() throws { try check("amendments") { $0.press(.character("D"), .enter, .character("t")) } }

    @Test func amendmentCompose() throws {
        try check("amendment-compose") { $0.press(.character("D"), .enter, .down, .down, .character("a")) }
    }

    @Test func election() throws { try check("election") { $0.press(.character("V"), .down, .down, .enter) } }

    @Test func electionVote() throws {
        try check("election-vote") { $0.press(.character("V"), .down, .down, .enter, .character("v")) }
    }

    @Test func electionNominate() throws {
        try check("election-nominate", peer: "secretariat") { fixture in
            let me = fixture.session.key.feed
            let head = (try? fixture.session.store.feedProgress()[me]?.head) ?? 0
            _ = try? fixture.session.store.author(ops: [.memberRole(MemberRole(feed: me, role: .member, fromSeq: head + 2))],
                                                  references: [], key: fixture.session.key, now: DemoFixture.now)
            fixture.press(.character("V"), .down, .down, .enter, .character("N"))
        }
    }

    @Test func voteDialog() throws { try check("poll-vote") { $0.press(.character("V"), .enter, .enter) } }

    @Test func report() throws { try check("report") { $0.press(.character("T")) } }

    @Test func reportScrolledToPTC() throws { try check("report-ptc") { $0.press(.character("T"), .character("b"), .down, .down) } }

    @Test func reportIntoDraft() throws { try check("report-into-draft", peer: "cochair-fr") { $0.press(.character("T"), .character("d")) } }

    @Test func help() throws { try check("help") { $0.press(.enter, .enter, .character("?")) } }

    @Test func plainMode() throws {
        let fixture = try DemoFixture(plain: true)
        fixture.press(.enter, .enter)
        Snapshot.expect(fixture.screen(), "thread-plain-en-80x24")
        #expect(fixture.terminal.cursor != nil)
    }

    @Test func welcome() throws {
        let sizes = [(Language.en, 80, 24), (.fr, 80, 24), (.en, 120, 40), (.fr, 120, 40), (.en, 40, 10)]
        for (language, width, height) in sizes {
            var model = Model(language: language, plain: false, width: width, height: height, now: DemoFixture.now, me: nil,
                              groupTitle: "", start: .welcome(WelcomeState()))
            model.colors = false
            var buffer = Buffer(width: width, height: height)
            _ = View.render(model, into: &buffer)
            Snapshot.expect(buffer.lines(trimmingTrailingSpaces: true), "welcome-\(language.rawValue)-\(width)x\(height)")
            _ = Update.update(&model, .key(.enter))
            _ = View.render(model, into: &buffer)
            Snapshot.expect(buffer.lines(trimmingTrailingSpaces: true), "welcome-create-\(language.rawValue)-\(width)x\(height)")
        }
    }
}

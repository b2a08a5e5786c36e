import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// Drafts in the interface: read, amend, comment, support and decide.
@Suite struct DraftFlowTests {
    static func openDraft(_ fixture: DemoFixture) {
        fixture.press(.character("D"), .enter)
    }

    @Test func aDelegateAmendsAParagraphAndAPenholderAcceptsIt() throws {
        let delegate = try DemoFixture(peer: "delegate-jp")
        Self.openDraft(delegate)
        guard case .draft(let draft) = delegate.runtime.model.screen, let detail = draft.detail else { Issue.record("not on the draft"); return }
        #expect(detail.paragraphs.map(\.number) == [nil, 1, 2, 3, 4])
        delegate.press(.down, .down, .down, .character("a"))  // paragraph 3
        guard case .compose(let compose) = delegate.runtime.model.screen, case .amend(_, 3, _) = compose.kind else {
            Issue.record("no amendment compose"); return
        }
        delegate.type("Postal operators must be covered.")
        delegate.press(.tab, .end)
        delegate.type(" and postal operators")
        delegate.press(.ctrl("s"))
        guard case .draft(let after) = delegate.runtime.model.screen else { Issue.record("not back on the draft"); return }
        #expect(after.detail?.paragraphs[3].openAmendments.count == 1)
        let table = try delegate.session.store.amendments(of: draft.id)
        let mine = try #require(table.last)
        #expect(mine.kind == AmendmentKind.insert.rawValue && mine.text == " and postal operators" && mine.number == 3)

        // In the table, the delegate supports it; a penholder cannot be the delegate, so acceptance is refused.
        delegate.press(.character("t"))
        guard case .amendments(let state) = delegate.runtime.model.screen else { Issue.record("no table"); return }
        #expect(state.list.items.count == 2)
        delegate.press(.down, .character("+"))
        #expect(try delegate.session.store.amendments(of: draft.id).last?.supporters == ["Kenji Watanabe"])
        delegate.press(.character("y"), .character("y"))
        #expect(delegate.runtime.model.flash?.contains("penholders") == true)
    }

    @Test func aPenholderAcceptsAnAmendmentAndTheTextCarriesIt() throws {
        let penholder = try DemoFixture(peer: "cochair-fr")
        Self.openDraft(penholder)
        penholder.press(.character("t"))
        guard case .amendments(let state) = penholder.runtime.model.screen, let first = state.list.current else { Issue.record("no table"); return }
        penholder.press(.character("y"), .character("y"))
        let draft = try penholder.session.store.draft(ofAmendment: first.id)
        #expect(try penholder.session.store.draft(draft).text.contains("publish their thresholds and de minimis values"))
        #expect(try penholder.session.store.amendments(of: draft).first?.status == AmendmentStatus.accepted.rawValue)
    }

    @Test func aCommentIsAThreadOnTheParagraph() throws {
        let delegate = try DemoFixture(peer: "delegate-jp")
        Self.openDraft(delegate)
        delegate.press(.down, .character("c"))
        delegate.type("Loaded where?")
        delegate.press(.ctrl("s"))
        guard case .draft(let draft) = delegate.runtime.model.screen else { Issue.record("not on the draft"); return }
        #expect(draft.detail?.paragraphs[1].comments.count == 1)
        delegate.press(.enter)
        guard case .thread(let thread) = delegate.runtime.model.screen else { Issue.record("the comment does not open"); return }
        #expect(thread.detail?.posts.first?.body == "Loaded where?")
    }

    @Test func aPenholderNamesAVersionAndACochairSetsTheStage() throws {
        let cochair = try DemoFixture(peer: "cochair-fr")
        Self.openDraft(cochair)
        cochair.press(.character("v"))
        cochair.type("Rev.2")
        cochair.press(.enter)
        guard case .draft(let named) = cochair.runtime.model.screen else { Issue.record("not on the draft"); return }
        #expect(named.detail?.summary.symbol == "WGEC/2026/3 Rev.2" && named.detail?.versions.map(\.name) == ["Rev.1", "Rev.2"])
        cochair.press(.character("S"), .down, .enter, .character("y"))
        guard case .draft(let staged) = cochair.runtime.model.screen else { return }
        #expect(staged.detail?.summary.status == DraftStatus.comment.rawValue)
        // A delegate has no stage key, and a version they name is refused: they are no penholder.
        let delegate = try DemoFixture(peer: "delegate-jp")
        Self.openDraft(delegate)
        delegate.press(.character("S"))
        guard case .draft(let untouched) = delegate.runtime.model.screen else { return }
        #expect(untouched.prompt == nil)
        delegate.press(.character("v"))
        delegate.type("Mine")
        delegate.press(.enter)
        #expect(delegate.runtime.model.flash?.contains("penholders") == true)
    }

    @Test func theDiffShowsTheChangesSinceTheLatestVersion() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        Self.openDraft(fixture)
        fixture.press(.character("d"))
        guard case .draftDiff(let diff) = fixture.runtime.model.screen else { Issue.record("no diff"); return }
        #expect(diff.since == "Rev.1")
        #expect(diff.changes.filter { $0.kind == .changed }.map(\.number) == [1, 3])
    }
}

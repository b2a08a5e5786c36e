import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// Attachments shown under a post (and a draft): name, size, fetched or how many parts are
/// here, in English and French; a hostile name prints escaped; loading a thread loads them.
@Suite(.serialized) struct AttachmentViewTests {
    @Test func aPostShowsItsAttachmentsInBothLanguages() throws {
        let fixture = try DemoFixture()
        let store = fixture.session.store
        let thread = try #require(try store.threads(topic: nil).first)
        let post = try #require(try store.thread(thread.id).posts.first)
        for language in Language.allCases {
            var model = fixture.runtime.model
            model.catalog = Catalog(language: language)
            model.attachments[post.id] = [
                AttachmentEntry(id: "a", name: "annex.pdf", size: 3 << 20, held: 3, parts: 3),
                AttachmentEntry(id: "b", name: "evil\u{1B}[31m.txt", size: 2048, held: 1, parts: 3),
            ]
            let lines = ThreadView.postLines(post, model, Theme.make(colors: false), width: 60).map(\.0)
            let english = language == .en
            #expect(lines.contains(english ? "Attachments (2)" : "Pièces jointes (2)"), "\(lines)")
            #expect(lines.contains("  annex.pdf  " + (english ? "3.0 MiB · fetched" : "3,0 Mio · reçue")), "\(lines)")
            #expect(lines.contains("  evil\\u{1b}[31m.txt  " + (english ? "2 KiB · 1 of 3 parts here" : "2 Kio · 1 parties sur 3 ici")), "\(lines)")
        }
        var none = fixture.runtime.model
        none.attachments = [:]
        #expect(!ThreadView.postLines(post, none, Theme.make(colors: false), width: 60).map(\.0).contains { $0.hasPrefix("Attachments") })
    }

    @Test func openingAThreadLoadsTheAttachmentsOnItsPosts() throws {
        let fixture = try DemoFixture()
        let store = fixture.session.store
        let me = fixture.session.key.feed.hex
        let threads = try store.threads(topic: nil)
        let (thread, post) = try #require(try threads.lazy.compactMap { summary in
            try store.thread(summary.id).posts.first { $0.author == me && !$0.retracted }.map { (summary.id, $0) }
        }.first)
        let file = fixture.folder.appendingPathComponent("annex.md")
        try Data("# Annex\n".utf8).write(to: file)
        let actions = try fixture.session.actions(clock: { DemoFixture.now })
        let id = try actions.attach(file: file.path, to: post.id)
        fixture.perform(.loadThread(id: thread))
        let entries = fixture.runtime.model.attachments[post.id] ?? []
        #expect(entries.map(\.id) == [id.hex])
        #expect(entries.first?.isFetched == true)
    }
}

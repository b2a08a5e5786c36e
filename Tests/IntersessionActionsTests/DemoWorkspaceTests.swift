import Foundation
import Testing
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync
@testable import IntersessionActions

@Suite struct DemoWorkspaceTests {
    let content = try! DemoContent(json: Array(EmbeddedResources.demoContent))
    let template = try! GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))

    @Test func theContentCoversEveryTopicInBothLanguages() {
        #expect(content.peers.count == 4)
        #expect(Set(content.threads.map(\.topic)) == Set(template.topics.map(\.key)))
        let languages = Set(content.threads.flatMap { [$0.language] + $0.replies.map(\.language) })
        #expect(languages == [.en, .fr])
        for thread in content.threads {
            for (index, reply) in thread.replies.enumerated() { #expect(reply.parent <= index) }
        }
    }

    @Test func everyPeerHoldsTheSameGroup() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = DemoWorkspace(folder: folder)
        #expect(!workspace.exists(content))
        try workspace.create(content: content, template: template, start: 1_790_000_000_000)
        #expect(workspace.exists(content))
        let stores = try content.peers.map { try workspace.home($0.home).openStore() }
        let digests = try Set(stores.map { try $0.stateDigest() })
        #expect(digests.count == 1)
        // They share a folder: a newcomer could read the whole group there.
        for store in stores {
            let report = try SyncEngine(store: store).sync(folders: try RememberedFolders(store: store).list())
            #expect(report.importedChanges == 0 && report.exportedChanges == 0 && report.problems.isEmpty)
        }
        #expect(FileManager.default.fileExists(atPath: workspace.sharedFolder + "/group-\(try stores[0].groupID()!.short)/GROUP"))
        let members = try stores[0].members()
        #expect(members.count == 4)
        #expect(Set(members.flatMap(\.roles)) == ["secretariat", "cochair", "member"])
        // Threads, their replies, and the comments on drafts' paragraphs.
        let comments = content.drafts.flatMap(\.comments)
        // The meeting in progress: each agenda item is a thread opened by its text, its comments the replies.
        let delegateFeed = try workspace.home(content.peers[3].home).loadKey().feed.hex
        let meeting = try stores[3].meeting(try #require(try stores[3].meetings().first).id)
        #expect(meeting.agenda.count == 3 && meeting.summary.currentPhase == "comment")
        let meetingPosts = meeting.agenda.reduce(0) { $0 + 1 + $1.comments.count }
        // The library: each practice's comment thread, opened by its summary, with its comments.
        let practices = try stores[3].practices()
        #expect(practices.map(\.state).sorted() == ["draft", "open", "submitted"])
        let practicePosts = try practices.reduce(0) { $0 + (try stores[3].thread($1.id).posts.count) }
        #expect(practicePosts == 4)
        #expect(try stores[3].editions().map(\.practices) == [1])
        let posts = content.threads.reduce(0) { $0 + 1 + $1.replies.count } + comments.count + meetingPosts + practicePosts
        #expect(try stores[3].threads(topic: nil).reduce(0) { $0 + $1.posts } == posts)
        // Each peer has read what it wrote, and nothing else yet.
        let mine = content.threads.filter { $0.author == 3 }.count + content.threads.flatMap(\.replies).filter { $0.author == 3 }.count
            + comments.filter { $0.by == 3 }.count
            + meeting.agenda.flatMap(\.comments).filter { $0.author.feed == delegateFeed }.count
            // Japan's practices' opening posts, and Japan's comment on the French practice.
            + practices.filter { $0.submitter.feed == delegateFeed }.count + 1
        #expect(try stores[3].topics().reduce(0) { $0 + $1.unread } == posts - mine)
    }
}

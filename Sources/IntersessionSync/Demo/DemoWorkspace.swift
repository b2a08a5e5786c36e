import Foundation
import IntersessionCore
import IntersessionStore

/// A ready workspace of several peers, each a profile home of its own, holding the same group
/// with realistic discussions in English and French, and sharing the folder `shared`. The peers
/// exchange their changes directly while the workspace is made, then each syncs with the folder.
public struct DemoWorkspace {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func home(_ name: String) -> ProfileHome { ProfileHome(folder: folder.appendingPathComponent(name)) }

    public var sharedFolder: String { folder.appendingPathComponent("shared").path }

    /// Whether the workspace was made already (its first peer has a profile).
    public func exists(_ content: DemoContent) -> Bool { home(content.peers[0].home).exists }

    /// Makes the workspace. `start` is the clock of the first change; later ones follow minutes apart.
    public func create(content: DemoContent, template: GroupTemplate, start: Int64) throws {
        var peers: [(key: DeviceKey, store: AppDatabase)] = []
        var log: [SignedChange] = []
        var clock = start
        func tick() -> Int64 {
            clock += 7 * 60_000
            return clock
        }
        /// Signs on one peer and delivers to every other, as a sync would.
        func publish(_ change: SignedChange, from author: Int) throws {
            log.append(change)
            for (index, peer) in peers.enumerated() where index != author { try peer.store.apply([change]) }
        }

        for peer in content.peers {
            let home = self.home(peer.home)
            let key = DeviceKey()
            _ = try home.create(key: key)
            try ProfileConfig(values: ["lang": peer.profile.language.rawValue]).save(to: home.configURL)
            peers.append((key, try home.createStore()))
        }
        let founder = peers[0]
        let genesis = try founder.store.createGroup(
            ops: template.genesisOps(title: nil, founder: content.peers[0].profile), key: founder.key, now: tick())
        log.append(genesis)
        let grants = content.peers.indices.dropFirst().map { index in
            Op.memberRole(MemberRole(feed: peers[index].key.feed, role: content.peers[index].role, fromSeq: 1))
        }
        log.append(try founder.store.author(ops: grants, references: [], key: founder.key, now: tick()))
        for peer in peers.dropFirst() { try peer.store.apply(log) }
        for (index, peer) in peers.enumerated().dropFirst() {
            let profile = content.peers[index].profile
            try publish(try peer.store.author(ops: [.memberProfile(profile)], references: [], key: peer.key, now: tick()), from: index)
        }

        for thread in content.threads {
            let author = peers[thread.author]
            let topic = EntityID(hex: try author.store.resolve(thread.topic, as: .topic))!
            let opening = try author.store.author(
                ops: [.threadCreate(ThreadCreate(topic: topic, title: thread.title, body: thread.body, language: thread.language))],
                references: [topic], key: author.key, now: tick())
            try publish(opening, from: thread.author)
            try author.store.markRead(posts: [opening.entity(0).hex])
            var posts = [opening.entity(0)]
            for reply in thread.replies {
                let replier = peers[reply.author]
                let change = try replier.store.author(
                    ops: [.postCreate(PostCreate(thread: posts[0], parent: posts[reply.parent], body: reply.body,
                                                 language: reply.language, quote: reply.quote))],
                    references: [posts[reply.parent]], key: replier.key, now: tick())
                try publish(change, from: reply.author)
                try replier.store.markRead(posts: [change.entity(0).hex])
                posts.append(change.entity(0))
            }
        }
        for poll in content.polls {
            let author = peers[poll.author]
            let election = poll.create.seat != nil
            let create = PollCreate(kind: poll.create.kind, title: poll.create.title, text: poll.create.text, options: poll.create.options,
                                    electorate: election ? [.member] : [.secretariat, .cochair, .member], unit: election ? .delegation : .person,
                                    deadline: clock + 10 * 86_400_000, hiddenUntilClose: false, majority: .simple, seat: poll.create.seat)
            let opened = try author.store.author(ops: [.pollCreate(create)], references: [], key: author.key, now: tick())
            try publish(opened, from: poll.author)
            for nominee in poll.nominations {
                let candidate = peers[nominee]
                let nomination = PollNominate(poll: opened.entity(0), nominee: candidate.key.feed)
                try publish(try candidate.store.author(ops: [.pollNominate(nomination)], references: [opened.entity(0)], key: candidate.key,
                                                       now: tick()), from: nominee)
            }
            for vote in poll.votes {
                let voter = peers[vote.voter]
                let ballot = PollVote(poll: opened.entity(0), position: vote.position, options: vote.options)
                try publish(try voter.store.author(ops: [.pollVote(ballot)], references: [opened.entity(0)], key: voter.key, now: tick()),
                            from: vote.voter)
            }
        }
        for draft in content.drafts { try Self.make(draft, peers: peers, publish: publish, tick: tick) }
        try FileManager.default.createDirectory(atPath: sharedFolder, withIntermediateDirectories: true)
        for peer in peers {
            let folders = try RememberedFolders(store: peer.store).add([sharedFolder])
            _ = try SyncEngine(store: peer.store).sync(folders: folders)
        }
    }
}

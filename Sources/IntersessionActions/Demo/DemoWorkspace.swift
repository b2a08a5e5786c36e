import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// A ready workspace of several peers, each a profile home of its own, holding the same group
/// with realistic discussions in English and French, and sharing the folder `shared`. Every
/// peer acts through its `Actions`, as a person would; the peers exchange their changes directly
/// while the workspace is made, then each syncs with the folder.
public struct DemoWorkspace {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func home(_ name: String) -> ProfileHome { ProfileHome(folder: folder.appendingPathComponent(name)) }

    public var sharedFolder: String { folder.appendingPathComponent("shared").path }

    /// Whether the workspace was made already (its first peer has a profile).
    public func exists(_ content: DemoContent) -> Bool { home(content.peers[0].home).exists }

    /// Makes the workspace. `start` is the clock of the first change; later ones follow minutes apart.
    public func create(content: DemoContent, template: GroupTemplate, start: Int64) throws {
        let clock = DemoClock(start)
        let founder = content.peers[0]
        // The demo's peers are seated by grants, not invites, so none publishes an agreement
        // key: the demo group is an open one, to be read in its folder.
        let founded = try Membership.found(home: home(founder.home), template: template, title: nil, founder: founder.profile,
                                           open: true, now: clock.tick())
        var peers = [try Actions(store: founded.store, key: founded.key, folders: [], writingLanguage: founder.profile.language,
                                 clock: clock.tick)]
        for peer in content.peers.dropFirst() {
            let home = self.home(peer.home)
            let key = DeviceKey()
            _ = try home.create(key: key)
            try ProfileConfig(values: ["lang": peer.profile.language.rawValue]).save(to: home.configURL)
            peers.append(try Actions(store: try home.createStore(), key: key, folders: [], writingLanguage: peer.profile.language,
                                     clock: clock.tick))
        }
        let network = DemoNetwork(peers: peers)
        try peers[0].grant(peers.indices.dropFirst().map { (content.peers[$0].role, peers[$0].me) })
        try network.deliver(from: 0)
        for (index, peer) in peers.enumerated().dropFirst() {
            let profile = content.peers[index].profile
            try peer.setProfile(name: profile.name, organisation: profile.organisation, language: profile.language)
            try network.deliver(from: index)
        }
        for thread in content.threads { try Self.make(thread, peers: peers, network: network) }
        for poll in content.polls { try Self.make(poll, peers: peers, network: network) }
        for draft in content.drafts { try Self.make(draft, peers: peers, network: network) }
        try Self.makeMeeting(peers: peers, network: network)
        try Self.makeLibrary(peers: peers, network: network)
        try FileManager.default.createDirectory(atPath: sharedFolder, withIntermediateDirectories: true)
        for peer in peers {
            let folders = try RememberedFolders(store: peer.store).add([sharedFolder])
            _ = try SyncEngine(store: peer.store, device: peer.key).sync(folders: folders)
        }
    }

    static func make(_ thread: DemoContent.Thread, peers: [Actions], network: DemoNetwork) throws {
        var posts = [try peers[thread.author].post(in: thread.topic, title: thread.title, body: thread.body, language: thread.language)]
        try network.deliver(from: thread.author)
        for reply in thread.replies {
            posts.append(try peers[reply.author].reply(to: posts[reply.parent].hex, body: reply.body, quote: reply.quote,
                                                       language: reply.language))
            try network.deliver(from: reply.author)
        }
    }

    static func make(_ poll: DemoContent.Poll, peers: [Actions], network: DemoNetwork) throws {
        var request = Actions.PollRequest(kind: poll.create.kind, title: poll.create.title)
        request.text = poll.create.text
        request.options = poll.create.options
        request.seat = poll.create.seat
        request.electorate = poll.create.seat != nil ? [.member] : [.secretariat, .cochair, .member]
        request.days = 10
        guard let opened = try peers[poll.author].openPoll(request).first else { return }
        try network.deliver(from: poll.author)
        for nominee in poll.nominations {
            try peers[nominee].nominate(for: opened.hex)
            try network.deliver(from: nominee)
        }
        for vote in poll.votes {
            try peers[vote.voter].vote(on: opened.hex, Ballot(position: vote.position, options: vote.options))
            try network.deliver(from: vote.voter)
        }
    }
}

/// The demo's clock: each change seven minutes after the one before.
final class DemoClock {
    private var now: Int64

    init(_ start: Int64) { now = start }

    func tick() -> Int64 {
        now += 7 * 60_000
        return now
    }
}

/// Delivers what a peer signed to every other peer, as a sync would.
final class DemoNetwork {
    let peers: [Actions]
    private var delivered: [Int64]

    init(peers: [Actions]) {
        self.peers = peers
        delivered = Array(repeating: 0, count: peers.count)
    }

    func deliver(from index: Int) throws {
        let author = peers[index]
        let head = try author.store.feedProgress()[author.me]?.head ?? 0
        guard head > delivered[index] else { return }
        let changes = try author.store.changes(of: author.me, in: (delivered[index] + 1)...head)
        delivered[index] = head
        for (other, peer) in peers.enumerated() where other != index { try peer.store.apply(changes) }
    }
}

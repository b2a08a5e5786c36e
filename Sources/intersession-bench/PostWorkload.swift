import Foundation
import IntersessionCore
import IntersessionResources

/// A generated group: a founder, twenty delegates, a thousand threads (the setup), then
/// replies spread over the threads and authors, made in batches so that a million of them
/// never sit in memory at once. A sealed one's genesis seals the group for the founder's
/// agreement key, and the founder's next change starts the first epoch, as `init` does.
struct PostWorkload {
    private(set) var setup: [SignedChange] = []
    /// A sealed group's first epoch: its id and its key.
    private(set) var epoch: (id: EntityID, key: [UInt8])?
    let founder: DeviceKey
    let delegates: [DeviceKey]
    /// The feed of the threads' author (see `ThreadAuthor`), set once the genesis is made.
    private(set) var threadFeed: FeedID?
    private var heads: [FeedID: FeedHead] = [:]
    private var clock = HLC(millis: 1_790_000_000_000, counter: 0)
    private var group: GroupID?
    private var threads: [(id: EntityID, seq: Int64)] = []
    private var made = 0
    static let words = ["customs", "déclaration", "parcel", "threshold", "platform", "risk", "revenue", "vendor",
                        "données", "guidelines", "intermediary", "facilitation"]

    /// Who opens the threads: the founder, or the delegate whose feed folder sorts first or
    /// last in the folder (a fresh replica reads the feeds it knows, the founder's, first, then
    /// the others by folder name: with `.last`, every reply is read before its thread).
    enum ThreadAuthor { case founder, firstFolder, lastFolder }

    init(threads threadCount: Int = 1_000, delegates delegateCount: Int = 20, sealed: Bool = false,
         threadAuthor: ThreadAuthor = .founder) throws {
        founder = DeviceKey()
        delegates = (0..<delegateCount).map { _ in DeviceKey() }
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        let genesis = sign(founder, template.genesisOps(
            title: nil, founder: MemberProfile(name: "Secretariat", organisation: "WCO", language: .en),
            sealedFor: sealed ? founder.agreementPublicKey : nil))
        group = genesis.hash
        setup.append(genesis)
        if sealed {
            let made = try EpochStart.make(parent: nil, recipients: [founder.feed: founder.agreementPublicKey], group: genesis.hash)
            let start = sign(founder, [.groupKey(made.op)])
            setup.append(start)
            epoch = (start.entity(0), made.key)
        }
        let grants = sign(founder, delegates.map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) })
        setup.append(grants)
        let opener = Self.opener(threadAuthor, founder: founder, delegates: delegates, genesis: genesis, sealed: sealed)
        threadFeed = opener.feed
        let topics = (0..<template.topics.count).map { genesis.entity(2 + $0) }
        for index in 0..<threadCount {
            let change = sign(opener, [.threadCreate(ThreadCreate(
                topic: topics[index % topics.count], title: "Thread \(index) on low-value consignments",
                body: "What thresholds and procedures apply to parcel \(index)?", language: .en))],
                deps: opener.feed == founder.feed ? [:] : [founder.feed: grants.seq])
            setup.append(change)
            threads.append((change.entity(0), change.seq))
        }
    }

    /// The thread author's key: the founder, or the delegate whose folder name sorts first or last.
    private static func opener(_ author: ThreadAuthor, founder: DeviceKey, delegates: [DeviceKey], genesis: SignedChange,
                               sealed: Bool) -> DeviceKey {
        let names = SealedNames(genesis: genesis)
        let byFolder = delegates.sorted {
            sealed ? names.feedFolder($0.feed) < names.feedFolder($1.feed) : $0.feed.hex < $1.feed.hex
        }
        switch author {
        case .founder: return founder
        case .firstFolder: return byFolder.first!
        case .lastFolder: return byFolder.last!
        }
    }

    var groupID: GroupID { group! }

    /// The next `count` single-reply changes, each saying `text` of its index (by default a
    /// sentence of the workload's twelve words).
    mutating func posts(_ count: Int, text: ((Int) -> String)? = nil) -> [SignedChange] {
        var posts: [SignedChange] = []
        posts.reserveCapacity(count)
        for _ in 0..<count {
            let index = made
            made += 1
            let thread = threads[index % threads.count]
            let author = delegates[index % delegates.count]
            let body = text.map { "Reply \(index): \($0(index))." } ?? Self.replyText(index)
            posts.append(sign(author, [.postCreate(PostCreate(thread: thread.id, parent: thread.id, body: body, language: .en))],
                deps: author.feed == threadFeed ? [:] : [threadFeed ?? founder.feed: thread.seq]))
        }
        return posts
    }

    /// The text of reply `index`: 24 words, about 200 bytes.
    static func replyText(_ index: Int) -> String {
        "Reply \(index): " + (0..<24).map { words[($0 * 7 + index) % words.count] }.joined(separator: " ") + "."
    }

    private mutating func sign(_ key: DeviceKey, _ ops: [Op], deps: [FeedID: Int64] = [:]) -> SignedChange {
        clock = HLC(millis: clock.millis + 1, counter: 0)
        let body = ChangeBody.next(group: group, author: key.feed, after: heads[key.feed], latest: clock,
                                   now: clock.millis, deps: deps, ops: ops)
        let change = SignedChange(signing: body, with: key)
        heads[key.feed] = FeedHead(seq: change.seq, hash: change.hash)
        return change
    }
}

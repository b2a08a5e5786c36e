import Foundation
import IntersessionCore
import IntersessionResources

/// A generated group: a founder, twenty delegates, a thousand threads (the setup), then N
/// changes of one reply each, spread over the threads and authors (the workload).
struct PostWorkload {
    let setup: [SignedChange]
    let posts: [SignedChange]
    let authors: [DeviceKey]

    init(posts count: Int, threads threadCount: Int = 1_000, delegates delegateCount: Int = 20) throws {
        let founder = DeviceKey()
        let delegates = (0..<delegateCount).map { _ in DeviceKey() }
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        var heads: [FeedID: FeedHead] = [:]
        var clock = HLC(millis: 1_790_000_000_000, counter: 0)
        var setup: [SignedChange] = []
        var group: GroupID?

        func sign(_ key: DeviceKey, _ ops: [Op], deps: [FeedID: Int64] = [:]) -> SignedChange {
            clock = HLC(millis: clock.millis + 1, counter: 0)
            let body = ChangeBody.next(group: group, author: key.feed, after: heads[key.feed], latest: clock,
                                       now: clock.millis, deps: deps, ops: ops)
            let change = SignedChange(signing: body, with: key)
            heads[key.feed] = FeedHead(seq: change.seq, hash: change.hash)
            return change
        }

        let genesis = sign(founder, template.genesisOps(
            title: nil, founder: MemberProfile(name: "Secretariat", organisation: "WCO", language: .en)))
        group = genesis.hash
        setup.append(genesis)
        setup.append(sign(founder, delegates.map { .memberRole(MemberRole(feed: $0.feed, role: .member, fromSeq: 1)) }))
        let topics = (0..<template.topics.count).map { genesis.entity(2 + $0) }
        var threads: [(id: EntityID, seq: Int64)] = []
        for index in 0..<threadCount {
            let change = sign(founder, [.threadCreate(ThreadCreate(
                topic: topics[index % topics.count], title: "Thread \(index) on low-value consignments",
                body: "What thresholds and procedures apply to parcel \(index)?", language: .en))])
            setup.append(change)
            threads.append((change.entity(0), change.seq))
        }
        var posts: [SignedChange] = []
        posts.reserveCapacity(count)
        let words = ["customs", "déclaration", "parcel", "threshold", "platform", "risk", "revenue", "vendor",
                     "données", "guidelines", "intermediary", "facilitation"]
        for index in 0..<count {
            let thread = threads[index % threads.count]
            let author = delegates[index % delegates.count]
            let text = (0..<24).map { words[($0 * 7 + index) % words.count] }.joined(separator: " ")
            posts.append(sign(author, [.postCreate(PostCreate(
                thread: thread.id, parent: thread.id, body: "Reply \(index): \(text).", language: .en))],
                deps: [founder.feed: thread.seq]))
        }
        self.setup = setup
        self.posts = posts
        authors = [founder] + delegates
    }
}

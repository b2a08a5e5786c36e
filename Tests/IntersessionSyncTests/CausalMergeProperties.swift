import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// The merge an import reads a folder through: feeds whose changes depend on each other, in
/// files of any length, listed in any order. Each change must come out once, after the change
/// before it in its feed and after every change its `deps` name, and a transaction may end
/// only where no file is half read.
@Suite struct CausalMergeProperties {
    let group = ChangeHash.of(Array("causal merge".utf8))

    @Test(arguments: SyncPropertySeeds.all) func everyChangeComesOnceAfterWhatItNeeds(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 101)
        let temp = TemporaryFolder()
        let folder = GroupFolder(root: temp.path, group: group)
        let keys = (0..<Int.random(in: 2...5, using: &random)).map { _ in DeviceKey() }
        let feeds = makeFeeds(keys, count: Int.random(in: 20...120, using: &random), using: &random)
        var plans: [FeedPlan] = []
        var files: [String: SegmentName] = [:]
        for key in keys {
            let names = try writeFiles(feeds[key.feed] ?? [], of: key.feed, in: folder, using: &random)
            plans.append(FeedPlan(name: folder.feedFolderName(key.feed), feed: key.feed, files: names))
            for name in names { files[key.feed.hex + name.fileName] = name }
        }
        var merge = CausalMerge(plans: plans.shuffled(using: &random), folder: folder, heads: [:], reported: [],
                                batchSize: Int.random(in: 1...12, using: &random))
        var heads: [FeedID: Int64] = [:]
        while !merge.isExhausted {
            while let change = try merge.next() {
                #expect(change.seq == (heads[change.author] ?? 0) + 1)
                for (feed, seq) in change.body.deps { #expect((heads[feed] ?? 0) >= seq) }
                heads[change.author] = change.seq
            }
            // A transaction ends here: no file of any feed may be half handed out.
            for (id, name) in files {
                let feed = keys.first { id.hasPrefix($0.feed.hex) }!.feed
                let head = heads[feed] ?? 0
                #expect(head < name.firstSeq || head >= name.lastSeq, "a file was half read at a commit")
            }
        }
        #expect(heads == feeds.mapValues { Int64($0.count) })
        #expect(merge.outcomes.rejected.isEmpty && merge.outcomes.unsettled.isEmpty)
    }

    /// The read-ahead worker changes only which thread reads: the same changes come out in the
    /// same order with the same commits, and a file broken midway fails at the same change,
    /// whatever the worker's budget.
    @Test(arguments: SyncPropertySeeds.all) func readingAheadChangesNothing(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 202)
        let temp = TemporaryFolder()
        let folder = GroupFolder(root: temp.path, group: group)
        let keys = (0..<Int.random(in: 2...6, using: &random)).map { _ in DeviceKey() }
        let feeds = makeFeeds(keys, count: Int.random(in: 20...200, using: &random), using: &random)
        var plans: [FeedPlan] = []
        for key in keys {
            let names = try writeFiles(feeds[key.feed] ?? [], of: key.feed, in: folder, using: &random)
            plans.append(FeedPlan(name: folder.feedFolderName(key.feed), feed: key.feed, files: names))
        }
        if Bool.random(using: &random), let plan = plans.randomElement(using: &random), let name = plan.files.last {
            try breakMidway(folder.feedsPath + "/" + plan.name + "/" + name.fileName, using: &random)
        }
        plans.shuffle(using: &random)
        let batch = Int.random(in: 1...12, using: &random)
        let plain = drain(CausalMerge(plans: plans, folder: folder, heads: [:], reported: [], batchSize: batch, readAheadBudget: 0))
        for budget in [1, Int.random(in: 2...40, using: &random), ReadAhead.defaultBudget] {
            let ahead = drain(CausalMerge(plans: plans, folder: folder, heads: [:], reported: [], batchSize: batch,
                                          readAheadBudget: budget))
            #expect(ahead == plain, "budget \(budget)")
        }
    }

    /// What a merge hands out, transaction by transaction, and how it ends.
    private func drain(_ start: CausalMerge) -> [String] {
        var merge = start
        var record: [String] = []
        do {
            while !merge.isExhausted {
                while let change = try merge.next() { record.append(change.hash.hex) }
                record.append("commit \(merge.outcomes.read.count) read, \(merge.outcomes.opened.count) opened")
            }
        } catch {
            record.append("failed \(error.path): \(error.error)")
        }
        return record
    }

    /// A segment with one line's middle byte changed and a valid trailer: it frames and opens,
    /// and fails when that line (or the next, whose link no longer holds) is read.
    private func breakMidway(_ path: String, using random: inout SplitMix64) throws {
        let split = try SegmentLines(Files.read(path, limit: 1 << 20))
        var lines = split.body.map(Array.init)
        let broken = Int.random(in: 0..<lines.count, using: &random)
        lines[broken][lines[broken].count / 2] ^= 0x01
        let bytes = SegmentFormat.assemble(header: String(decoding: split.header, as: UTF8.self),
                                           lines: lines.flatMap { $0 + [0x0A] }, count: lines.count)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Changes made in a random interleaving, each depending on the latest change of some
    /// other feeds at that moment: a causal order exists, whatever order the feeds are read in.
    private func makeFeeds(_ keys: [DeviceKey], count: Int, using random: inout SplitMix64) -> [FeedID: [SignedChange]] {
        var feeds: [FeedID: [SignedChange]] = [:]
        for step in 0..<count {
            let key = keys.randomElement(using: &random)!
            var deps: [FeedID: Int64] = [:]
            for other in keys where other.feed != key.feed && Bool.random(using: &random) {
                if let seq = feeds[other.feed]?.last?.seq { deps[other.feed] = seq }
            }
            let own = feeds[key.feed] ?? []
            let body = ChangeBody(group: group, author: key.feed, seq: Int64(own.count + 1), prev: own.last?.hash,
                                  hlc: HLC(millis: Int64(step + 1), counter: 0), deps: deps,
                                  ops: [.memberProfile(MemberProfile(name: "Member \(step)", organisation: "Org", language: .en))])
            feeds[key.feed, default: []].append(SignedChange(signing: body, with: key))
        }
        return feeds
    }

    private func writeFiles(_ changes: [SignedChange], of feed: FeedID, in folder: GroupFolder,
                            using random: inout SplitMix64) throws -> [SegmentName] {
        try FileManager.default.createDirectory(atPath: folder.feedPath(feed), withIntermediateDirectories: true)
        var names: [SegmentName] = []
        var start = 0
        while start < changes.count {
            let chunk = Array(changes[start..<min(changes.count, start + Int.random(in: 1...15, using: &random))])
            let name = SegmentName(firstSeq: chunk.first!.seq, lastSeq: chunk.last!.seq)!
            try Data(SegmentFormat.encode(chunk, group: group)).write(to: URL(fileURLWithPath: folder.segmentPath(feed, name)))
            names.append(name)
            start += chunk.count
        }
        return names
    }
}

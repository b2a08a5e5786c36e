import Foundation
import Testing
@testable import IntersessionCore

/// The text CRDT: local edits behave like a string; replicas converge whatever the delivery.
@Suite struct SequenceTextTests {
    static let feeds = (0..<4).map { _ in DeviceKey().feed }

    @Test func localEditsBehaveLikeAString() {
        var rng = SplitMix64(seed: 1)
        let text = SequenceText()
        let me = text.agent(Self.feeds[0])
        var model: [Unicode.Scalar] = []
        let alphabet = Array("abcdé漢 \n".unicodeScalars)
        for _ in 0..<5_000 {
            if model.isEmpty || Int.random(in: 0..<3, using: &rng) > 0 {
                let position = Int.random(in: 0...model.count, using: &rng)
                let inserted = (0..<Int.random(in: 1...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                text.insert(inserted, at: position, by: me)
                model.insert(contentsOf: inserted, at: position)
            } else {
                let start = Int.random(in: 0..<model.count, using: &rng)
                let end = min(model.count, start + Int.random(in: 1...6, using: &rng))
                text.delete(start..<end)
                model.removeSubrange(start..<end)
            }
            #expect(text.count == model.count)
        }
        #expect(text.text == String(String.UnicodeScalarView(model)))
        // The stored state loads to the same text, and both copies take the same edits.
        let copy = try? SequenceText(decoding: text.encoded())
        #expect(copy?.text == text.text && copy?.count == text.count)
        let edit = text.insert(Array("tail".unicodeScalars), at: text.count / 2, by: me)
        try? copy?.apply(edit)
        #expect(copy?.text == text.text)
        #expect((try? SequenceText(decoding: Array(text.encoded().dropLast()))) == nil)
    }

    @Test func typingStoresOneRun() {
        let text = SequenceText()
        let me = text.agent(Self.feeds[0])
        for (offset, character) in String(repeating: "typing along, ", count: 100).unicodeScalars.enumerated() {
            text.insert([character], at: offset, by: me)
        }
        #expect(text.runCount == 1)
        text.delete(10..<20)
        #expect(text.runCount == 3)
    }

    /// Three replicas edit concurrently; their edits reach the others late, out of order, and
    /// some twice. Every replica ends with the same text.
    @Test(arguments: [7, 8, 9, 10] as [UInt64]) func replicasConverge(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let replicas = (0..<3).map { _ in SequenceText() }
        for replica in replicas { for feed in Self.feeds { _ = replica.agent(feed) } }
        var log: [TraceReplay.Edit] = []
        var delivered = Array(repeating: 0, count: replicas.count)
        var inbox: [[TraceReplay.Edit]] = Array(repeating: [], count: replicas.count)
        let alphabet = Array("xyz ABC\n".unicodeScalars)
        for _ in 0..<600 {
            let who = Int.random(in: 0..<replicas.count, using: &rng)
            let replica = replicas[who]
            if Int.random(in: 0..<4, using: &rng) == 0 {
                // Receive a random batch of what others made, shuffled, with duplicates.
                let upTo = Int.random(in: delivered[who]...log.count, using: &rng)
                var batch = Array(log[delivered[who]..<upTo])
                batch += batch.filter { _ in Bool.random(using: &rng) }
                inbox[who] += batch.shuffled(using: &rng)
                delivered[who] = upTo
                inbox[who] = try Self.deliver(inbox[who], to: replica)
                continue
            }
            if replica.count == 0 || Bool.random(using: &rng) {
                let inserted = (0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                log.append(.insert(replica.insert(inserted, at: Int.random(in: 0...replica.count, using: &rng), by: UInt32(who))))
            } else {
                let start = Int.random(in: 0..<replica.count, using: &rng)
                let end = min(replica.count, start + Int.random(in: 1...3, using: &rng))
                log += replica.delete(start..<end).map(TraceReplay.Edit.delete)
            }
        }
        for (who, replica) in replicas.enumerated() {
            inbox[who] += log.shuffled(using: &rng)
            inbox[who] = try Self.deliver(inbox[who], to: replica)
            #expect(inbox[who].isEmpty)
        }
        #expect(Set(replicas.map(\.text)).count == 1)
        #expect(replicas[0].count == replicas[0].text.unicodeScalars.count)
    }

    /// Applies what can be applied, as often as something new becomes applicable; returns the rest.
    static func deliver(_ edits: [TraceReplay.Edit], to text: SequenceText) throws -> [TraceReplay.Edit] {
        var waiting = edits
        var progress = true
        while progress {
            progress = false
            var still: [TraceReplay.Edit] = []
            for edit in waiting {
                do {
                    try TraceReplay.apply(edit, to: text)
                    progress = true
                } catch SequenceText.MergeError.missingDependency {
                    still.append(edit)
                }
            }
            waiting = still
        }
        return waiting
    }

    /// Two people type at the same place, one character per edit, without seeing each other:
    /// each one's word stays whole.
    @Test func concurrentTypingAtOnePlaceNeverInterleaves() throws {
        for (first, second) in [(0, 1), (1, 0)] {
            let base = SequenceText()
            for feed in Self.feeds { _ = base.agent(feed) }
            let start = base.insert(Array("[]".unicodeScalars), at: 0, by: 2)
            var edits: [[TraceReplay.Edit]] = [[], []]
            for (who, word) in [(first, "alpha"), (second, "OMEGA")] {
                let replica = SequenceText()
                for feed in Self.feeds { _ = replica.agent(feed) }
                try replica.apply(start)
                for (offset, character) in word.unicodeScalars.enumerated() {
                    edits[who].append(.insert(replica.insert([character], at: 1 + offset, by: UInt32(who))))
                }
            }
            for order in [edits[0] + edits[1], edits[1] + edits[0], zip(edits[0], edits[1]).flatMap { [$0, $1] }] {
                let merged = SequenceText()
                for feed in Self.feeds { _ = merged.agent(feed) }
                try merged.apply(start)
                for edit in order { try TraceReplay.apply(edit, to: merged) }
                #expect(merged.text == "[alphaOMEGA]" || merged.text == "[OMEGAalpha]")
                // Of the two, the lesser feed's word comes first.
                let alphaFirst = Self.feeds[first].bytes.lexicographicallyPrecedes(Self.feeds[second].bytes)
                #expect(merged.text == (alphaFirst ? "[alphaOMEGA]" : "[OMEGAalpha]"))
            }
        }
    }

    /// Branches edited apart, then exchanging updates both ways (and a whole state into an
    /// empty replica), end with one text.
    @Test(arguments: [3, 4] as [UInt64]) func updatesMergeBranches(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let a = SequenceText(), b = SequenceText()
        let alphabet = Array("ab é\n".unicodeScalars)
        func edit(_ text: SequenceText, _ agent: FeedID, _ times: Int) {
            let me = text.agent(agent)
            for _ in 0..<times {
                if text.count == 0 || Bool.random(using: &rng) {
                    text.insert((0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! },
                                at: Int.random(in: 0...text.count, using: &rng), by: me)
                } else {
                    let start = Int.random(in: 0..<text.count, using: &rng)
                    text.delete(start..<min(text.count, start + 2))
                }
            }
        }
        edit(a, Self.feeds[0], 200)
        try b.merge(a.update())
        #expect(b.text == a.text)
        for _ in 0..<3 {
            edit(a, Self.feeds[0], 150)
            edit(b, Self.feeds[1], 150)
            let fromA = a.update(since: b.version), fromB = b.update(since: a.version)
            try b.merge(fromA)
            try a.merge(fromB)
            try a.merge(fromB)
            #expect(a.text == b.text)
        }
        let fresh = SequenceText()
        try fresh.merge(b.update())
        #expect(fresh.text == a.text)
        #expect(throws: SequenceText.SnapshotError.badFormat) { try fresh.merge(Array("ISTU1junk".utf8)) }
    }

    @Test func anEditAppliedTwiceChangesNothing() throws {
        let source = SequenceText()
        let agent = source.agent(Self.feeds[0])
        let insertion = source.insert(Array("hello world".unicodeScalars), at: 0, by: agent)
        let deletions = source.delete(5..<11)
        let copy = SequenceText()
        _ = copy.agent(Self.feeds[0])
        for _ in 0..<2 {
            try copy.apply(insertion)
            for deletion in deletions { try copy.apply(deletion) }
        }
        #expect(copy.text == "hello")
        #expect(throws: SequenceText.MergeError.missingDependency) {
            try SequenceText().apply(TextInsertion(agent: 0, seq: 5, left: .none, right: .none, text: ["x"]))
        }
    }
}

/// The editing traces of github.com/josephg/editing-traces replay to exactly their final text.
@Suite struct EditingTraceTests {
    static func load(_ name: String) throws -> EditingTrace {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/editing-traces/\(name).json.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-dc", file.path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        return try EditingTrace(json: Array(data))
    }

    @Test(arguments: ["automerge-paper", "seph-blog1"]) func aSequentialTraceGivesItsFinalText(name: String) throws {
        let trace = try Self.load(name)
        let text = SequenceText()
        trace.replay(into: text, as: text.agent(DeviceKey().feed))
        #expect(text.text == trace.endContent)
    }

    @Test func theConcurrentTraceGivesItsFinalTextOnEveryReplica() throws {
        let trace = try Self.load("friendsforever")
        // The trace's agent 0 sorts first, as in the implementations that recorded it.
        let feeds = (0..<trace.agents).map { _ in DeviceKey().feed }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        let replay = try TraceReplay(trace, feeds: feeds)
        let merged = try replay.merged()
        #expect(merged.text == trace.endContent)
        // Delivered in another causal order, picked at random among the transactions whose
        // parents have arrived, the same text.
        var rng = SplitMix64(seed: 5)
        let other = SequenceText()
        for feed in feeds { _ = other.agent(feed) }
        var waitingOn = trace.transactions.map { Set($0.parents) }
        var children: [[Int]] = Array(repeating: [], count: trace.transactions.count)
        for (index, transaction) in trace.transactions.enumerated() { for parent in transaction.parents { children[parent].append(index) } }
        var ready = waitingOn.indices.filter { waitingOn[$0].isEmpty }
        while !ready.isEmpty {
            let next = ready.remove(at: Int.random(in: 0..<ready.count, using: &rng))
            for edit in replay.edits[next] { try TraceReplay.apply(edit, to: other) }
            for child in children[next] {
                waitingOn[child].remove(next)
                if waitingOn[child].isEmpty { ready.append(child) }
            }
        }
        #expect(other.text == trace.endContent)
    }
}

import Testing
@testable import IntersessionCore

/// The diff under draft saves and `draft diff`: shortest scripts, paragraphs, words.
@Suite struct DiffTests {
    /// The length of the longest common subsequence, by dynamic programming.
    static func lcs(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }

    @Test func stepsTurnTheOldIntoTheNewWithTheFewestEdits() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...12, using: &rng)).map { _ in "abc".randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...12, using: &rng)).map { _ in "abc".randomElement(using: &rng)! }
            var i = 0, j = 0, same = 0
            var rebuilt: [Character] = []
            for step in Diff.steps(a, b) {
                switch step {
                case .same(let n): rebuilt += a[i..<(i + n)]; #expect(Array(a[i..<(i + n)]) == Array(b[j..<(j + n)])); i += n; j += n; same += n
                case .delete(let n): i += n
                case .insert(let n): rebuilt += b[j..<(j + n)]; j += n
                }
            }
            #expect(rebuilt == b && i == a.count && j == b.count)
            #expect(same == Self.lcs(a, b))
        }
    }

    @Test func aChangedParagraphShowsItsWords() {
        let old = "# Title\n\nMembers should publish their thresholds.\n\nThe end."
        let new = "# Title\n\nMembers should publish their limits.\n\nA new paragraph.\n\nThe end."
        let changes = DraftDiff.changes(from: old, to: new)
        #expect(changes.map(\.kind) == [.same, .changed, .added, .same])
        #expect(changes[1].number == 1 && changes[2].number == 2 && changes[3].number == 3)
        #expect(changes[1].segments == [.same("Members should publish their "), .deleted("thresholds."), .inserted("limits.")])
    }

    @Test func paragraphsAreBlocksBetweenBlankLinesAndHeadingsAreNotNumbered() {
        let blocks = Paragraphs.split("# Heading\n\nOne\nstill one.\n \nTwo.\n\n\n## Sub\n\nThree.")
        #expect(blocks.map(\.number) == [nil, 1, 2, nil, 3])
        #expect(blocks[1].text == "One\nstill one.")
        #expect(Paragraphs.block(containing: blocks[2].range.lowerBound, in: blocks) == 2)
    }
}

/// Blame and concurrent-edit flags from a draft's history.
@Suite struct DraftHistoryTests {
    static let (a, b) = (DeviceKey().feed, DeviceKey().feed)
    static let draft = EntityID(hex: String(repeating: "07", count: 16))!

    /// An edit by `author` turning `text` into `new`, made on `base`.
    static func edit(_ text: SequenceText, to new: String, by author: FeedID, seq: Int64, time: Int64,
                     base: [FeedID: Int64]) -> DraftHistory.Edit {
        let (insertions, deletions) = text.change(to: new, by: author)
        return .init(author: author, seq: seq, time: time,
                     edit: DraftEdit(draft: draft, base: base, insertions: insertions, deletions: deletions))
    }

    @Test func blameNamesTheLastEditOfEachParagraphAndFlagsConcurrentOnes() {
        let first = "One.\n\nTwo.\n\nThree."
        let textA = SequenceText()
        let e0 = Self.edit(textA, to: first, by: Self.a, seq: 1, time: 10, base: [:])
        let textB = SequenceText()
        try? textB.apply(e0.edit, by: Self.a)
        // A changes paragraph 2 and B deletes in paragraph 2 and 3, neither seeing the other.
        let e1 = Self.edit(textA, to: "One.\n\nTwo, amended.\n\nThree.", by: Self.a, seq: 2, time: 20, base: [Self.a: 1])
        let e2 = Self.edit(textB, to: "One.\n\nTw.\n\nThree!", by: Self.b, seq: 1, time: 30, base: [Self.a: 1])
        let (text, blocks) = DraftHistory(edits: [e0, e1, e2]).blocks()
        #expect(text == "One.\n\nTw, amended.\n\nThree!")
        #expect(blocks.map(\.lastEdit) == [0, 2, 2])
        #expect(blocks.map(\.concurrent) == [false, true, false])
        // An edit that saw both, touching paragraph 2, reviews it.
        let merged = SequenceText()
        for edit in [e0, e1, e2] { try? merged.apply(edit.edit, by: edit.author) }
        let e3 = Self.edit(merged, to: "One.\n\nTwo, amended.\n\nThree!", by: Self.a, seq: 3, time: 40, base: [Self.a: 2, Self.b: 1])
        let reviewed = DraftHistory(edits: [e0, e1, e2, e3]).blocks().blocks
        #expect(reviewed.map(\.concurrent) == [false, false, false] && reviewed[1].lastEdit == 3)
        #expect(DraftHistory(edits: [e0, e1, e2, e3]).text(within: [Self.a: 2]).text == "One.\n\nTwo, amended.\n\nThree.")
    }
}

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

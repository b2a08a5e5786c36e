import Testing
import IntersessionCore

/// The blame kept beside a draft's text: the same paragraphs whatever order the edits merged
/// in, and the same after being stored as bytes.
@Suite struct DraftBlameTests {
    static let (a, b) = (DeviceKey().feed, DeviceKey().feed)
    static let draft = EntityID(hex: String(repeating: "07", count: 16))!

    /// e0 by A writes three paragraphs; e1 (A) and e2 (B) both change the second without seeing
    /// each other, e2 with the earlier clock; e2 also deletes in the third.
    static func edits() -> [DraftHistory.Edit] {
        let first = "One.\n\nTwo.\n\nThree."
        let textA = SequenceText(), textB = SequenceText()
        func edit(_ text: SequenceText, to new: String, by author: FeedID, seq: Int64, time: Int64, base: [FeedID: Int64]) -> DraftHistory.Edit {
            let (insertions, deletions) = text.change(to: new, by: author)
            return .init(author: author, seq: seq, time: time, edit: DraftEdit(draft: draft, base: base, insertions: insertions, deletions: deletions))
        }
        let e0 = edit(textA, to: first, by: a, seq: 1, time: 10, base: [:])
        try? textB.apply(e0.edit, by: a)
        let e1 = edit(textA, to: "One.\n\nTwo, amended.\n\nThree.", by: a, seq: 2, time: 30, base: [a: 1])
        let e2 = edit(textB, to: "One.\n\nTw.\n\nThr!", by: b, seq: 1, time: 20, base: [a: 1])
        return [e0, e2, e1]
    }

    static func blame(_ edits: [DraftHistory.Edit]) -> (SequenceText, DraftBlame) {
        let text = SequenceText()
        var blame = DraftBlame()
        for edit in edits {
            try? text.apply(edit.edit, by: edit.author)
            blame.record(edit.edit, as: edit.blamed)
        }
        return (text, blame)
    }

    /// The blocks without the blame's own numbering of edits: who and when.
    static func described(_ blocks: [DraftBlame.Block], _ blame: DraftBlame) -> [String] {
        blocks.map { block in
            let last = block.lastEdit.map { blame.edits[$0] }
            let touched = block.touched.map { "\(blame.edits[$0].author.short)@\(blame.edits[$0].time)" }.sorted()
            return "\(block.paragraph.text)|\(last.map { "\($0.author.short)@\($0.time)" } ?? "-")|\(block.concurrent)|\(touched)"
        }
    }

    @Test func theOrderOfMergingChangesNothing() {
        let edits = Self.edits()
        let (inOrder, inOrderBlame) = Self.blame(edits)
        let (late, lateBlame) = Self.blame([edits[0], edits[2], edits[1]])
        #expect(inOrder.text == late.text && inOrder.text == "One.\n\nTw, amended.\n\nThr!")
        let expected = Self.described(inOrderBlame.blocks(of: inOrder), inOrderBlame)
        #expect(Self.described(lateBlame.blocks(of: late), lateBlame) == expected)
        // The second paragraph's last change is A's, the later by clock, though it merged first.
        #expect(lateBlame.blocks(of: late).map(\.concurrent) == [false, true, false])
        #expect(lateBlame.blocks(of: late)[1].lastEdit.map { lateBlame.edits[$0].author } == Self.a)
        #expect(lateBlame.blocks(of: late)[2].lastEdit.map { lateBlame.edits[$0].author } == Self.b)
        // The replay agrees.
        let (text, replayed) = DraftHistory(edits: edits).blocks()
        #expect(text == inOrder.text && replayed.map(\.lastEdit) == [0, 2, 1] && replayed.map(\.concurrent) == [false, true, false])
    }

    @Test func storedAsBytesItGivesTheSameBlocks() throws {
        let (text, blame) = Self.blame(Self.edits())
        let decoded = try DraftBlame(decoding: blame.encoded())
        #expect(decoded == blame)
        #expect(decoded.blocks(of: text) == blame.blocks(of: text))
        let touched = blame.blocks(of: text).map(\.touched)
        #expect(try blame.blocks(of: text).map { try DraftBlame.Block.touched(decoding: $0.encodedTouched) } == touched)
        #expect(throws: SequenceText.SnapshotError.badFormat) { try DraftBlame(decoding: Array(blame.encoded().dropLast())) }
        #expect(throws: SequenceText.SnapshotError.badFormat) { try DraftBlame(decoding: Array("ISTX2".utf8)) }
    }

    /// A flag already found for the same touching edits is reused, not worked out again.
    @Test func aKnownFlagIsReused() {
        let (text, blame) = Self.blame(Self.edits())
        let blocks = blame.blocks(of: text)
        let known = Dictionary(uniqueKeysWithValues: blocks.map { ($0.touched, !$0.concurrent) })
        #expect(blame.blocks(of: text, known: known).map(\.concurrent) == blocks.map { !$0.concurrent })
    }
}

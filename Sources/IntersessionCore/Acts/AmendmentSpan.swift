/// Where an amendment applies in a draft's text, in unicode scalars, and the op that proposes
/// it. The command line finds the span by a paragraph's number and the words typed; the
/// interface by what differs between a paragraph's old and new wording. Both anchor it here.
public enum AmendmentSpan {
    public enum Problem: Error, Sendable, Equatable {
        case noParagraph(Int)
        case spanNotInParagraph(Int, String)
    }

    /// The span of `span` inside paragraph `number` (the whole paragraph when `span` is nil or empty).
    public static func range(in text: String, paragraph number: Int, span: String?) -> Result<Range<Int>, Problem> {
        guard let block = Paragraphs.split(text).first(where: { $0.number == number }) else { return .failure(.noParagraph(number)) }
        guard let span, !span.isEmpty else { return .success(block.range) }
        let scalars = Array(block.text.unicodeScalars), needle = Array(span.unicodeScalars)
        guard needle.count <= scalars.count,
            let start = (0...(scalars.count - needle.count)).first(where: { Array(scalars[$0..<($0 + needle.count)]) == needle })
        else { return .failure(.spanNotInParagraph(number, span)) }
        return .success((block.range.lowerBound + start)..<(block.range.lowerBound + start + needle.count))
    }

    /// The smallest span that differs between a paragraph's wording and a proposed one, so
    /// that others' amendments elsewhere in it do not compete: the range replaced, relative to
    /// the paragraph's start, and the text put in its place.
    public static func difference(from original: String, to proposed: String) -> (removed: Range<Int>, added: String) {
        let old = Array(original.unicodeScalars), new = Array(proposed.unicodeScalars)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        return (prefix..<(old.count - suffix), String(String.UnicodeScalarView(new[prefix..<(new.count - suffix)])))
    }

    /// The kind of amendment that turns `range` into `added`.
    public static func kind(removing range: Range<Int>, adding added: String) -> AmendmentKind {
        range.isEmpty ? .insert : (added.isEmpty ? .delete : .replace)
    }

    /// The proposal of `kind` over `range` of `text`: a replacement or deletion is anchored on
    /// its first and last scalar; an insertion goes after `range` (at its upper bound).
    public static func proposal(draft: EntityID, kind: AmendmentKind, range: Range<Int>, text newText: String,
                                in text: SequenceText, rationale: String) -> AmendPropose {
        if kind == .insert {
            let point = range.upperBound
            return AmendPropose(draft: draft, kind: .insert, from: point > 0 ? text.anchor(at: point - 1) : nil, to: nil,
                                text: newText, rationale: rationale)
        }
        return AmendPropose(draft: draft, kind: kind, from: text.anchor(at: range.lowerBound), to: text.anchor(at: range.upperBound - 1),
                            text: kind == .delete ? "" : newText, rationale: rationale)
    }
}

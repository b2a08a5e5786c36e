import Foundation
import GRDB
import IntersessionCore

extension AppDatabase {
    /// A draft's compiled amendments table, in order of proposal.
    public func amendments(of draft: String) throws -> [AmendmentView] {
        try read { db in
            let text = try Self.openText(db, draft)
            let current = text.text
            return try Self.amendments(db, draft: draft, position: text.position(of:), current: current, blocks: Paragraphs.split(current))
        }
    }

    /// Where an amendment's span lies now: visible positions, nil when its text is gone.
    public static func span(kind: AmendmentKind, from: TextAnchor?, to: TextAnchor?, in text: SequenceText) -> Range<Int>? {
        span(kind: kind, from: from, to: to, position: text.position(of:))
    }

    /// The span, given where characters stand.
    static func span(kind: AmendmentKind, from: TextAnchor?, to: TextAnchor?,
                     position: (TextAnchor) throws -> Int?) rethrows -> Range<Int>? {
        switch kind {
        case .insert:
            guard let from else { return 0..<0 }
            return try position(from).map { ($0 + 1)..<($0 + 1) }
        case .replace, .delete:
            guard let from, let to, let start = try position(from), let end = try position(to), end >= start else { return nil }
            return start..<(end + 1)
        }
    }

    /// `position`: where a character stands in `current`, the draft's text.
    static func amendments(_ db: Database, draft: String, position: (TextAnchor) throws -> Int?, current: String,
                           blocks: [Paragraph]) throws -> [AmendmentView] {
        let names = try names(db)
        let members = try speakingMembers(db)
        let scalars = Array(current.unicodeScalars)
        var views: [(AmendmentView, Range<Int>?)] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT a.id, a.kind, a.from_anchor, a.to_anchor, a.text, a.rationale, f.hex, m.org, a.hlc_ms,
                   (SELECT value FROM register r WHERE r.entity = a.id AND r.name = 'amend.decision')
            FROM amendment a JOIN feed f ON f.id = a.feed LEFT JOIN member m ON m.feed = a.feed
            WHERE a.draft = ? ORDER BY a.hlc_ms, a.hlc_c, f.hex, a.seq
            """, arguments: [draft]) {
            let id: String = row[0]
            let kind = AmendmentKind(rawValue: row[1]) ?? .replace
            let from = (row[2] as String?).flatMap(TextAnchor.init(text:)), to = (row[3] as String?).flatMap(TextAnchor.init(text:))
            let span = try Self.span(kind: kind, from: from, to: to, position: position)
            let tally = try Self.tally(db, amendment: id, members: members)
            let name = { (feed: String) in names[feed] ?? String(feed.prefix(8)) }
            let sponsor: String = row[6]
            let decision: String? = row[9]
            let rejected = decision?.hasPrefix(AmendmentStatus.rejected.rawValue) == true
            // An insertion belongs with the character it follows.
            let block = span.flatMap { Paragraphs.block(containing: kind == .insert && from != nil ? max(0, $0.lowerBound - 1) : $0.lowerBound, in: blocks) }
            let view = AmendmentView(
                id: id, kind: kind.rawValue, paragraph: block, number: block.flatMap { blocks[$0].number },
                original: span.map { String(String.UnicodeScalarView(scalars[$0])) } ?? "", text: row[4], rationale: row[5],
                sponsor: names[sponsor] ?? String(sponsor.prefix(8)), sponsorDelegation: row[7], supporters: tally.supporters.map(name), opponents: tally.opponents.map(name), tally: tally,
                status: rejected ? AmendmentStatus.rejected.rawValue : (decision ?? AmendmentStatus.open.rawValue),
                reason: rejected ? decision.map { String($0.dropFirst("rejected: ".count)) } : nil, time: row[8], alternatives: [])
            views.append((view, span))
        }
        // Open amendments to overlapping spans are alternatives to one another.
        return views.map { view, span in
            var view = view
            guard view.status == "open", let span else { return view }
            view.alternatives = views.filter { other, otherSpan in
                other.id != view.id && other.status == "open" && otherSpan.map { Self.overlap(span, $0) } == true
            }.map(\.0.id)
            return view
        }
    }

    /// Where an amendment stands now, by the core's counting rule over the stances stored.
    static func tally(_ db: Database, amendment: String, members: Set<String>) throws -> AmendmentTally {
        let stances = try Row.fetchAll(db, sql: """
            SELECT f.hex, p.seq, p.supports FROM amendment_position p JOIN feed f ON f.id = p.feed WHERE p.amendment = ?
            """, arguments: [amendment]).map { AmendmentStance(feed: $0[0], seq: $0[1], supports: $0[2]) }
        return AmendmentTally.count(stances, members: members)
    }

    /// Those who are members now with a voice (a role other than observer), by feed: the only
    /// stances that count.
    static func speakingMembers(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT f.hex FROM role_interval i JOIN feed f ON f.id = i.feed WHERE i.through_seq IS NULL AND i.role <> ?
            """, arguments: [Role.observer.rawValue]))
    }

    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty || b.isEmpty { return a.lowerBound == b.lowerBound || b.contains(a.lowerBound) || a.contains(b.lowerBound) }
        return a.overlaps(b)
    }
}

extension AppDatabase {
    /// One amendment as its draft's table shows it (its place, where it stands).
    public func amendment(_ id: String) throws -> AmendmentView {
        guard let shown = try amendments(of: try draft(ofAmendment: id)).first(where: { $0.id == id }) else {
            throw StoreError.notFound(kind: "amendment", prefix: id)
        }
        return shown
    }

    /// The draft an amendment belongs to.
    public func draft(ofAmendment id: String) throws -> String {
        try read { db in
            guard let draft = try String.fetchOne(db, sql: "SELECT draft FROM amendment WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "amendment", prefix: id)
            }
            return draft
        }
    }
}

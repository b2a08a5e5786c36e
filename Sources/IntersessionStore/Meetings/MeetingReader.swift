import Foundation
import GRDB
import IntersessionCore

/// Reads one meeting's record inside a read transaction.
struct MeetingReader {
    let db: Database

    func summary(_ id: String) throws -> MeetingSummary? {
        guard let row = try Row.fetchOne(db, sql: "SELECT title, body, number, mode, starts, ends FROM meeting WHERE id = ?",
                                         arguments: [id])
        else { return nil }
        let items = try agenda(id)
        let current = try phases(id).last { $0.opened && !$0.closed }?.phase
        return MeetingSummary(id: id, title: row[0], body: row[1], number: row[2], mode: row[3], starts: row[4], ends: row[5],
                              currentPhase: current, items: items.count, openItems: items.filter(\.deferred).count)
    }

    func detail(_ id: String) throws -> MeetingDetail? {
        guard let summary = try summary(id),
            let row = try Row.fetchOne(db, sql: "SELECT topic, author, presiding FROM meeting WHERE id = ?", arguments: [id])
        else { return nil }
        return MeetingDetail(summary: summary, topic: row[0], convener: try person(row[1]),
                             presiding: try PollJSON.stringList(row[2]).map(person), phases: try phases(id),
                             participants: try participants(id), agenda: try agenda(id))
    }

    func person(_ feed: String) throws -> MeetingPerson {
        let row = try Row.fetchOne(db, sql: "SELECT m.name, m.org FROM member m JOIN feed f ON f.id = m.feed WHERE f.hex = ?",
                                   arguments: [feed])
        return MeetingPerson(feed: feed, name: row?[0] ?? String(feed.prefix(8)), organisation: row?[1] ?? "")
    }

    func phases(_ meeting: String) throws -> [MeetingPhaseState] {
        try MeetingPhaseKind.allCases.map { kind in
            let rows = try Row.fetchAll(db, sql: """
                SELECT deadline, frontier FROM meeting_phase WHERE meeting = ? AND phase = ? AND item = ''
                ORDER BY hlc_ms, hlc_c, author, seq
                """, arguments: [meeting, kind.rawValue])
            let openings = rows.filter { ($0[1] as String?) == nil }
            return MeetingPhaseState(phase: kind.rawValue, opened: !openings.isEmpty, deadline: openings.last?[0],
                                     closed: rows.contains { ($0[1] as String?) != nil })
        }
    }

    /// The standing registrations: each participant's latest (by stamp), unless withdrawn.
    func participants(_ meeting: String) throws -> [MeetingParticipant] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT participant, capacity, delegation FROM meeting_register WHERE meeting = ?
            ORDER BY participant, hlc_ms DESC, hlc_c DESC, author DESC, seq DESC
            """, arguments: [meeting])
        var seen: Set<String> = []
        var standing: [MeetingParticipant] = []
        for row in rows {
            let feed: String = row[0]
            guard seen.insert(feed).inserted, (row[1] as String) != ParticipantCapacity.withdrawn.rawValue else { continue }
            standing.append(MeetingParticipant(person: try person(feed), capacity: row[1], delegation: row[2]))
        }
        try categorise(&standing)
        return standing.sorted { ($0.delegation, $0.person.name, $0.person.feed) < ($1.delegation, $1.person.name, $1.person.feed) }
    }

    /// Gives each participant their delegation's category: the secretariat's, or the one the
    /// capacities registered in this meeting by all of that delegation make it.
    private func categorise(_ participants: inout [MeetingParticipant]) throws {
        let set = try AppDatabase.latestCategories(db)
        let capacities = Dictionary(grouping: participants, by: { DelegationCategory.key($0.delegation) })
            .mapValues { $0.compactMap { ParticipantCapacity(rawValue: $0.capacity) } }
        for index in participants.indices {
            let key = DelegationCategory.key(participants[index].delegation)
            participants[index].category = set[key]?.category ?? DelegationKind.derived(from: capacities[key] ?? [])?.rawValue
        }
    }

    /// For each close of `phase` that applies to `item`, what it takes in of each feed.
    func closes(_ meeting: String, _ phase: MeetingPhaseKind, item: String) throws -> [[String: Int64]] {
        try String.fetchAll(db, sql: """
            SELECT frontier FROM meeting_phase WHERE meeting = ? AND phase = ? AND item IN ('', ?) AND frontier IS NOT NULL
            """, arguments: [meeting, phase.rawValue, item]).map {
            try AppDatabase.countedThrough(db, frontier: PollJSON.closeFrontier($0))
        }
    }

    func agenda(_ meeting: String) throws -> [AgendaItemView] {
        try String.fetchAll(db, sql: "SELECT id FROM meeting_item WHERE meeting = ?", arguments: [meeting])
            .compactMap { try item($0, meeting: meeting) }
            .sorted { AgendaNumber.precedes($0.number, $1.number) || ($0.number == $1.number && $0.id < $1.id) }
    }

    func item(_ id: String, meeting: String) throws -> AgendaItemView? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT number, parent, title, purpose, category, deadline, documents FROM meeting_item_version WHERE item = ?
            ORDER BY hlc_ms DESC, hlc_c DESC, author DESC, seq DESC LIMIT 1
            """, arguments: [id])
        else { return nil }
        let commentCloses = try closes(meeting, .comment, item: id)
        let concerns = try self.concerns(id, closes: try closes(meeting, .concerns, item: id))
        let outcomes = try self.outcomes(id)
        let openConcerns = concerns.filter { !$0.late && $0.answers.isEmpty }.count
        let standing = ItemStanding(outcome: outcomes.first(where: \.stands).flatMap { OutcomeKind(rawValue: $0.kind) },
                                    openConcerns: openConcerns)
        return AgendaItemView(
            id: id, number: row[0], parent: row[1], title: row[2], purpose: row[3], category: row[4], deadline: row[5],
            documents: try documents(row[6]), comments: try comments(id, closes: commentCloses), concerns: concerns,
            outcomes: outcomes, standing: Self.name(standing), openConcerns: openConcerns, deferred: standing.isDeferred,
            commentsClosed: !commentCloses.isEmpty)
    }

    static func name(_ standing: ItemStanding) -> String {
        switch standing {
        case .open: "open"
        case .heldByConcerns: "held"
        case .settled(let kind): kind.rawValue
        }
    }

    private func documents(_ json: String) throws -> [MeetingDocumentRef] {
        try (PollJSON.parse(json)?.arrayValue ?? []).compactMap { value in
            guard let draft = value.objectValue?["draft"]?.stringValue,
                let row = try Row.fetchOne(db, sql: "SELECT symbol, title FROM draft WHERE id = ?", arguments: [draft])
            else { return nil }
            return MeetingDocumentRef(draft: draft, symbol: row[0], title: row[1], version: value.objectValue?["version"]?.stringValue)
        }
    }

    private func comments(_ item: String, closes: [[String: Int64]]) throws -> [MeetingComment] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, f.hex, p.seq, p.body FROM post p JOIN feed f ON f.id = p.author
            WHERE p.thread = ?1 AND p.id != ?1 AND p.retracted = 0 ORDER BY p.created_ms, p.created_c, f.hex, p.seq, p.op_index
            """, arguments: [item]).map { row in
            MeetingComment(post: row[0], author: try person(row[1]), body: row[3],
                           late: PhaseClosure.isLate(feed: row[1], seq: row[2], closes: closes))
        }
    }

    private func concerns(_ item: String, closes: [[String: Int64]]) throws -> [MeetingConcernView] {
        try Row.fetchAll(db, sql: """
            SELECT id, author, seq, text FROM meeting_concern WHERE item = ? ORDER BY hlc_ms, hlc_c, author, seq
            """, arguments: [item]).map { row in
            let id: String = row[0]
            let answers = try String.fetchAll(db, sql: """
                SELECT text FROM meeting_answer WHERE concern = ? ORDER BY hlc_ms, hlc_c, author, seq
                """, arguments: [id])
            return MeetingConcernView(id: id, author: try person(row[1]), text: row[3],
                                      late: PhaseClosure.isLate(feed: row[1], seq: row[2], closes: closes), answers: answers)
        }
    }

    private func outcomes(_ item: String) throws -> [MeetingOutcomeView] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, kind, summary, poll, author, replaces FROM meeting_outcome WHERE item = ? ORDER BY id",
                                    arguments: [item])
        let candidates = rows.compactMap { row -> OutcomeChoice.Candidate? in
            guard let id = EntityID(hex: row[0]) else { return nil }
            return OutcomeChoice.Candidate(id: id, replaces: PollJSON.stringList(row[5]).compactMap(EntityID.init(hex:)))
        }
        let standing = OutcomeChoice.standing(candidates)?.hex
        return try rows.map { row in
            MeetingOutcomeView(id: row[0], kind: row[1], summary: row[2], poll: row[3], by: try person(row[4]),
                               stands: (row[0] as String) == standing)
        }
    }
}

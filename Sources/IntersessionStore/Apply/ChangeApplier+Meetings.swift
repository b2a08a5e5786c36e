import Foundation
import GRDB
import IntersessionCore

/// Carries out the mutations of meetings, and answers the rules' questions about them.
extension ChangeApplier {
    func executeMeeting(_ mutation: MeetingMutation) throws {
        switch mutation {
        case .createMeeting(let id, let meeting, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO meeting (id, title, body, number, mode, starts, ends, presiding, topic, author, seq, hlc_ms, hlc_c)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, meeting.title, meeting.body, meeting.number, meeting.mode.rawValue, meeting.starts, meeting.ends,
                                 PollJSON.strings(meeting.presiding.map(\.hex)), meeting.topic.hex] + Self.keyed(stamp))
        case .openPhase(let phase, let stamp):
            try insertPhase(phase, stamp: stamp, deadline: phase.deadline, frontier: nil)
        case .closePhase(let phase, let frontier, let stamp):
            try insertPhase(phase, stamp: stamp, deadline: nil, frontier: PollJSON.closeFrontier(frontier))
        case .stateItem(let id, let item, let isNew, let stamp):
            try stateItem(id, item, isNew: isNew, stamp: stamp)
        case .register(let registration, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO meeting_register (meeting, participant, author, seq, hlc_ms, hlc_c, capacity, delegation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [registration.meeting.hex, registration.participant.hex] + Self.keyed(stamp)
                    + [registration.capacity.rawValue, registration.delegation])
        case .categorise(let category, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO delegation_category (key, delegation, category, author, seq, hlc_ms, hlc_c)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [DelegationCategory.key(category.delegation), category.delegation, category.category.rawValue]
                    + Self.keyed(stamp))
        case .raiseConcern(let id, let concern, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO meeting_concern (id, item, author, seq, hlc_ms, hlc_c, text) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, concern.item.hex] + Self.keyed(stamp) + [concern.text])
        case .answerConcern(let answer, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO meeting_answer (concern, author, seq, hlc_ms, hlc_c, text) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [answer.concern.hex] + Self.keyed(stamp) + [answer.text])
        case .setOutcome(let id, let outcome, let stamp):
            try db.execute(sql: """
                INSERT OR IGNORE INTO meeting_outcome (id, item, author, seq, hlc_ms, hlc_c, kind, summary, poll, replaces)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.hex, outcome.item.hex] + Self.keyed(stamp)
                    + [outcome.kind.rawValue, outcome.summary, outcome.poll?.hex, PollJSON.strings(outcome.replaces.map(\.hex))])
        }
    }

    /// The author, seq and clock of a change, as the meeting tables key their rows.
    private static func keyed(_ stamp: ChangeStamp) -> StatementArguments {
        [stamp.author.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter]
    }

    private func insertPhase(_ phase: MeetingPhase, stamp: ChangeStamp, deadline: Int64?, frontier: String?) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO meeting_phase (meeting, phase, item, author, seq, hlc_ms, hlc_c, deadline, frontier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [phase.meeting.hex, phase.phase.rawValue, phase.item?.hex ?? ""] + Self.keyed(stamp) + [deadline, frontier])
    }

    private func stateItem(_ id: EntityID, _ item: MeetingItem, isNew: Bool, stamp: ChangeStamp) throws {
        if isNew {
            try db.execute(sql: "INSERT OR IGNORE INTO meeting_item (id, meeting, author, seq) VALUES (?, ?, ?, ?)",
                           arguments: [id.hex, item.meeting.hex, stamp.author.hex, stamp.seq])
        }
        let documents = JSONValue.array(item.documents.map { document in
            var fields: [String: JSONValue] = ["draft": .string(document.draft.hex)]
            if let version = document.version { fields["version"] = .string(version) }
            return .object(fields)
        })
        try db.execute(sql: """
            INSERT OR IGNORE INTO meeting_item_version (item, author, seq, hlc_ms, hlc_c, number, parent, title, purpose, category,
                                                       deadline, documents)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id.hex] + Self.keyed(stamp) + [item.number, item.parent?.hex, item.title, item.purpose.rawValue,
                                                            item.category.rawValue, item.deadline,
                                                            String(decoding: CanonicalJSON.encode(documents), as: UTF8.self)])
    }

    func meeting(_ id: EntityID) throws -> MeetingFacts? {
        guard let row = try Row.fetchOne(db, sql: "SELECT presiding, topic FROM meeting WHERE id = ?", arguments: [id.hex]),
            let topic = EntityID(hex: row[1])
        else { return nil }
        return MeetingFacts(presiding: PollJSON.stringList(row[0]).compactMap(FeedID.init(hex:)), topic: topic)
    }

    func meetingItem(_ id: EntityID) throws -> EntityID? {
        try String.fetchOne(db, sql: "SELECT meeting FROM meeting_item WHERE id = ?", arguments: [id.hex]).flatMap(EntityID.init(hex:))
    }

    func meetingConcern(_ id: EntityID) throws -> EntityID? {
        try String.fetchOne(db, sql: "SELECT item FROM meeting_concern WHERE id = ?", arguments: [id.hex]).flatMap(EntityID.init(hex:))
    }
}

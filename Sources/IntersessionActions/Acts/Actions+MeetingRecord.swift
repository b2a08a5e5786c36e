import Foundation
import IntersessionCore
import IntersessionStore

/// What happens in a meeting: registrations, final concerns and their answers, outcomes.
extension Actions {
    /// Registers for `meeting`: this profile, or (for the co-chairs and secretariat) someone
    /// else, such as an invited expert. The delegation is the participant's organisation
    /// unless given.
    public func register(for meeting: String, participant: String? = nil, capacity: ParticipantCapacity = .delegate,
                         delegation: String? = nil) throws {
        try adoptOwnChanges()
        let id = try resolveMeeting(meeting)
        let feed = try participant.map(person) ?? me
        if feed != me { _ = try meetingIRun(id) } else { _ = try store.meeting(id.hex) }
        let organisation = try delegation ?? store.member(feed)?.organisation ?? ""
        try sign([.meeting(.register(MeetingRegister(meeting: id, participant: feed, capacity: capacity,
                                                     delegation: try Input.organisation(organisation))))])
    }

    /// Raises a final concern on an agenda item; returns the concern's id.
    @discardableResult
    public func raiseConcern(on item: String, text: String) throws -> EntityID {
        let text = try Input.body(text)
        try adoptOwnChanges()
        let id = try resolveAgendaItem(item)
        let (meeting, _) = try store.agendaItem(id.hex)
        guard !(try store.currentRoles(of: me).subtracting([.observer]).isEmpty) else { throw MeetingError.observerCannotRaise }
        if meeting.phases.first(where: { $0.phase == MeetingPhaseKind.concerns.rawValue })?.closed == true {
            throw MeetingError.phaseClosed(phase: MeetingPhaseKind.concerns.rawValue)
        }
        return try sign([.meeting(.concern(MeetingConcern(item: id, text: text)))]).entity(0)
    }

    /// Answers a concern (co-chairs, secretariat), which releases the item it held.
    public func answerConcern(_ concern: String, text: String) throws {
        let text = try Input.body(text)
        try adoptOwnChanges()
        let id = try meetingEntry(concern, .concern)
        let item = try store.agendaItem(try store.concernItem(id.hex))
        guard let meeting = EntityID(hex: item.meeting.summary.id) else { return }
        _ = try meetingIRun(meeting)
        if item.item.concerns.first(where: { $0.id == id.hex })?.answers.isEmpty == false { throw MeetingError.alreadyAnswered(concern: id.short) }
        try sign([.meeting(.answer(MeetingAnswer(concern: id, text: text)))])
    }

    /// Records the outcome of an agenda item (co-chairs, secretariat), replacing the outcomes
    /// that stand here. Refused while concerns on time wait for an answer.
    @discardableResult
    public func setOutcome(of item: String, kind: OutcomeKind, summary: String, poll: String? = nil) throws -> EntityID {
        let summary = try Input.body(summary)
        try adoptOwnChanges()
        let id = try resolveAgendaItem(item)
        let (meeting, view) = try store.agendaItem(id.hex)
        guard let meetingID = EntityID(hex: meeting.summary.id) else { throw StoreError.notFound(kind: "meeting", prefix: item) }
        _ = try meetingIRun(meetingID)
        if view.openConcerns > 0 { throw MeetingError.concernsPending(item: view.number, count: view.openConcerns) }
        let pollID = try poll.map { try entity($0, as: .poll) }
        let replaces = view.outcomes.compactMap { EntityID(hex: $0.id) }
        return try sign([.meeting(.outcome(MeetingOutcome(item: id, kind: kind, summary: summary, poll: pollID, replaces: replaces)))]).entity(0)
    }
}

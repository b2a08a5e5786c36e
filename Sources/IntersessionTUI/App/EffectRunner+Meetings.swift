import IntersessionActions
import IntersessionCore
import IntersessionStore

extension EffectRunner {
    /// Reads and acts of the meeting screens.
    func runMeetingEffect(_ effect: MeetingEffect, _ session: Session) throws -> [Message] {
        let store = session.store
        switch effect {
        case .loadList: return [.meeting(.listLoaded(try store.meetings()))]
        case .loadMeeting(let id): return [.meeting(.meetingLoaded(try store.meeting(id)))]
        case .loadItem(let id): return [.meeting(.itemLoaded(try store.agendaItem(id).item))]
        case .register(let meeting):
            try session.actions(clock: clock).register(for: meeting)
            return [.recorded(.meetingRegistered)]
        case .closePhase(let meeting, let phase):
            try session.actions(clock: clock).closePhase(phase, of: meeting)
            return [.recorded(.meetingPhaseClosed)]
        case .setOutcome(let item, let kind, let summary):
            try session.actions(clock: clock).setOutcome(of: item, kind: kind, summary: summary)
            return [.recorded(.meetingOutcomeRecorded)]
        case .raiseConcern(let item, let text):
            try session.actions(clock: clock).raiseConcern(on: item, text: text)
            return [.recorded(.meetingConcernRaised)]
        case .answerConcern(let concern, let text):
            try session.actions(clock: clock).answerConcern(concern, text: text)
            return [.recorded(.meetingConcernAnswered)]
        case .loadRegistrants(let meeting):
            let people = try store.members().filter { $0.frozenFrom == nil && !$0.roles.isEmpty }
                .map { MeetingPerson(feed: $0.feed, name: $0.name ?? String($0.feed.prefix(8)), organisation: $0.organisation ?? "") }
            return [.meeting(.registrantsLoaded(meeting: meeting, people))]
        case .registerParticipant(let meeting, let member, let capacity, let delegation, let category):
            let actions = try session.actions(clock: clock)
            try actions.register(for: meeting, participant: member, capacity: capacity, delegation: delegation)
            guard let category else { return [.recorded(.meetingParticipantRegistered)] }
            let standing = try store.delegationCategories().first { DelegationCategory.key($0.delegation) == DelegationCategory.key(delegation) }
            if standing?.category != category.rawValue { try actions.categorise(delegation: delegation, as: category) }
            return [.recorded(.meetingParticipantRegistered)]
        }
    }
}

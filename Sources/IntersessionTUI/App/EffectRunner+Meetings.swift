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
        }
    }
}

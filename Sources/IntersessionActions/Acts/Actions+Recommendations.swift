import Foundation
import IntersessionCore
import IntersessionStore

/// Recording the group's recommendations to the committees, and their follow-up.
extension Actions {
    public struct RecommendationRequest: Sendable {
        public var text: String
        public var body: CommitteeBody
        public var level: RecommendationLevel
        public var language: Language?
        /// The poll (or silence procedure) that adopted it, or else the agenda item outcome.
        public var poll: String?
        public var outcome: String?

        public init(text: String, body: CommitteeBody, level: RecommendationLevel, poll: String? = nil, outcome: String? = nil) {
            self.text = text
            self.body = body
            self.level = level
            self.poll = poll
            self.outcome = outcome
        }
    }

    /// Records a recommendation the group adopted (co-chairs, secretariat); returns its id.
    @discardableResult
    public func recordRecommendation(_ request: RecommendationRequest) throws -> EntityID {
        let text = try Input.body(request.text)
        try adoptOwnChanges()
        try requireCochairOrSecretariat()
        let decision = try adoptingDecision(poll: request.poll, outcome: request.outcome)
        let op = RecommendationNew(text: text, language: request.language ?? writingLanguage, body: request.body, level: request.level,
                                   decision: decision)
        return try sign([.recommendation(.new(op))]).entity(0)
    }

    /// Records what became of a recommendation (co-chairs, secretariat).
    @discardableResult
    public func followUp(_ recommendation: String, text: String) throws -> EntityID {
        let text = try Input.body(text)
        try adoptOwnChanges()
        try requireCochairOrSecretariat()
        guard let id = EntityID(hex: try store.resolveRecommendation(recommendation)) else {
            throw StoreError.notFound(kind: "recommendation", prefix: recommendation)
        }
        return try sign([.recommendation(.followUp(RecommendationFollowUp(recommendation: id, text: text)))]).entity(0)
    }

    private func requireCochairOrSecretariat() throws {
        guard try store.currentRoles(of: me).contains(where: \.moderates) else { throw RecommendationError.notCochairOrSecretariat }
    }

    /// The decision named, checked as the rules will check it, and carried.
    private func adoptingDecision(poll: String?, outcome: String?) throws -> AdoptingDecision {
        switch (poll, outcome) {
        case (let poll?, nil):
            let id = try entity(poll, as: .poll)
            let detail = try store.poll(id.hex)
            guard detail.summary.closed, let close = try store.countingClose(of: id.hex) else { throw RecommendationError.pollNotClosed(poll: id.short) }
            guard detail.result?.adopted == true else { throw RecommendationError.pollNotCarried(poll: id.short) }
            return .poll(id, close: close)
        case (nil, let outcome?):
            let id = try meetingEntry(outcome, .outcome)
            let item = try store.agendaItem(try store.outcomeItem(id.hex)).item
            let kind = item.outcomes.first { $0.id == id.hex }?.kind ?? ""
            guard kind == OutcomeKind.adopted.rawValue || kind == OutcomeKind.endorsed.rawValue else {
                throw RecommendationError.outcomeAdoptsNothing(outcome: id.short, kind: kind)
            }
            return .outcome(id)
        default:
            throw RecommendationError.oneDecision
        }
    }
}

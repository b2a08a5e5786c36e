import IntersessionCore
import IntersessionStore

/// An act that cannot be taken back, held until the person says yes: the question, phrased
/// when it was asked, and the effects `y` lets through.
public struct Confirmation: Sendable, Equatable {
    public var question: String
    public var effects: [Effect]

    public init(question: String, effects: [Effect]) {
        self.question = question
        self.effects = effects
    }

    /// Whether an effect signs an act that no later act undoes: a closed poll stays closed, a
    /// removed member is out of the epoch, a granted role has counted, a rejected amendment
    /// and a draft's stage are on the record, a report made a draft is one.
    static func isIrreversible(_ effect: Effect) -> Bool {
        switch effect {
        case .closePoll, .grantRole, .grantCochairTerm, .revokeRole, .admit, .decideAmendment, .setDraftStatus: true
        case .meeting(let effect): MeetingScreensView.isIrreversible(effect)
        case .library(let effect): LibraryScreensView.isIrreversible(effect)
        case .report(let effect): if case .intoDraft = effect { true } else { false }
        default: false
        }
    }

    /// The question for the first irreversible effect among `effects`, nil when there is none.
    static func asking(for effects: [Effect], _ model: Model) -> Confirmation? {
        guard let effect = effects.first(where: isIrreversible) else { return nil }
        return Confirmation(question: question(for: effect, model), effects: effects)
    }

    static func question(for effect: Effect, _ model: Model) -> String {
        let catalog = model.catalog
        switch effect {
        case .closePoll(let id): return catalog[.confirmClosePoll, pollTitle(id, model)]
        case .grantRole(let feed, let role, _): return catalog[.confirmGrant, memberName(feed, model), catalog[Update.roleText(role)]]
        case .revokeRole(let feed, nil): return catalog[.confirmRemove, memberName(feed, model)]
        case .revokeRole(let feed, let role?): return catalog[.confirmRevoke, memberName(feed, model), catalog[Update.roleText(role)]]
        case .grantCochairTerm(let feed): return catalog[.confirmGrantCochair, memberName(feed, model)]
        case .admit(let feed, _): return catalog[.confirmAdmit, memberName(feed, model)]
        case .decideAmendment(_, true, _): return catalog[.confirmAcceptAmendment]
        case .decideAmendment(_, false, let reason): return catalog[.confirmRejectAmendment, reason ?? ""]
        case .setDraftStatus(_, let status): return catalog[.confirmDraftStatus, catalog[Update.statusText(status.rawValue)]]
        case .meeting(let effect): return MeetingScreensView.question(effect, model)
        case .library(let effect): return LibraryScreensView.question(effect, model)
        case .report(let effect): return ReportView.question(effect, model)
        default: return ""
        }
    }

    private static func pollTitle(_ id: String, _ model: Model) -> String {
        for screen in model.screens.reversed() {
            if case .poll(let poll) = screen, poll.id == id, let title = poll.detail?.summary.title { return title.terminalSafe }
        }
        return String(id.prefix(8))
    }

    /// The member's name as the screens below show it (members list, an election's candidates).
    private static func memberName(_ feed: String, _ model: Model) -> String {
        for screen in model.screens.reversed() {
            switch screen {
            case .members(let list):
                if let member = list.items.first(where: { $0.feed == feed }) { return (member.name ?? String(feed.prefix(8))).terminalSafe }
            case .poll(let poll):
                let people = (poll.detail?.candidates ?? []) + (poll.detail?.eligible ?? [])
                if let person = people.first(where: { $0.feed == feed }) { return person.name.terminalSafe }
            default: break
            }
        }
        return String(feed.prefix(8))
    }
}

import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

extension Update {
    static func pollsKey(_ key: Key, _ list: inout ListState<PollSummary>, _ model: inout Model) -> [Effect] {
        if navigate(key, &list, rows: model.contentRows) {
            model.screen = .polls(list)
            return []
        }
        if isOpen(key), let poll = list.current {
            model.screens.append(.poll(PollState(id: poll.id)))
            return [.loadPoll(id: poll.id)]
        }
        return key.name == "left" || key.name == "h" ? goBack(&model) : []
    }

    static func pollKey(_ key: Key, _ poll: inout PollState, _ model: inout Model) -> [Effect] {
        defer { if case .poll = model.screen { model.screen = .poll(poll) } }
        guard let detail = poll.detail, let id = EntityID(hex: poll.id) else { return [] }
        if var dialog = poll.voting { return voteKey(key, &dialog, detail, id, &poll) }
        if let row = poll.nominating { return nominateKey(key, row, detail, id, &poll) }
        switch key.name {
        case "v", "enter":
            guard !detail.summary.closed else { return refuseOnClosed(poll, &model) }
            poll.voting = VoteDialog()
            poll.voting?.typingReason = detail.summary.kind == PollKind.silence.rawValue
        case "C":
            guard model.moderates, !detail.summary.closed else { return [] }
            return [.closePoll(id: poll.id)]
        case "N":
            guard !detail.summary.closed else { return refuseOnClosed(poll, &model) }
            guard detail.seat != nil, !nominees(detail).isEmpty else { return [] }
            poll.nominating = 0
        case "a":
            guard !detail.summary.closed else { return refuseOnClosed(poll, &model) }
            guard detail.candidates.contains(where: { $0.feed == model.me && !$0.accepted }) else { return [] }
            return [.acceptNomination(poll: poll.id)]
        case "g":
            guard model.isSecretariat, let elected = detail.cochairGrantDue else { return [] }
            return [.grantCochairTerm(feed: elected)]
        case "left", "h":
            return goBack(&model)
        default:
            scrollPoll(key, detail, &poll, model)
        }
        return []
    }

    /// The arrows and paging keys scroll a poll too long for the screen.
    static func scrollPoll(_ key: Key, _ detail: PollDetail, _ poll: inout PollState, _ model: Model) {
        let bottom = PollView.maximumScroll(detail, model)
        let page = max(1, model.contentRows - 2)
        switch key.name {
        case "up", "k": poll.scroll -= 1
        case "down", "j": poll.scroll += 1
        case "pgup": poll.scroll -= page
        case "pgdown", "space": poll.scroll += page
        case "home": poll.scroll = 0
        case "end": poll.scroll = bottom
        default: return
        }
        poll.scroll = max(0, min(poll.scroll, bottom))
    }

    /// A ballot, nomination or acceptance on a closed poll would never count: say so, in the
    /// words the actions layer refuses with, rather than doing nothing.
    static func refuseOnClosed(_ poll: PollState, _ model: inout Model) -> [Effect] {
        model.flash = model.catalog[.errorPrefix, model.catalog.text(ActionError.pollClosed(poll: String(poll.id.prefix(8))).phrase)]
        return []
    }

    static func voteKey(_ key: Key, _ dialog: inout VoteDialog, _ detail: PollDetail, _ id: EntityID, _ poll: inout PollState) -> [Effect] {
        let kind = PollKind(rawValue: detail.summary.kind) ?? .single
        if key == .escape {
            poll.voting = nil
            return []
        }
        if dialog.typingReason {
            if key == .enter {
                let reason = dialog.reason.text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { return [] }
                poll.voting = nil
                if kind == .silence { return [.vote(poll: poll.id, Ballot(reason: reason, objection: true))] }
                return [.vote(poll: poll.id, Ballot(position: .block, reason: reason))]
            }
            _ = dialog.reason.handle(key)
            poll.voting = dialog
            return []
        }
        if kind == .proposal {
            let positions = Position.allCases
            switch key.name {
            case "up", "k": dialog.position = max(0, dialog.position - 1)
            case "down", "j": dialog.position = min(positions.count - 1, dialog.position + 1)
            case "enter":
                if positions[dialog.position] == .block {
                    dialog.typingReason = true
                } else {
                    poll.voting = nil
                    return [.vote(poll: poll.id, Ballot(position: positions[dialog.position]))]
                }
            default: break
            }
            poll.voting = dialog
            return []
        }
        if key == .enter {
            let options = dialog.text.text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }.map { $0 - 1 }
            guard !options.isEmpty else { return [] }
            if kind == .election {
                let standing = detail.candidates.filter(\.accepted)
                let chosen = options.filter(standing.indices.contains).compactMap { FeedID(hex: standing[$0].feed) }
                guard chosen.count == options.count else { return [] }
                poll.voting = nil
                return [.vote(poll: poll.id, Ballot(candidates: chosen))]
            }
            poll.voting = nil
            return [.vote(poll: poll.id, Ballot(options: options))]
        }
        _ = dialog.text.handle(key)
        poll.voting = dialog
        return []
    }

    /// Those who hold the seat's role and are not yet candidates.
    static func nominees(_ detail: PollDetail) -> [Candidate] {
        let standing = Set(detail.candidates.map(\.feed))
        return detail.eligible.filter { !standing.contains($0.feed) }
    }

    static func nominateKey(_ key: Key, _ row: Int, _ detail: PollDetail, _ id: EntityID, _ poll: inout PollState) -> [Effect] {
        let choices = nominees(detail)
        switch key.name {
        case "up", "k": poll.nominating = max(0, row - 1)
        case "down", "j": poll.nominating = min(max(0, choices.count - 1), row + 1)
        case "enter":
            poll.nominating = nil
            guard choices.indices.contains(row), let feed = FeedID(hex: choices[row].feed) else { return [] }
            return [.nominate(poll: poll.id, nominee: feed.hex)]
        default:
            if key == .escape { poll.nominating = nil }
        }
        return []
    }

    static func kindText(_ kind: String) -> TextKey {
        switch PollKind(rawValue: kind) ?? .single {
        case .proposal: .pollKindProposal
        case .single: .pollKindSingle
        case .multiple: .pollKindMultiple
        case .ranked: .pollKindRanked
        case .silence: .pollKindSilence
        case .election: .pollKindElection
        }
    }

    static func positionText(_ position: Position) -> TextKey {
        switch position {
        case .agree: .positionAgree
        case .abstain: .positionAbstain
        case .disagree: .positionDisagree
        case .block: .positionBlock
        }
    }
}

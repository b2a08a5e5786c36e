import Foundation
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
        switch key.name {
        case "v", "enter":
            guard !detail.summary.closed else { return [] }
            poll.voting = VoteDialog()
            poll.voting?.typingReason = detail.summary.kind == PollKind.silence.rawValue
        case "C":
            guard model.moderates, !detail.summary.closed else { return [] }
            return [.closePoll(id: poll.id)]
        case "left", "h":
            return goBack(&model)
        default: break
        }
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
                if kind == .silence { return [.vote(PollVote(poll: id, reason: reason, objection: true))] }
                return [.vote(PollVote(poll: id, position: .block, reason: reason))]
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
                    return [.vote(PollVote(poll: id, position: positions[dialog.position]))]
                }
            default: break
            }
            poll.voting = dialog
            return []
        }
        if key == .enter {
            let options = dialog.text.text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }.map { $0 - 1 }
            guard !options.isEmpty else { return [] }
            poll.voting = nil
            return [.vote(PollVote(poll: id, options: options))]
        }
        _ = dialog.text.handle(key)
        poll.voting = dialog
        return []
    }

    static func kindText(_ kind: String) -> TextKey {
        switch PollKind(rawValue: kind) ?? .single {
        case .proposal: .pollKindProposal
        case .single: .pollKindSingle
        case .multiple: .pollKindMultiple
        case .ranked: .pollKindRanked
        case .silence: .pollKindSilence
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

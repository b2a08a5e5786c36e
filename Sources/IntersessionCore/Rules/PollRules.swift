/// What makes a poll and a ballot well-formed.
public enum PollRules {
    static func isValid(_ poll: PollCreate) -> Bool {
        guard ContentCheck.isTitle(poll.title), poll.text.utf8.count <= Limits.postBodyBytes, !poll.electorate.isEmpty,
            poll.options.allSatisfy(ContentCheck.isTitle)
        else { return false }
        switch poll.kind {
        case .proposal, .silence: return poll.options.isEmpty && poll.seat == nil
        case .election: return poll.options.isEmpty && poll.seat != nil
        case .single, .multiple, .ranked: return (2...50).contains(poll.options.count) && poll.seat == nil
        }
    }

    /// The ballot's choice as stored (canonical JSON), or nil when it does not fit the poll.
    static func choice(_ vote: PollVote, in poll: PollCreate) -> String? {
        let inRange = vote.options.allSatisfy { poll.options.indices.contains($0) }
        let distinct = Set(vote.options).count == vote.options.count
        var json: JSONValue
        guard poll.kind == .election || vote.candidates.isEmpty else { return nil }
        switch poll.kind {
        case .proposal:
            guard !vote.objection, let position = vote.position, vote.options.isEmpty else { return nil }
            // A block is a principled objection: it must say why.
            if position == .block, (vote.reason ?? "").trimmingWhitespace.isEmpty { return nil }
            json = ["position": .string(position.rawValue)]
        case .silence:
            guard vote.objection, let reason = vote.reason, !reason.trimmingWhitespace.isEmpty else { return nil }
            json = ["objection": true]
        case .single:
            guard vote.options.count == 1, inRange else { return nil }
            json = ["options": .array(vote.options.map { .int(Int64($0)) })]
        case .multiple, .ranked:
            guard !vote.options.isEmpty, inRange, distinct else { return nil }
            json = ["options": .array(vote.options.map { .int(Int64($0)) })]
        case .election:
            // Whether each is a candidate is decided at the tally, inside the close's frontier.
            guard vote.options.isEmpty, vote.position == nil, (1...50).contains(vote.candidates.count),
                Set(vote.candidates).count == vote.candidates.count
            else { return nil }
            json = ["candidates": .array(vote.candidates.map { .string($0.hex) })]
        }
        if let reason = vote.reason, !reason.isEmpty {
            guard ContentCheck.isBody(reason) else { return nil }
            json = .object((json.objectValue ?? [:]).merging(["reason": .string(reason)]) { $1 })
        }
        return String(decoding: CanonicalJSON.encode(json), as: UTF8.self)
    }
}

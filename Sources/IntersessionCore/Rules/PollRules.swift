/// What makes a poll and a ballot well-formed.
public enum PollRules {
    static func isValid(_ poll: PollCreate) -> Bool {
        guard ContentCheck.isTitle(poll.title), poll.text.utf8.count <= Limits.postBodyBytes, !poll.electorate.isEmpty,
            poll.options.allSatisfy(ContentCheck.isTitle)
        else { return false }
        switch poll.kind {
        case .proposal, .silence: return poll.options.isEmpty
        case .single, .multiple, .ranked: return (2...50).contains(poll.options.count)
        }
    }

    /// The ballot's choice as stored (canonical JSON), or nil when it does not fit the poll.
    static func choice(_ vote: PollVote, in poll: PollCreate) -> String? {
        let inRange = vote.options.allSatisfy { poll.options.indices.contains($0) }
        let distinct = Set(vote.options).count == vote.options.count
        var json: JSONValue
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
        }
        if let reason = vote.reason, !reason.isEmpty {
            guard ContentCheck.isBody(reason) else { return nil }
            json = .object((json.objectValue ?? [:]).merging(["reason": .string(reason)]) { $1 })
        }
        return String(decoding: CanonicalJSON.encode(json), as: UTF8.self)
    }
}

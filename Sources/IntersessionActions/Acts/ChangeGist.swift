import IntersessionCore

/// One line per op of a change, enough for a person to recognise what they signed and post it
/// again: the op's type and the words it carried. The words come from a signed change, so the
/// front end escapes them before printing.
public enum ChangeGist {
    public static func lines(of change: SignedChange) -> [String] {
        change.body.ops.map { "seq \(change.seq): " + gist(of: $0) }
    }

    static func gist(of op: Op) -> String {
        switch op {
        case .threadCreate(let thread): "\(op.type) “\(clipped(thread.title))”: \(clipped(thread.body))"
        case .postCreate(let post): "\(op.type) in thread \(post.thread.short): \(clipped(post.body))"
        case .postEdit(let edit): "\(op.type) of post \(edit.post.short): \(clipped(edit.body))"
        case .postRetract(let retract): "\(op.type) of post \(retract.post.short)"
        case .pollCreate(let poll): "\(op.type) “\(clipped(poll.title))”"
        case .pollVote(let vote): "\(op.type) in poll \(vote.poll.short)"
        case .memberProfile(let profile): "\(op.type) \(clipped(profile.name)) (\(clipped(profile.organisation)))"
        default: op.type
        }
    }

    /// The first line of a text, at most 72 characters.
    static func clipped(_ text: String) -> String {
        let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return line.count > 72 ? String(line.prefix(71)) + "…" : line
    }
}

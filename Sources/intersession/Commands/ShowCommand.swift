import ArgumentParser
import IntersessionCore
import IntersessionStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A thread as a reply tree; its posts are marked read.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A thread id prefix.") var thread: String
    @Flag(help: "Leave the posts unread.") var keepUnread = false

    func run() throws {
        try profile.reportingErrors {
            let (store, key) = try profile.open(readOnly: keepUnread)
            let id = try store.resolve(thread, as: .thread)
            let moderator = try store.canModerate(key.feed)
            let detail = try store.thread(id).redacted(forModerator: moderator)
            if !keepUnread { try store.markThreadRead(id) }
            if output.json { return try Output.json(detail) }
            let flags = (detail.thread.pinned ? "  [pinned]" : "") + (detail.thread.locked ? "  [locked]" : "")
            var lines: [String] = []
            defer { Output.lines(lines) }
            lines.append("\(Output.name(detail.thread.title))  [\(detail.topicKey)]  \(Output.short(detail.thread.id))\(flags)")
            for post in detail.posts {
                let indent = String(repeating: "  ", count: post.depth)
                let who = "\(post.authorName.map(Output.name) ?? Output.short(post.author)) (\(Output.name(post.organisation)))"
                let edited = post.edits > 0 ? " (edited)" : ""
                lines.append("")
                lines.append("\(indent)\(Output.short(post.id))  \(who)  \(Output.time(post.created))\(edited)")
                if post.retracted {
                    lines.append("\(indent)  [retracted by the author]")
                    continue
                }
                if let reason = post.hiddenReason {
                    lines.append("\(indent)  [hidden by the co-chairs: \(reason)]")
                    if !moderator { continue }
                }
                if let mark = post.mark { lines.append("\(indent)  [the chair's \(mark)]") }
                if let quote = post.quote {
                    for line in quote.linesAsSplit { lines.append("\(indent)  > \(line)") }
                }
                for line in post.body.linesAsSplit { lines.append("\(indent)  \(line)") }
            }
        }
    }
}

import ArgumentParser
import IntersessionCore

struct ModHideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hide", abstract: "Hide a post from members, with the reason they see.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A post id prefix.") var post: String
    @Option(help: "The reason shown instead of the post.") var reason: String

    func run() throws {
        try runReportingErrors {
            let reason = try TextCheck.title(reason)
            let id = try Moderate.post(post, profile)
            try Moderate.sign(.hide(post: id, reason: reason), about: [id], profile: profile)
            Output.line("Hid \(id.short): \(reason)")
        }
    }
}

struct ModUnhideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unhide", abstract: "Show a hidden post again.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A post id prefix.") var post: String

    func run() throws {
        try runReportingErrors {
            let id = try Moderate.post(post, profile)
            try Moderate.sign(.unhide(post: id), about: [id], profile: profile)
            Output.line("Unhid \(id.short).")
        }
    }
}

struct ModMarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark", abstract: "Mark a post as the chair's summary or decision.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A post id prefix.") var post: String
    @Option(name: .customLong("as"), help: "summary, decision or none.") var mark: String

    func run() throws {
        try runReportingErrors {
            guard mark == "none" || PostMark(rawValue: mark) != nil else { throw InputError("--as must be summary, decision or none") }
            let id = try Moderate.post(post, profile)
            try Moderate.sign(.mark(post: id, mark: PostMark(rawValue: mark)), about: [id], profile: profile)
            Output.line("Marked \(id.short) as \(mark).")
        }
    }
}

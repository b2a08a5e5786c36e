import ArgumentParser
import Foundation
import IntersessionCore

struct ModHideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hide", abstract: "Hide a post from members, with the reason they see.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A post id prefix.") var post: String
    @Option(help: "The reason shown instead of the post.") var reason: String

    func run() throws {
        try profile.reportingErrors {
            let id = try Moderate.post(post, profile) { .hide(post: $0, reason: reason) }
            Output.line("Hid \(id.short): \(reason.trimmingCharacters(in: .whitespaces))")
        }
    }
}

struct ModUnhideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unhide", abstract: "Show a hidden post again.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A post id prefix.") var post: String

    func run() throws {
        try profile.reportingErrors {
            let id = try Moderate.post(post, profile) { .unhide(post: $0) }
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
        try profile.reportingErrors {
            guard mark == "none" || PostMark(rawValue: mark) != nil else { throw InputError("markKind") }
            let id = try Moderate.post(post, profile) { .mark(post: $0, mark: PostMark(rawValue: mark)) }
            Output.line("Marked \(id.short) as \(mark).")
        }
    }
}

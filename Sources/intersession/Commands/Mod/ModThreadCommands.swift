import ArgumentParser
import Foundation
import IntersessionCore

struct ModLockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock", abstract: "Lock a thread: replies this profile has seen stay, later ones are refused.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        // The act puts in the frontier of this replica.
        try profile.reportingErrors { Output.line("Locked \(try Moderate.thread(thread, profile) { .lock(thread: $1, frontier: [:]) }.short).") }
    }
}

struct ModUnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock a thread.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        try profile.reportingErrors { Output.line("Unlocked \(try Moderate.thread(thread, profile) { .unlock(thread: $1) }.short).") }
    }
}

struct ModPinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pin", abstract: "Pin a thread at the top of its topic.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        try profile.reportingErrors { Output.line("Pinned \(try Moderate.thread(thread, profile) { .pin(thread: $1, pinned: true) }.short).") }
    }
}

struct ModUnpinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unpin", abstract: "Unpin a thread.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        try profile.reportingErrors { Output.line("Unpinned \(try Moderate.thread(thread, profile) { .pin(thread: $1, pinned: false) }.short).") }
    }
}

struct ModMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a thread to another topic.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String
    @Argument(help: "A topic key or id prefix.") var topic: String

    func run() throws {
        try profile.reportingErrors {
            let id = try Moderate.thread(thread, profile) { actions, id in .move(thread: id, topic: try actions.resolveTopic(topic)) }
            Output.line("Moved \(id.short) to \(topic).")
        }
    }
}

struct ModRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a thread.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String
    @Option(help: "The new title.") var title: String

    func run() throws {
        try profile.reportingErrors {
            let id = try Moderate.thread(thread, profile) { .rename(thread: $1, title: title) }
            Output.line("Renamed \(id.short): \(title.trimmingCharacters(in: .whitespaces))")
        }
    }
}

import ArgumentParser
import IntersessionCore

struct ModLockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock", abstract: "Lock a thread: replies this profile has seen stay, later ones are refused.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        try runReportingErrors {
            let id = try Moderate.thread(thread, profile)
            let (store, _) = try profile.open(readOnly: true)
            let frontier = try store.frontier()
            try Moderate.sign(.lock(thread: id, frontier: frontier), about: [id], profile: profile, dependsOn: frontier)
            Output.line("Locked \(id.short).")
        }
    }
}

struct ModUnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock a thread.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        try runReportingErrors { try Moderate.onThread(thread, profile, { .unlock(thread: $0) }, done: { "Unlocked \($0.short)." }) }
    }
}

struct ModPinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pin", abstract: "Pin a thread at the top of its topic.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        try runReportingErrors { try Moderate.onThread(thread, profile, { .pin(thread: $0, pinned: true) }, done: { "Pinned \($0.short)." }) }
    }
}

struct ModUnpinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unpin", abstract: "Unpin a thread.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String

    func run() throws {
        try runReportingErrors { try Moderate.onThread(thread, profile, { .pin(thread: $0, pinned: false) }, done: { "Unpinned \($0.short)." }) }
    }
}

struct ModMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a thread to another topic.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A thread id prefix.") var thread: String
    @Argument(help: "A topic key or id prefix.") var topic: String

    func run() throws {
        try runReportingErrors {
            let id = try Moderate.thread(thread, profile)
            let (store, _) = try profile.open(readOnly: true)
            guard let topicID = EntityID(hex: try store.resolve(topic, as: .topic)) else { throw InputError("no topic \(topic)") }
            try Moderate.sign(.move(thread: id, topic: topicID), about: [id, topicID], profile: profile)
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
        try runReportingErrors {
            let title = try TextCheck.title(title)
            let id = try Moderate.thread(thread, profile)
            try Moderate.sign(.rename(thread: id, title: title), about: [id], profile: profile)
            Output.line("Renamed \(id.short): \(title)")
        }
    }
}

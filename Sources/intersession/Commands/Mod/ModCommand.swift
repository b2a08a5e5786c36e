import ArgumentParser
import IntersessionCore
import IntersessionStore

struct ModCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mod", abstract: "Moderation by the co-chairs and the secretariat, and the audit log.",
        subcommands: [ModLogCommand.self, ModHideCommand.self, ModUnhideCommand.self, ModMarkCommand.self, ModLockCommand.self,
                      ModUnlockCommand.self, ModPinCommand.self, ModUnpinCommand.self, ModMoveCommand.self, ModRenameCommand.self])
}

/// Signs one moderation op about `entity`, after checking that this profile may moderate.
enum Moderate {
    static func sign(_ action: Moderation.Action, about entities: [EntityID], profile: ProfileOptions,
                     dependsOn extra: [FeedID: Int64] = [:]) throws {
        let (store, key) = try profile.openForWriting()
        guard try store.canModerate(key.feed) else { throw InputError("only the co-chairs and the secretariat moderate") }
        _ = try store.author(ops: [.moderation(Moderation(action))], references: entities, key: key, now: Clock.now(), dependsOn: extra)
    }

    /// Resolves the thread, signs the action about it, and says what was done.
    static func onThread(_ typed: String, _ profile: ProfileOptions, _ action: (EntityID) -> Moderation.Action,
                         done: (EntityID) -> String) throws {
        let id = try thread(typed, profile)
        try sign(action(id), about: [id], profile: profile)
        Output.line(done(id))
    }

    static func post(_ typed: String, _ profile: ProfileOptions) throws -> EntityID {
        let (store, _) = try profile.open(readOnly: true)
        guard let id = EntityID(hex: try store.resolve(typed, as: .post)) else { throw InputError("no post matches \"\(typed)\"") }
        return id
    }

    static func thread(_ typed: String, _ profile: ProfileOptions) throws -> EntityID {
        let (store, _) = try profile.open(readOnly: true)
        guard let id = EntityID(hex: try store.resolve(typed, as: .thread)) else { throw InputError("no thread matches \"\(typed)\"") }
        return id
    }
}

struct ModLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Every moderation and membership act, refused attempts and forks: who, when, why.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReportingErrors {
            let (store, _) = try profile.open(readOnly: true)
            let entries = try store.auditLog()
            if output.json { return try Output.json(entries) }
            for entry in entries {
                let who = entry.actorName ?? Output.short(entry.actor)
                let status = entry.counted ? "" : "  [did not count]"
                Output.line("\(Output.time(entry.time))  \(Output.pad(who, 20)) \(Output.pad(entry.action, 14)) \(entry.targetName ?? Output.short(entry.target))  \(entry.detail ?? "")\(status)")
            }
        }
    }
}

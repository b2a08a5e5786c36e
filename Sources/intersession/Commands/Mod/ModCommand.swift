import ArgumentParser
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct ModCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mod", abstract: "Moderation by the co-chairs and the secretariat, and the audit log.",
        subcommands: [ModLogCommand.self, ModHideCommand.self, ModUnhideCommand.self, ModMarkCommand.self, ModLockCommand.self,
                      ModUnlockCommand.self, ModPinCommand.self, ModUnpinCommand.self, ModMoveCommand.self, ModRenameCommand.self])
}

/// Resolves what a moderation command names, signs the act about it, and returns it.
enum Moderate {
    static func post(_ typed: String, _ profile: ProfileOptions, _ action: (EntityID) -> Moderation.Action) throws -> EntityID {
        try profile.act { actions in
            let id = try actions.resolvePost(typed)
            try actions.moderate(action(id))
            return id
        }
    }

    static func thread(_ typed: String, _ profile: ProfileOptions, _ action: (Actions, EntityID) throws -> Moderation.Action) throws -> EntityID {
        try profile.act { actions in
            let id = try actions.resolveThread(typed)
            try actions.moderate(try action(actions, id))
            return id
        }
    }
}

struct ModLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Every moderation and membership act, refused attempts and forks: who, when, why.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
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

import ArgumentParser
import IntersessionCore

/// The commands run most often (by people, scripts and status lines), typed in their plain
/// form, are run without ArgumentParser's parse. That parse reflects over the options of the
/// command tree (`Mirror`) and casts each to protocols, and in a binary that holds all of
/// Foundation each first cast scans every conformance record: about half of `whoami`'s start
/// (issue 14, callgrind). Only the simplest forms are taken here: `--home VALUE`, `--lang en|fr`,
/// `--json`, the command's own flag and its one argument, each at most once. Anything else
/// (help, `--opt=value`, an unknown or repeated option, a value that starts with `-`) is left
/// to ArgumentParser, which gives the same command the same values. `e2e/plain.sh` checks that
/// both ways print the same.
struct PlainInvocation: Equatable {
    var command: String
    var home: String?
    var lang: Language?
    var json = false
    var flag = false
    var argument: String?

    /// What each command accepts here: its own flag, and whether it takes (or needs) its argument.
    struct Shape {
        var flag: String?
        var argument: Bool
        var argumentRequired: Bool
    }

    /// (A switch, not a dictionary: a process's first `Dictionary<String, …>` also costs a scan.)
    static func shape(of command: String) -> Shape? {
        switch command {
        case "whoami", "topics", "members", "sync": Shape(flag: nil, argument: false, argumentRequired: false)
        case "threads": Shape(flag: nil, argument: true, argumentRequired: false)
        case "show": Shape(flag: "--keep-unread", argument: true, argumentRequired: true)
        default: nil
        }
    }

    /// The invocation `arguments` spell, when they are one of the plain forms; nil otherwise.
    static func parse(_ arguments: [String]) -> PlainInvocation? {
        guard let name = arguments.first, let shape = shape(of: name) else { return nil }
        var plain = PlainInvocation(command: name)
        var rest = arguments.dropFirst()
        var seen: [String] = []
        while let word = rest.popFirst() {
            if word.hasPrefix("-") {
                guard !seen.contains(word) else { return nil }
                seen.append(word)
            }
            switch word {
            case "--home", "--lang":
                guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                if word == "--home" {
                    plain.home = value
                } else {
                    guard let language = Language(rawValue: value) else { return nil }
                    plain.lang = language
                }
            case "--json":
                plain.json = true
            case _ where word == shape.flag:
                plain.flag = true
            default:
                guard shape.argument, plain.argument == nil, !word.hasPrefix("-"), word != "help" else { return nil }
                plain.argument = word
            }
        }
        if shape.argumentRequired, plain.argument == nil { return nil }
        return plain
    }

    /// The command these values make, as ArgumentParser would have made it.
    func parsed() -> ParsableCommand? {
        var language = LanguageOption()
        language.lang = lang
        var profile = ProfileOptions()
        profile.home = home
        profile.language = language
        var output = OutputOptions()
        output.json = json
        switch command {
        case "whoami":
            var command = WhoAmICommand()
            (command.profile, command.output) = (profile, output)
            return command
        case "topics":
            var command = TopicsCommand()
            (command.profile, command.output) = (profile, output)
            return command
        case "members":
            var command = MembersCommand()
            (command.profile, command.output) = (profile, output)
            return command
        case "sync":
            var command = SyncCommand()
            (command.profile, command.output) = (profile, output)
            (command.folders, command.remotes, command.watch, command.interval) = ([], [], false, SyncCommand.defaultInterval)
            return command
        case "threads":
            var command = ThreadsCommand()
            (command.profile, command.output, command.topic) = (profile, output, argument)
            return command
        case "show":
            guard let argument else { return nil }
            var command = ShowCommand()
            (command.profile, command.output, command.thread, command.keepUnread) = (profile, output, argument, flag)
            return command
        default:
            return nil
        }
    }
}

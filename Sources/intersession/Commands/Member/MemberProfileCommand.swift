import ArgumentParser
import IntersessionCore

struct MemberProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Change your name, delegation or language (--lang, which this command also speaks).")

    @OptionGroup var profile: ProfileOptions
    @Option(help: "Your name.") var name: String?
    @Option(help: "Your delegation.") var org: String?

    func run() throws {
        try profile.reportingErrors {
            let made = try profile.act { try $0.setProfile(name: name, organisation: org, language: profile.lang) }
            Output.line("You are \(made.name) (\(made.organisation)), writing in \(made.language.rawValue).")
        }
    }
}

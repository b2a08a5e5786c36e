import ArgumentParser
import IntersessionCore
import IntersessionStore

struct MemberProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profile", abstract: "Change your name, delegation or language.")

    @OptionGroup var profile: ProfileOptions
    @Option(help: "Your name.") var name: String?
    @Option(help: "Your delegation.") var org: String?
    @Option(help: "Your language: en or fr.") var lang: Language?

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let current = try store.members().first { $0.feed == key.feed.hex }
            let name = try TextCheck.name(name ?? current?.name ?? "", what: "name")
            let org = try TextCheck.name(org ?? current?.organisation ?? "", what: "organisation")
            let language = lang ?? current?.language.flatMap(Language.init(rawValue:)) ?? .en
            _ = try store.author(ops: [.memberProfile(MemberProfile(name: name, organisation: org, language: language))],
                                 references: [], key: key, now: Clock.now())
            Output.line("You are \(name) (\(org)), writing in \(language.rawValue).")
        }
    }
}

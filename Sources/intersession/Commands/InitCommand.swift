import ArgumentParser
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a profile (in --lang, default en) and found a new group, as its secretariat.")

    @OptionGroup var profile: ProfileOptions
    @Option(help: "Your name as the group will see it.") var name: String
    @Option(help: "Your delegation (organisation).") var org: String
    @Option(help: "The group's title (default: the template's).") var group: String?
    @Option(help: "wgec (the nine standing topics of the WCO WGEC) or blank.") var template = "wgec"
    @Flag(name: .customLong("open"), help: "Publish in the clear (a public consultation); a group is sealed by default.")
    var openGroup = false

    func run() throws {
        try profile.reportingErrors {
            guard let bytes = EmbeddedResources.template(named: template) else {
                throw ActionError.unknownTemplate(template, choices: EmbeddedResources.templateNames.joined(separator: ", "))
            }
            let home = profile.profile
            let founder = MemberProfile(name: name, organisation: org, language: profile.lang ?? .en)
            let template = try GroupTemplate(json: Array(bytes))
            let (_, key, genesis) = try profile.makingHome {
                try Membership.found(home: home, template: template, title: group, founder: founder, open: openGroup, now: Clock.now())
            }
            Output.line("Founded the \(openGroup ? "open" : "sealed") group \(genesis.hash.short) in \(home.folder.path.terminalSafe).")
            Output.line("You are \(JoinCommand.trimmed(name)) (\(JoinCommand.trimmed(org))), secretariat, feed \(key.feed.short).")
        }
    }
}

extension Language: ExpressibleByArgument {}

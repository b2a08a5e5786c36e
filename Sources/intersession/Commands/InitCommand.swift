import ArgumentParser
import IntersessionCore
import IntersessionResources
import IntersessionStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a profile and found a new group, as its secretariat.")

    @OptionGroup var profile: ProfileOptions
    @Option(help: "Your name as the group will see it.") var name: String
    @Option(help: "Your delegation (organisation).") var org: String
    @Option(help: "The group's title (default: the template's).") var group: String?
    @Option(help: "wgec (the nine standing topics of the WCO WGEC) or blank.") var template = "wgec"
    @Option(help: "Your language: en or fr.") var lang: Language = .en

    func run() throws {
        try runReportingErrors {
            let name = try TextCheck.name(name, what: "name")
            let org = try TextCheck.name(org, what: "organisation")
            let title = try group.map(TextCheck.title)
            guard let bytes = EmbeddedResources.template(named: template) else {
                throw InputError("unknown template \"\(template)\"; choose \(EmbeddedResources.templateNames.joined(separator: " or "))")
            }
            let template = try GroupTemplate(json: Array(bytes))
            let home = profile.profile
            let founder = MemberProfile(name: name, organisation: org, language: lang)
            let (_, key, genesis) = try home.found(template: template, title: title, founder: founder, now: Clock.now())
            Output.line("Founded the group \(genesis.hash.short) in \(home.folder.path).")
            Output.line("You are \(name) (\(org)), secretariat, feed \(key.feed.short).")
        }
    }
}

extension Language: ExpressibleByArgument {}

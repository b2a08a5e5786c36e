import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

/// The effects of the welcome screen (making or opening a profile) and of the language key.
extension EffectRunner {
    func runProfileEffect(_ effect: Effect) throws -> [Message] {
        switch effect {
        case .createProfile(let name, let organisation):
            let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
            let language = LanguageChoice.resolve(flag: nil, profile: nil, environment: environment)
            let made = try Membership.found(home: home,
                template: template, title: nil,
                founder: MemberProfile(name: name, organisation: organisation, language: language), now: clock())
            session = Session(home: home, store: made.store, key: made.key)
            return [ready()]
        case .joinProfile(let path, let name):
            let invite = try InviteFile.read(path: path)
            let language = LanguageChoice.resolve(flag: nil, profile: nil, environment: environment)
            _ = try Membership.join(
                invite, home: home, profile: MemberProfile(name: name, organisation: invite.organisation, language: language),
                folder: nil, now: clock())
            session = try Session.open(home)
            return [ready()]
        case .openDemo:
            let workspace = DemoWorkspace(folder: demoFolder)
            let content = try workspace.prepare(now: clock())
            session = try Session.open(workspace.home(content.peers.last!.home))
            return [ready()]
        case .setLanguage(let language):
            guard let session else { return [] }
            var config = ProfileConfig.load(from: session.home.configURL)
            config["lang"] = language.rawValue
            try config.save(to: session.home.configURL)
            return []
        default:
            return []
        }
    }

    private func ready() -> Message {
        .profileReady(me: session?.key.feed.hex ?? "", groupTitles: session?.groupTitles ?? LocalizedText(english: nil, french: nil))
    }
}

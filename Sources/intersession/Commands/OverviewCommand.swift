import ArgumentParser
import IntersessionStore

/// What `intersession` alone prints: the group at a glance, or how to start.
struct OverviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview", abstract: "The group at a glance: topics with unread counts.")

    @OptionGroup var profile: ProfileOptions

    func run() throws {
        try profile.reportingErrors {
            guard profile.profile.exists else {
                Output.line("Welcome to Intersession. No profile in \(profile.profile.folder.path) yet.")
                Output.line("  Found a group:  intersession init --name NAME --org ORG")
                Output.line("  See them all:   intersession --help")
                return
            }
            let store = try profile.openStore()
            let group = try store.groupSummary()
            let language = profile.messageLanguage
            Output.line((language == .fr ? group.titleFrench : group.titleEnglish) ?? group.titleEnglish ?? "")
            for topic in try store.topics() {
                let unread = topic.unread > 0 ? "\(topic.unread) unread" : ""
                Output.line("  \(Output.pad(topic.key, 16)) \(Output.pad(topic.title(in: language), 48)) \(unread)")
            }
        }
    }
}

import ArgumentParser
import Foundation
import IntersessionActions

/// `practice attach`: a file on a practice, as `attachment add --to` the practice puts it.
struct PracticeAttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "Attach a file to a practice (its submitter, or the secretariat).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The practice (an id prefix).") var practice: String
    @Argument(help: "The file to attach (at most 50 MiB).") var file: String
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { actions in try actions.attach(file: file, to: try actions.resolvePractice(practice).hex) }
            if json { return try IDOutput.print(id, json: true) }
            Output.line("attached \(Output.short(id.hex)) to practice \(Output.short(practice)): \(Output.name(URL(fileURLWithPath: file).lastPathComponent)) (its parts go to the folders at the next sync)")
        }
    }
}

import ArgumentParser
import IntersessionActions
import IntersessionCore

/// A practice's id and `--json`, shared by the workflow's steps.
struct PracticeStepOptions: ParsableArguments {
    @Argument(help: "A practice id prefix.") var practice: String
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    /// Takes the step `work` signs, as `profile`, and prints the new step's id.
    func take(as profile: ProfileOptions, _ work: (Actions, String) throws -> EntityID) throws {
        try profile.reportingErrors {
            try IDOutput.print(try profile.act { try work($0, practice) }, json: json)
        }
    }
}

struct PracticeReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "The secretariat's review of a submitted practice: reviewed, or --return it to its draft.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var step: PracticeStepOptions
    @Flag(name: .customLong("return"), help: "Send it back to its submitter as a draft.") var sendBack = false
    @Option(help: "Why (with --return).") var note: String?

    func run() throws {
        try step.take(as: profile) { try $0.takeStep(sendBack ? .return : .review, of: $1, note: note) }
    }
}

struct PracticeOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a reviewed practice for the group's comments (secretariat, co-chairs).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var step: PracticeStepOptions

    func run() throws {
        try step.take(as: profile) { try $0.takeStep(.open, of: $1) }
    }
}

struct PracticeEndorseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endorse", abstract: "Endorse a practice open for comments (co-chairs), optionally through a poll or silence procedure.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var step: PracticeStepOptions
    @Option(help: "The poll (or silence procedure) that reached it, by id prefix.") var poll: String?

    func run() throws {
        try step.take(as: profile) { try $0.takeStep(.endorse, of: $1, poll: poll) }
    }
}

struct PracticePublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish an endorsed practice in an edition (secretariat), at its current version.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var step: PracticeStepOptions
    @Option(help: "The edition, by id prefix or title.") var edition: String

    func run() throws {
        try step.take(as: profile) { try $0.takeStep(.publish, of: $1, edition: edition) }
    }
}

struct PracticeWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw your practice (it takes no further step).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var step: PracticeStepOptions

    func run() throws {
        try step.take(as: profile) { try $0.takeStep(.withdraw, of: $1) }
    }
}

struct PracticeSupersedeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supersede", abstract: "Mark an endorsed or published practice superseded by a newer one (secretariat, co-chairs).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var step: PracticeStepOptions
    @Option(help: "The newer practice, by id prefix.") var by: String

    func run() throws {
        try step.take(as: profile) { try $0.takeStep(.supersede, of: $1, newer: by) }
    }
}

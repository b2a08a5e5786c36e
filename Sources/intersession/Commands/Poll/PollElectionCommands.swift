import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionActions
import IntersessionStore

struct PollNominateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nominate", abstract: "Nominate a candidate for an election's seat (yourself when no member is named).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An election's id prefix.") var poll: String
    @Option(help: "The nominee's feed id prefix; they must accept.") var member: String?

    func run() throws {
        try profile.reportingErrors {
            let (nomination, nominee, me, id) = try profile.act { actions in
                let made = try actions.nominate(for: poll, nominee: member)
                return (made.nomination, made.nominee, actions.me, try actions.resolvePoll(poll))
            }
            if nominee == me {
                Output.line("You stand for \(id.short).")
            } else {
                Output.line("Nominated \(nominee.short) for \(id.short) (nomination \(nomination.short)); they must accept it.")
            }
        }
    }
}

struct PollAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept your nomination for an election's seat.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An election's id prefix.") var poll: String

    func run() throws {
        try profile.reportingErrors {
            let (accepted, id) = try profile.act { actions in (try actions.acceptNomination(for: poll), try actions.resolvePoll(poll)) }
            if accepted.alreadyStanding { return Output.line("You already stand for \(id.short).") }
            Output.line("You accepted the nomination by \(accepted.nominatedBy) and stand for \(id.short).")
        }
    }
}

/// How an election's candidates print.
enum ElectionOutput {
    static func candidates(_ detail: PollDetail, seat: String) {
        Output.line("seat: \(seat)")
        if detail.candidates.isEmpty { Output.line("  no candidates yet") }
        for candidate in detail.candidates {
            let standing = candidate.accepted ? "" : "  (awaiting acceptance)"
            let by = candidate.nominatedBy == candidate.name ? "self-nominated" : "nominated by \(candidate.nominatedBy)"
            Output.line("  \(Output.short(candidate.feed))  \(Output.pad(candidate.label, 36)) \(by)\(standing)")
        }
    }
}

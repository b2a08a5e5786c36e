import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct PollNominateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nominate", abstract: "Nominate a candidate for an election's seat (yourself when no member is named).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An election's id prefix.") var poll: String
    @Option(help: "The nominee's feed id prefix; they must accept.") var member: String?

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            guard let id = EntityID(hex: try store.resolve(poll, as: .poll)) else { throw InputError("no poll matches \(poll)") }
            let nominee = try member.map { try MemberTarget.resolve($0, in: store) }
            let feed = nominee?.feed ?? key.feed
            let change = try store.author(
                ops: [.pollNominate(PollNominate(poll: id, nominee: feed))], references: [id], key: key, now: Clock.now(),
                dependsOn: nominee.map { [$0.feed: $0.head] }?.filter { $0.value > 0 } ?? [:])
            if feed == key.feed {
                Output.line("You stand for \(id.short).")
            } else {
                Output.line("Nominated \(feed.short) for \(id.short) (nomination \(change.entity(0).short)); they must accept it.")
            }
        }
    }
}

struct PollAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept your nomination for an election's seat.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An election's id prefix.") var poll: String

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let pollID = try store.resolve(poll, as: .poll)
            let detail = try store.poll(pollID)
            guard let mine = detail.candidates.first(where: { $0.feed == key.feed.hex }) else {
                throw InputError("no one has nominated you for \(Output.short(pollID))")
            }
            guard !mine.accepted else { return Output.line("You already stand for \(Output.short(pollID)).") }
            guard let nomination = EntityID(hex: mine.nomination) else { throw InputError("no such nomination") }
            _ = try store.author(ops: [.pollAccept(PollAccept(nomination: nomination))], references: [nomination], key: key, now: Clock.now())
            Output.line("You accepted the nomination by \(mine.nominatedBy) and stand for \(Output.short(pollID)).")
        }
    }
}

/// Turning what was typed into an election's candidate.
enum ElectionInput {
    /// A standing candidate by feed id prefix, or by name (case-insensitive, unique prefix).
    static func candidate(_ typed: String, in detail: PollDetail) throws -> FeedID {
        guard detail.seat != nil else { throw InputError("--candidate is for elections") }
        let standing = detail.candidates.filter(\.accepted)
        let needle = typed.lowercased()
        var matches = standing.filter { $0.feed.hasPrefix(needle) || $0.name.lowercased() == needle }
        if matches.isEmpty { matches = standing.filter { $0.name.lowercased().hasPrefix(needle) } }
        guard matches.count == 1, let feed = FeedID(hex: matches[0].feed) else {
            let names = standing.map(\.name).joined(separator: ", ")
            throw InputError(matches.isEmpty ? "\"\(typed)\" is not a candidate (standing: \(names.isEmpty ? "no one yet" : names))"
                                             : "\"\(typed)\" matches several candidates")
        }
        return feed
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

import IntersessionCore
import IntersessionStore

/// What a poll shows of one's own ballot, and while it is open, the outcome as things stand,
/// as the store counted it with the core's tallies (never recounted here). A hidden tally
/// stays hidden: the store gives no result, and no standing line is drawn; one's own ballot is
/// one's own to see.
enum BallotLines {
    static func lines(_ detail: PollDetail, _ model: Model, _ theme: Theme) -> [(String, Style)] {
        let catalog = model.catalog
        var lines: [(String, Style)] = []
        if let ballot = detail.ownBallot {
            let key: TextKey = ballot.counts ? .ballotYours : .ballotLate
            lines.append((catalog[key, describe(ballot, catalog)], theme.accent))
        } else if !detail.summary.closed {
            lines.append((catalog[.ballotNone], theme.meta))
        }
        if !detail.summary.closed, let standing = standing(detail, catalog) {
            lines.append((standing, theme.accent))
        }
        return lines
    }

    private static func describe(_ ballot: OwnBallot, _ catalog: Catalog) -> String {
        if ballot.objection { return catalog[.ballotObjection, ballot.reason ?? ""] }
        if let position = ballot.position.flatMap(Position.init(rawValue:)) {
            return catalog[Update.positionText(position)]
        }
        return ballot.choices.joined(separator: " › ")
    }

    private static func standing(_ detail: PollDetail, _ catalog: Catalog) -> String? {
        guard let result = detail.result else { return nil }
        if result.blocked == true { return catalog[.standingBlocked] }
        if let adopted = result.adopted { return catalog[adopted ? .standingAdopted : .standingNotAdopted] }
        guard !result.winners.isEmpty else { return nil }
        return catalog[.standingLeading, result.winners.joined(separator: ", ")]
    }
}

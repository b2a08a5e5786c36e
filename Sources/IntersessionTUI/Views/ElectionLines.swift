import IntersessionCore
import IntersessionStore

/// An election's part of the poll screen: the seat, the candidates numbered as the ballot counts
/// them (those awaiting acceptance after, unnumbered), and the nomination picker.
enum ElectionLines {
    static func lines(_ detail: PollDetail, _ model: Model, _ theme: Theme) -> [(String, Style)] {
        let catalog = model.catalog
        var lines: [(String, Style)] = [(catalog[detail.seat == Seat.private.rawValue ? .pollSeatPrivate : .pollSeatAdministration], theme.accent)]
        if detail.candidates.isEmpty { lines.append((catalog[.pollNoCandidates], theme.meta)) }
        let standing = detail.candidates.filter(\.accepted)
        let awaiting = detail.candidates.filter { !$0.accepted }
        for (index, candidate) in standing.enumerated() {
            var line = "\(index + 1). " + candidate.label + "  — " + nomination(candidate, catalog)
            if let count = detail.result?.counts[candidate.label] { line += "  — " + model.formats.number(count) }
            lines.append((line, theme.normal))
        }
        for candidate in awaiting {
            lines.append(("   " + candidate.label + "  — " + nomination(candidate, catalog) + ", " + catalog[.pollAwaitingAcceptance], theme.meta))
        }
        if !detail.summary.closed { lines.append((catalog[.pollElectionKeys], theme.meta)) }
        return lines
    }

    static func nomination(_ candidate: Candidate, _ catalog: Catalog) -> String {
        candidate.nominatedBy == candidate.name ? catalog[.pollSelfNominated] : catalog[.pollNominatedBy, candidate.nominatedBy]
    }

    static func renderPicker(_ row: Int, _ detail: PollDetail, _ model: Model, _ theme: Theme, _ area: Rect,
                             _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let choices = Update.nominees(detail).map(\.label)
        let picker = Picker(heading: model.catalog[.pollNominatePrompt], choices: choices, chosen: row, style: theme.status,
                            headingStyle: theme.status.adding(.bold), chosenStyle: theme.selected)
        let box = Layout.bottom(choices.count + 1, of: area)
        buffer.render(picker, in: box)
        return model.plain ? picker.cursor(in: box) : nil
    }
}

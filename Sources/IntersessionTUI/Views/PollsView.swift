import IntersessionStore

/// The polls, newest first, with their kind, status and how many voted.
enum PollsView {
    static func render(_ list: ListState<PollSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.pollsEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height {
            let index = list.offset + row
            guard list.items.indices.contains(index) else { break }
            let poll = list.items[index]
            let selected = index == list.selected
            let style = selected ? theme.selected : (poll.closed ? theme.meta : theme.normal)
            if selected { buffer.fillRow(row, in: area, style: style) }
            let status = poll.closed ? model.catalog[.pollClosed]
                : poll.deadline < model.now ? model.catalog[.pollDeadlinePassed]
                : model.catalog[.pollOpenUntil, model.formats.date(poll.deadline, now: model.now)]
            let right = model.catalog[Update.kindText(poll.kind)] + " · " + model.catalog.count(poll.voters, .pollVotedOne, .pollVoted, formats: model.formats)
                + " · " + status
            let rightWidth = right.cellWidth + 1
            let marker = model.plain ? (selected ? "> " : "  ") : "  "
            buffer.write((marker + poll.title).truncated(to: max(1, area.width - rightWidth - 1)), x: 0, row: row, in: area, style: style)
            buffer.write(right, x: max(0, area.width - rightWidth), row: row, in: area, style: style)
            if selected { cursor = (area.x, area.y + row) }
        }
        return model.plain ? cursor : nil
    }
}

import IntersessionStore

/// The polls, newest first, with their kind, status and how many voted.
enum PollsView {
    static func render(_ list: ListState<PollSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.pollsEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var widget = List(list, height: area.height, theme: theme, plain: model.plain) { poll in
            let status = poll.closed ? model.catalog[.pollClosed]
                : poll.deadline < model.now ? model.catalog[.pollDeadlinePassed]
                : model.catalog[.pollOpenUntil, model.formats.date(poll.deadline, now: model.now)]
            let right = model.catalog[Update.kindText(poll.kind)] + " · " + model.catalog.count(poll.voters, .pollVotedOne, .pollVoted, formats: model.formats)
                + " · " + status
            let style = poll.closed ? theme.meta : theme.normal
            return List.Row((model.plain ? "" : "  ") + poll.title, trailing: right, style: style, trailingStyle: style)
        }
        widget.minimumLeading = 12
        buffer.render(widget, in: area)
        return model.plain ? widget.cursor(in: area) : nil
    }
}

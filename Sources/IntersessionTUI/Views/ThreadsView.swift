import IntersessionStore

/// A topic's threads by latest activity: unread mark, title, author, date, counts.
enum ThreadsView {
    static func render(_ topic: TopicSummary, _ list: ListState<ThreadSummary>, _ model: Model, _ theme: Theme, _ area: Rect,
                       _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.noThreads], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        let widget = List(list, height: area.height, theme: theme, plain: model.plain) { thread in
            let marker = model.plain ? PlainMarks.unread(thread.unread > 0, model.catalog) : (thread.unread > 0 ? " ● " : "   ")
            var right = model.formats.date(thread.lastActivity, now: model.now) + "  "
                + model.catalog.count(thread.posts, .postCountOne, .postCount, formats: model.formats)
            if thread.unread > 0 { right += " · " + model.catalog.count(thread.unread, .unreadCountOne, .unreadCount, formats: model.formats) }
            var flags = ""
            if thread.pinned { flags += "[" + model.catalog[.pinned] + "] " }
            if thread.locked { flags += "[" + model.catalog[.lockedMark] + "] " }
            let author = thread.authorName ?? String(thread.author.prefix(8))
            return List.Row(marker + flags + thread.title + "  (" + author + ")", trailing: right,
                            style: thread.unread > 0 ? theme.unread : theme.normal, trailingStyle: theme.meta)
        }
        buffer.render(widget, in: area)
        return model.plain ? widget.cursor(in: area) : nil
    }
}

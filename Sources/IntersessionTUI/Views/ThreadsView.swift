import IntersessionStore

/// A topic's threads by latest activity: unread mark, title, author, date, counts.
enum ThreadsView {
    static func render(_ topic: TopicSummary, _ list: ListState<ThreadSummary>, _ model: Model, _ theme: Theme, _ area: Rect,
                       _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.noThreads], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height {
            let index = list.offset + row
            guard list.items.indices.contains(index) else { break }
            let thread = list.items[index]
            let selected = index == list.selected
            let base = selected ? theme.selected : (thread.unread > 0 ? theme.unread : theme.normal)
            if selected { buffer.fillRow(row, in: area, style: base) }
            let marker = model.plain ? (selected ? "> " : "  ") + PlainMarks.unread(thread.unread > 0, model.catalog) : (thread.unread > 0 ? " ● " : "   ")
            var right = model.formats.date(thread.lastActivity, now: model.now) + "  "
                + model.catalog.count(thread.posts, .postCountOne, .postCount, formats: model.formats)
            if thread.unread > 0 { right += " · " + model.catalog.count(thread.unread, .unreadCountOne, .unreadCount, formats: model.formats) }
            let author = thread.authorName ?? String(thread.author.prefix(8))
            let rightWidth = right.cellWidth + 1
            var flags = ""
            if thread.pinned { flags += "[" + model.catalog[.pinned] + "] " }
            if thread.locked { flags += "[" + model.catalog[.lockedMark] + "] " }
            let left = marker + flags + thread.title + "  (" + author + ")"
            if area.width - rightWidth > 24 {
                buffer.write(left.truncated(to: area.width - rightWidth - 1), x: 0, row: row, in: area, style: base)
                buffer.write(right, x: area.width - rightWidth, row: row, in: area, style: selected ? base : theme.meta)
            } else {
                buffer.write((marker + thread.title).truncated(to: area.width), x: 0, row: row, in: area, style: base)
            }
            if selected { cursor = (area.x, area.y + row) }
        }
        return model.plain ? cursor : nil
    }
}

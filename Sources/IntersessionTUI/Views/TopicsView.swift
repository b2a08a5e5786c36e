import IntersessionStore

/// The group's topics, with thread and unread counts.
enum TopicsView {
    static func render(_ list: ListState<TopicSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.noTopics], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height {
            let index = list.offset + row
            guard list.items.indices.contains(index) else { break }
            let topic = list.items[index]
            let selected = index == list.selected
            let base = selected ? theme.selected : (topic.unread > 0 ? theme.unread : theme.normal)
            if selected { buffer.fillRow(row, in: area, style: base) }
            var counts = model.catalog.count(topic.threads, .topicThreadsOne, .topicThreads, formats: model.formats)
            if topic.unread > 0 { counts += " · " + model.catalog.count(topic.unread, .unreadCountOne, .unreadCount, formats: model.formats) }
            let marker = model.plain ? (selected ? "> " : "  ") + PlainMarks.unread(topic.unread > 0, model.catalog) : (topic.unread > 0 ? " ● " : "   ")
            let countsWidth = counts.cellWidth + 1
            let titleWidth = max(0, area.width - marker.cellWidth - countsWidth - 1)
            buffer.write(marker + topic.title(in: model.language).truncated(to: titleWidth), x: 0, row: row, in: area, style: base)
            buffer.write(counts, x: max(0, area.width - countsWidth), row: row, in: area, style: selected ? base : theme.meta)
            if selected { cursor = (area.x, area.y + row) }
        }
        return model.plain ? cursor : nil
    }
}

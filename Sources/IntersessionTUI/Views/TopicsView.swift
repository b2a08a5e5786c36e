import IntersessionStore

/// The group's topics, with thread and unread counts.
enum TopicsView {
    static func render(_ list: ListState<TopicSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.noTopics], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        let widget = List(list, height: area.height, theme: theme, plain: model.plain) { topic in
            var counts = model.catalog.count(topic.threads, .topicThreadsOne, .topicThreads, formats: model.formats)
            if topic.unread > 0 { counts += " · " + model.catalog.count(topic.unread, .unreadCountOne, .unreadCount, formats: model.formats) }
            let marker = model.plain ? PlainMarks.unread(topic.unread > 0, model.catalog) : (topic.unread > 0 ? " ● " : "   ")
            return List.Row(marker + topic.title(in: model.language), trailing: counts, style: topic.unread > 0 ? theme.unread : theme.normal,
                            trailingStyle: theme.meta)
        }
        buffer.render(widget, in: area)
        return model.plain ? widget.cursor(in: area) : nil
    }
}

/// The moderation menu over a thread, or the reason prompt when hiding a post.
enum ModerationView {
    static func render(_ thread: ThreadState, _ menu: ModerationMenu, _ model: Model, _ theme: Theme, _ area: Rect,
                       _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if let choice = menu.topicChoice {
            let topics = model.topics
            let height = min(area.height, topics.count + 2)
            let width = min(area.width, max(30, (topics.map { $0.title(in: model.language).cellWidth }.max() ?? 0) + 6))
            let box = Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2),
                           width: width, height: height)
            buffer.fill(box, style: theme.status)
            buffer.write(" " + model.catalog[.moderationMove], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
            for (index, topic) in topics.enumerated() where index + 1 < box.height {
                let style = index == choice ? theme.selected : theme.status
                buffer.write((index == choice ? " > " : "   ") + topic.title(in: model.language), x: 0, row: index + 1, in: box, style: style)
            }
            return nil
        }
        if let reason = menu.reason {
            let prompt = model.catalog[menu.prompt == .title ? .moderationNewTitle : .moderationReason]
            let row = Rect(x: area.x, y: area.y + area.height - 1, width: area.width, height: 1)
            buffer.fill(row, style: theme.status)
            buffer.write(prompt, x: 1, row: 0, in: row, style: theme.status.adding(.bold))
            let field = Rect(x: row.x + 1 + prompt.cellWidth, y: row.y, width: max(0, row.width - prompt.cellWidth - 2), height: 1)
            return EditorView.render(reason, field, theme.status, &buffer)
        }
        let choices = Update.moderationChoices(thread).map { ($0.key, model.catalog[$0.text]) }
        let width = min(area.width, max(24, (choices.map { $0.1.cellWidth }.max() ?? 0) + 8))
        let height = min(area.height, choices.count + 2)
        let box = Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2),
                       width: width, height: height)
        buffer.fill(box, style: theme.status)
        buffer.write(" " + model.catalog[.moderationTitle], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
        for (index, choice) in choices.enumerated() where index + 1 < box.height {
            buffer.write(" " + choice.0, x: 0, row: index + 1, in: box, style: theme.status.adding(.bold))
            buffer.write(choice.1, x: 6, row: index + 1, in: box, style: theme.status)
        }
        return nil
    }
}

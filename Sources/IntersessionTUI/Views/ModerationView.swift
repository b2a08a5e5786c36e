/// The moderation menu over a thread, the topic to move it to, or the reason prompt when
/// hiding a post (or the new title when renaming the thread).
enum ModerationView {
    static func render(_ thread: ThreadState, _ menu: ModerationMenu, _ model: Model, _ theme: Theme, _ area: Rect,
                       _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let block = { (title: String) in Block(title: title, style: theme.status, titleStyle: theme.status.adding(.bold)) }
        if let choice = menu.topicChoice {
            let topics = model.topics.map { $0.title(in: model.language) }
            let width = max(30, (topics.map(\.cellWidth).max() ?? 0) + 6, model.catalog[.moderationMove].cellWidth + 6)
            let box = Layout.centred(width: width, height: topics.count + 2, in: area)
            buffer.render(block(model.catalog[.moderationMove]), in: box)
            let picker = Picker(choices: topics, chosen: choice, style: theme.status, chosenStyle: theme.selected)
            let inner = block("").inner(box)
            buffer.render(picker, in: inner)
            return model.plain ? picker.cursor(in: inner) : nil
        }
        if let reason = menu.reason {
            let prompt = model.catalog[menu.prompt == .title ? .moderationNewTitle : .moderationReason]
            let field = Field(prompt, reason, labelStyle: theme.status.adding(.bold), style: theme.status, fill: theme.status)
            return field.render(in: Layout.bottom(1, of: area), into: &buffer)
        }
        let choices = Update.moderationChoices(thread).map { [$0.key, model.catalog[$0.text]] }
        let box = Layout.centred(width: max(24, (choices.map { $0[1].cellWidth }.max() ?? 0) + 10), height: choices.count + 2, in: area)
        var menuBlock = block(model.catalog[.moderationTitle])
        menuBlock.padding = 1
        buffer.render(menuBlock, in: box)
        let inner = menuBlock.inner(box)
        let table = Table(columns: [.init(maximum: 4), .init(maximum: .max)], cells: choices, styles: choices.map { _ in theme.status },
                          total: choices.count, selected: nil, offset: 0, selectedStyle: theme.selected, indicatorStyle: theme.status, plain: false)
        buffer.render(table, in: inner)
        return model.plain && !inner.isEmpty ? (inner.x, inner.y) : nil
    }
}

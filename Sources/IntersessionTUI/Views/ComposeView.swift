/// The built-in editor: a title for a new thread, the quoted passage of a reply, the text.
enum ComposeView {
    static func render(_ compose: ComposeState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        var y = 0
        var cursor: (x: Int, y: Int)?
        let titled: TextKey? = {
            switch compose.kind {
            case .thread: return .fieldTitle
            case .amend: return .fieldRationale
            default: return nil
            }
        }()
        if let titled {
            let label = model.catalog[titled] + " "
            buffer.write(label, x: 1, row: y, in: area, style: theme.accent)
            let field = Rect(x: area.x + 1 + label.cellWidth, y: area.y + y, width: max(0, area.width - label.cellWidth - 2), height: 1)
            let at = EditorView.render(compose.title, field, theme.unread, &buffer)
            if compose.field == .title { cursor = at }
            y += 2
        }
        if case .reply(_, let quote?) = compose.kind {
            for line in WordWrap.lines(quote, width: max(1, area.width - 4)).prefix(4) {
                buffer.write("> " + line, x: 1, row: y, in: area, style: theme.quote)
                y += 1
            }
            y += 1
        }
        let label = model.catalog[.fieldBody]
        buffer.write(label, x: 1, row: y, in: area, style: theme.accent)
        y += 1
        let footer = 2
        let body = Rect(x: area.x + 1, y: area.y + y, width: max(0, area.width - 2), height: max(0, area.height - y - footer))
        let at = EditorView.render(compose.body, body, theme.normal, &buffer)
        if compose.field == .body { cursor = at }
        if let error = compose.error {
            buffer.write(model.catalog[error], x: 1, row: area.height - 2, in: area, style: theme.flash)
        }
        buffer.write(model.catalog[.composeHint].truncated(to: area.width - 2), x: 1, row: area.height - 1, in: area, style: theme.meta)
        return cursor
    }
}

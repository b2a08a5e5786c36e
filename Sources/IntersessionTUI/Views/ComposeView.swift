/// The built-in editor: a title for a new thread (or an amendment's rationale), the quoted
/// passage of a reply, the text, and under it an error and the keys (help among them).
enum ComposeView {
    static func render(_ compose: ComposeState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let titled: TextKey? = {
            switch compose.kind {
            case .thread: return .fieldTitle
            case .amend: return .fieldRationale
            default: return nil
            }
        }()
        var quote: [String] = []
        if case .reply(_, let passage?) = compose.kind { quote = Array(WordWrap.lines(passage, width: max(1, area.width - 4)).prefix(4)) }
        let parts = Layout(.vertical, [.length(titled == nil ? 0 : 2), .length(quote.isEmpty ? 0 : quote.count + 1), .length(1), .fill(minimum: 0),
                                       .length(1), .length(1)]).split(area)
        var cursor: (x: Int, y: Int)?
        if let titled {
            let field = Field(model.catalog[titled] + " ", compose.title, labelStyle: theme.accent, style: theme.unread)
            let at = field.render(in: parts[0], into: &buffer)
            if compose.field == .title { cursor = at }
        }
        buffer.render(ScrollView(lines: quote.map { ("> " + $0, theme.quote) }, scroll: 0, indicatorStyle: theme.meta, indent: 1), in: parts[1])
        buffer.write(model.catalog[.fieldBody], x: 1, row: 0, in: parts[2], style: theme.accent)
        let at = EditorView.render(compose.body, parts[3].inset(horizontal: 1), theme.normal, &buffer)
        if compose.field == .body { cursor = at }
        if let error = compose.error { buffer.write(model.catalog[error], x: 1, row: 0, in: parts[4], style: theme.flash) }
        buffer.write(model.catalog[.composeHint].truncated(to: area.width - 2), x: 1, row: 0, in: parts[5], style: theme.meta)
        return cursor
    }
}

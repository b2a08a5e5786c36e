/// The first screen without a profile: found a group, join one, or open the demo.
enum WelcomeView {
    static func render(_ welcome: WelcomeState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: max(0, area.width - 4), height: max(0, area.height - 1))
        buffer.write(model.catalog[.welcomeTitle], x: 0, row: 0, in: inner, style: theme.accent)
        var row = 2
        let body = WordWrap.lines(model.catalog[.welcomeBody], width: max(1, inner.width))
        // On a small screen the choices matter more than the introduction.
        if row + body.count + 1 + 4 <= inner.height {
            for line in body {
                buffer.write(line, x: 0, row: row, in: inner, style: theme.normal)
                row += 1
            }
            row += 1
        }
        switch welcome.step {
        case .choose:
            let choices: [TextKey] = [.welcomeCreate, .welcomeJoin, .welcomeDemo, .welcomeQuit]
            var cursor: (x: Int, y: Int)?
            for (index, choice) in choices.enumerated() {
                let selected = index == welcome.selected
                let style = selected ? theme.selected : theme.normal
                buffer.write((selected ? "> " : "  ") + model.catalog[choice], x: 0, row: row, in: inner, style: style)
                if selected { cursor = (inner.x, inner.y + row) }
                row += 1
            }
            return model.plain ? cursor : nil
        case .create, .join:
            let fields: [(TextKey, TextEditor)] = welcome.step == .create
                ? [(.fieldName, welcome.name), (.fieldOrganisation, welcome.organisation)]
                : [(.fieldInvite, welcome.invite), (.fieldName, welcome.name)]
            var cursor: (x: Int, y: Int)?
            for (index, field) in fields.enumerated() {
                let label = model.catalog[field.0] + " "
                buffer.write(label, x: 0, row: row, in: inner, style: theme.accent)
                let rect = Rect(x: inner.x + label.cellWidth, y: inner.y + row, width: max(0, inner.width - label.cellWidth), height: 1)
                let at = EditorView.render(field.1, rect, theme.unread, &buffer)
                if index == welcome.field { cursor = at }
                row += 2
            }
            return cursor
        }
    }
}

/// The first screen without a profile: found a group, join one, or open the demo.
enum WelcomeView {
    static func render(_ welcome: WelcomeState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: max(0, area.width - 4), height: max(0, area.height - 1))
        let body = WordWrap.lines(model.catalog[.welcomeBody], width: max(1, inner.width))
        // On a small screen the choices matter more than the introduction.
        let shown = 2 + body.count + 1 + 4 <= inner.height ? body : []
        let parts = Layout(.vertical, [.length(2), .length(shown.isEmpty ? 0 : shown.count + 1), .fill(minimum: 0)]).split(inner)
        buffer.write(model.catalog[.welcomeTitle], x: 0, row: 0, in: parts[0], style: theme.accent)
        buffer.render(ScrollView(lines: shown.map { ($0, theme.normal) }, scroll: 0, indicatorStyle: theme.meta), in: parts[1])
        switch welcome.step {
        case .choose:
            let choices: [TextKey] = [.welcomeCreate, .welcomeJoin, .welcomeDemo, .welcomeQuit]
            let picker = Picker(choices: choices.map { model.catalog[$0] }, chosen: welcome.selected, style: theme.normal,
                                chosenStyle: theme.selected, marker: "> ")
            let box = Layout.top(choices.count, of: parts[2]).top
            buffer.render(picker, in: box)
            return model.plain ? picker.cursor(in: box) : nil
        case .create, .join:
            let fields: [(TextKey, TextEditor)] = welcome.step == .create
                ? [(.fieldName, welcome.name), (.fieldOrganisation, welcome.organisation)]
                : [(.fieldInvite, welcome.invite), (.fieldName, welcome.name)]
            let rows = Layout(.vertical, [.length(2), .length(2)]).split(parts[2])
            var cursor: (x: Int, y: Int)?
            for (index, (label, editor)) in fields.enumerated() {
                let field = Field(model.catalog[label] + " ", editor, labelStyle: theme.accent, style: theme.unread, indent: 0, margin: 0)
                let at = field.render(in: rows[index], into: &buffer)
                if index == welcome.field { cursor = at }
            }
            return cursor
        }
    }
}

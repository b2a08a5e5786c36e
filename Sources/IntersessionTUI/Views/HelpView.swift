/// The key bindings of the current screen, over it.
enum HelpView {
    static func render(_ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) {
        let bindings = Bindings.of(model.screen, moderates: { if case .members = model.screen { return model.isSecretariat } else { return model.moderates } }())
        let lines = bindings.map { ($0.keys, model.catalog[$0.text]) }
        let keyWidth = (lines.map { $0.0.cellWidth }.max() ?? 0) + 2
        let width = min(area.width, max(30, keyWidth + (lines.map { $0.1.cellWidth }.max() ?? 0) + 4))
        let height = min(area.height, lines.count + 2)
        let box = Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2),
                       width: width, height: height)
        buffer.fill(box, style: theme.status)
        buffer.write(" " + model.catalog[.helpTitle], x: 0, row: 0, in: box, style: theme.status.adding(.bold))
        for (index, line) in lines.enumerated() where index + 1 < box.height - 1 || box.height <= 2 {
            buffer.write(" " + line.0, x: 0, row: index + 1, in: box, style: theme.status.adding(.bold))
            buffer.write(line.1, x: keyWidth + 1, row: index + 1, in: box, style: theme.status)
        }
    }
}

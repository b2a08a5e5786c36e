/// The key bindings of the current screen, in a box over it; it scrolls when the screen is
/// too small to hold them all, with the position in its last row.
enum HelpView {
    /// The lines at this inner width: each binding's keys, then its text, wrapped under itself
    /// when it is too long (nothing is cut).
    static func lines(_ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        let bindings = ordered(Bindings.of(model))
        let keyWidth = min(max(1, width / 2), (bindings.map(\.label.cellWidth).max() ?? 0) + 2)
        var lines: [(String, Style)] = []
        for binding in bindings {
            let text = WordWrap.lines(model.catalog[binding.help], width: max(1, width - keyWidth))
            let label = binding.label.cellWidth < keyWidth ? binding.label.padded(to: keyWidth) : binding.label + " "
            lines.append((label + (text.first ?? ""), theme.status))
            for more in text.dropFirst() { lines.append((String(repeating: " ", count: keyWidth) + more, theme.status)) }
        }
        lines.append(("", theme.status))
        for line in WordWrap.lines(model.catalog[.helpDismiss], width: max(1, width)) { lines.append((line, theme.status.adding(.dim))) }
        return lines
    }

    /// Going back and quitting first: at 80×24 they are in view without scrolling.
    static func ordered(_ bindings: [Binding]) -> [Binding] {
        let first: Set<TextKey> = [.helpBack, .helpQuit, .helpHelp]
        let leads = { (binding: Binding) in first.contains(binding.help) && binding != Bindings.back }
        return bindings.filter(leads) + bindings.filter { !leads($0) }
    }

    /// The box: as wide as the widest binding and as high as the lines, within the content area.
    static func box(_ model: Model, _ area: Rect) -> Rect {
        let bindings = Bindings.of(model)
        let keyWidth = (bindings.map(\.label.cellWidth).max() ?? 0) + 2
        let widest = max(bindings.map { keyWidth + model.catalog[$0.help].cellWidth }.max() ?? 0, model.catalog[.helpTitle].cellWidth + 2,
                         model.catalog[.helpDismiss].cellWidth)
        let width = min(area.width, widest + 4)
        let rows = lines(model, Theme.make(colors: false), width: max(1, width - 4)).count
        let height = min(area.height, rows + 2)
        return Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
    }

    static func area(_ model: Model) -> Rect {
        View.contentArea(width: model.width, height: model.height, statusRows: Chrome.statusRows(model))
    }

    /// Rows of text the box shows at the model's size, for paging.
    static func textRows(_ model: Model) -> Int {
        let inner = Block().inner(box(model, area(model))).inset(horizontal: 1)
        return ScrollView.textRows(lines: lines(model, Theme.make(colors: false), width: inner.width).count, height: inner.height)
    }

    static func maximumScroll(_ model: Model) -> Int {
        let inner = Block().inner(box(model, area(model))).inset(horizontal: 1)
        return ScrollView.maximumScroll(lines: lines(model, Theme.make(colors: false), width: inner.width).count, height: inner.height)
    }

    static func render(_ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let box = box(model, area)
        let block = Block(title: model.catalog[.helpTitle], style: theme.status, titleStyle: theme.status.adding(.bold))
        buffer.render(block, in: box)
        let inner = block.inner(box).inset(horizontal: 1)
        let lines = lines(model, theme, width: inner.width)
        buffer.render(ScrollView(lines: lines, scroll: model.helpScroll, indicatorStyle: theme.status.adding(.bold)), in: inner)
        return model.plain ? (inner.x, inner.y) : nil
    }
}

/// The question before an irreversible act, in a box over the screen, and how to answer it.
/// The cursor goes on the question, so a screen reader reads it out.
enum ConfirmView {
    static func render(_ confirmation: Confirmation, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let width = min(area.width, max(40, min(64, confirmation.question.cellWidth + 4)))
        let question = WordWrap.lines(confirmation.question, width: max(1, width - 4))
        let hint = WordWrap.lines(model.catalog[.confirmHint], width: max(1, width - 4))
        let height = min(area.height, question.count + hint.count + 3)
        let box = Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        let block = Block(title: model.catalog[.confirmTitle], style: theme.flash, titleStyle: theme.flash.adding(.bold))
        buffer.render(block, in: box)
        let inner = block.inner(box).inset(horizontal: 1)
        let lines = question.map { ($0, theme.flash.adding(.bold)) } + [("", theme.flash)] + hint.map { ($0, theme.flash) }
        buffer.render(ScrollView(lines: lines, scroll: 0, indicatorStyle: theme.flash), in: inner)
        return model.plain && !inner.isEmpty ? (inner.x, inner.y) : nil
    }
}

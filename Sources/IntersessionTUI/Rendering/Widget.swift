/// Something that draws itself into a rectangle of a buffer, and only there: a widget clips
/// to `area` and never reads or writes outside it. Widgets are values built by `view` each
/// frame, so they hold what they draw, not references to the model.
public protocol Widget {
    func render(in area: Rect, into buffer: inout Buffer)
}

extension Buffer {
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area, into: &self)
    }
}

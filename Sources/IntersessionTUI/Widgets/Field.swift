/// A label and the text being typed after it, in one row: a prompt (a version's name, a
/// rejection's reason, a search) or a dialog's field. The caret is the terminal cursor.
public struct Field: Sendable {
    public var label: String
    public var editor: TextEditor
    public var labelStyle: Style
    public var style: Style
    /// The whole row's style, when the field stands out as a bar.
    public var fill: Style?
    /// Columns before the label, and after the field.
    public var indent: Int
    public var margin: Int

    public init(_ label: String, _ editor: TextEditor, labelStyle: Style, style: Style, fill: Style? = nil, indent: Int = 1, margin: Int = 1) {
        self.label = label
        self.editor = editor
        self.labelStyle = labelStyle
        self.style = style
        self.fill = fill
        self.indent = indent
        self.margin = margin
    }

    /// Where the text goes in a row: after the label.
    public func textArea(_ row: Rect) -> Rect {
        let start = indent + label.cellWidth
        return Rect(x: row.x + start, y: row.y, width: max(0, row.width - start - margin), height: min(1, row.height))
    }

    /// Draws the field in the first row of `area`; returns where the caret is.
    @discardableResult
    public func render(in area: Rect, into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(buffer.area)
        guard !row.isEmpty else { return nil }
        if let fill { buffer.fill(row, style: fill) }
        buffer.write(label, x: indent, row: 0, in: row, style: labelStyle)
        return EditorView.render(editor, textArea(row), style, &buffer)
    }
}

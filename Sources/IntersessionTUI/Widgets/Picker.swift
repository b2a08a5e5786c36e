/// A choice among a few, under an optional heading: each choice a row, the chosen one marked
/// ` > ` and highlighted, scrolled into view (a `List`, so a long one shows its position).
/// The cursor goes on the chosen row, for screen readers.
public struct Picker: Widget, Sendable {
    public var heading: String?
    public var choices: [String]
    public var chosen: Int
    public var style: Style
    public var headingStyle: Style
    public var chosenStyle: Style
    /// The marker's columns: ` > ` in a panel, `> ` at a screen's margin.
    public var marker: String

    public init(heading: String? = nil, choices: [String], chosen: Int, style: Style, headingStyle: Style? = nil, chosenStyle: Style,
                marker: String = " > ") {
        self.heading = heading
        self.choices = choices
        self.chosen = chosen
        self.style = style
        self.headingStyle = headingStyle ?? style
        self.chosenStyle = chosenStyle
        self.marker = marker
    }

    /// The rows the choices take in `area` (below the heading).
    func choicesArea(_ area: Rect) -> Rect {
        let top = heading == nil ? 0 : 1
        return Rect(x: area.x, y: area.y + top, width: area.width, height: area.height - top)
    }

    func list(height: Int) -> List {
        let blank = String(repeating: " ", count: marker.count)
        let offset = max(0, min(chosen - height + 1, choices.count - height))
        let rows = choices.indices.dropFirst(offset).prefix(max(0, height)).map { index in
            List.Row((index == chosen ? marker : blank) + choices[index], style: style)
        }
        return List(rows: Array(rows), total: choices.count, selected: choices.indices.contains(chosen) ? chosen : nil, offset: offset,
                    selectedStyle: chosenStyle, indicatorStyle: style, plain: false)
    }

    /// The chosen row, where its marker's `>` is.
    public func cursor(in area: Rect) -> (x: Int, y: Int)? {
        let rows = choicesArea(area)
        let lead = marker.prefix { $0 == " " }.count
        return list(height: rows.height).cursor(in: rows).map { (min($0.x + lead, rows.right - 1), $0.y) }
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        buffer.fill(area.intersection(buffer.area), style: style)
        if let heading {
            buffer.write(" " + heading, x: 0, row: 0, in: area, style: headingStyle)
        }
        let rows = choicesArea(area)
        buffer.render(list(height: rows.height), in: rows)
    }
}

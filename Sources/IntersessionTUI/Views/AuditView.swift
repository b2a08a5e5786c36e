import IntersessionStore

/// The audit log: every moderation and membership act, refused attempts (and why, in words)
/// and forks. Wide, a table whose act column is never cut; narrow (below `tableWidth`), each
/// entry on two lines: when, who and what they did whole, then to what.
enum AuditView {
    /// The narrowest screen the table fits with every act whole in French.
    static let tableWidth = 80

    static func render(_ list: ListState<AuditEntry>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.auditEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        return area.width >= tableWidth ? renderTable(list, model, theme, area, &buffer) : renderLines(list, model, theme, area, &buffer)
    }

    /// When, who, what (in words), and to what or why it was refused.
    static func cells(_ entry: AuditEntry, _ model: Model) -> [String] {
        // A refused act's target is the rules' reason code.
        var last = entry.counted || entry.isFork ? entry.targetName ?? String(entry.target.prefix(8)) : model.catalog.rejection(entry.target)
        if let detail = entry.detail { last += "  " + detail }
        if !entry.counted { last += "  (" + model.catalog[.auditRefused] + ")" }
        return [model.formats.date(entry.time, now: model.now), entry.actorName ?? String(entry.actor.prefix(8)), model.catalog.act(entry.action), last]
    }

    static func renderTable(_ list: ListState<AuditEntry>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let window = list.window(rows: area.height)
        let entries = list.items[window]
        let cells = entries.map { entry -> [String] in
            var row = Self.cells(entry, model)
            row[0] = (model.plain ? "" : "  ") + row[0]
            return row
        }
        let table = Table(columns: [.init(maximum: 20, whole: true), .init(maximum: 18), .init(maximum: .max, whole: true), .init(maximum: .max)], cells: cells,
                          styles: entries.map { $0.counted ? theme.normal : theme.meta }, total: list.items.count,
                          selected: list.items.isEmpty ? nil : list.selected, offset: window.lowerBound, selectedStyle: theme.selected,
                          indicatorStyle: theme.meta, plain: model.plain)
        buffer.render(table, in: area)
        return model.plain ? List(rows: cells.map { List.Row($0.first ?? "") }, total: list.items.count, selected: list.selected,
                                  offset: window.lowerBound, selectedStyle: theme.selected, indicatorStyle: theme.meta, plain: true)
            .cursor(in: area) : nil
    }

    /// Two lines an entry: the act keeps its words whole however narrow the screen.
    static func renderLines(_ list: ListState<AuditEntry>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        // Only the entries around the selection are built: two lines each, a screenful.
        let first = max(0, min(list.selected - max(0, area.height / 4), list.items.count - (area.height + 1) / 2))
        let window = first..<min(list.items.count, first + area.height)
        let lines = window.flatMap { index -> [ItemList.Line] in
            let entry = list.items[index]
            let cells = Self.cells(entry, model)
            let style = entry.counted ? theme.normal : theme.meta
            let act = cells[2]
            let lead = (cells[0] + "  " + cells[1]).truncated(to: max(0, area.width - ItemList.margin - act.cellWidth - 2))
            return [.init(lead + "  " + act, style: style, item: index), .init(("   " + cells[3]).truncated(to: max(0, area.width - ItemList.margin)), style: theme.meta, item: index)]
        }
        let items = ItemList(lines: lines, selected: list.selected, barStyle: theme.selected, plain: model.plain)
        buffer.render(items, in: area)
        return model.plain ? items.cursor(in: area) : nil
    }
}

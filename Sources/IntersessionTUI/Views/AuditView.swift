import IntersessionStore

/// The audit log: every moderation and membership act, refused attempts and forks, as a table.
enum AuditView {
    static func render(_ list: ListState<AuditEntry>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.auditEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        let window = list.window(rows: area.height)
        let entries = list.items[window]
        let cells = entries.map { entry -> [String] in
            var last = entry.targetName ?? String(entry.target.prefix(8))
            if let detail = entry.detail { last += "  " + detail }
            if !entry.counted { last += "  (" + model.catalog[.auditRefused] + ")" }
            return [(model.plain ? "" : "  ") + model.formats.date(entry.time, now: model.now), entry.actorName ?? String(entry.actor.prefix(8)),
                    model.catalog.act(entry.action), last]
        }
        let table = Table(columns: [.init(maximum: 20), .init(maximum: 18), .init(maximum: 28), .init(maximum: .max)], cells: cells,
                          styles: entries.map { $0.counted ? theme.normal : theme.meta }, total: list.items.count,
                          selected: list.items.isEmpty ? nil : list.selected, offset: window.lowerBound, selectedStyle: theme.selected,
                          indicatorStyle: theme.meta, plain: model.plain)
        buffer.render(table, in: area)
        return model.plain ? List(rows: cells.map { List.Row($0.first ?? "") }, total: list.items.count, selected: list.selected,
                                  offset: window.lowerBound, selectedStyle: theme.selected, indicatorStyle: theme.meta, plain: true)
            .cursor(in: area) : nil
    }
}

import IntersessionStore

/// The audit log: every moderation and membership act, refused attempts and forks.
enum AuditView {
    static func render(_ list: ListState<AuditEntry>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + model.catalog[.auditEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height {
            let index = list.offset + row
            guard list.items.indices.contains(index) else { break }
            let entry = list.items[index]
            let selected = index == list.selected
            let style = selected ? theme.selected : (entry.counted ? theme.normal : theme.meta)
            if selected { buffer.fillRow(row, in: area, style: style) }
            let who = entry.actorName ?? String(entry.actor.prefix(8))
            let marker = model.plain ? (selected ? "> " : "  ") : "  "
            let target = entry.targetName ?? String(entry.target.prefix(8))
            let when = model.formats.date(entry.time, now: model.now)
            var line = marker + when + "  " + who
            line += "  " + model.catalog.act(entry.action) + "  " + target
            if let detail = entry.detail { line += "  " + detail }
            if !entry.counted { line += "  (" + model.catalog[.auditRefused] + ")" }
            buffer.write(line.truncated(to: area.width), x: 0, row: row, in: area, style: style)
            if selected { cursor = (area.x, area.y + row) }
        }
        return model.plain ? cursor : nil
    }
}

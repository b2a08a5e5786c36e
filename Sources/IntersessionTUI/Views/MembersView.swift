import IntersessionCore
import IntersessionStore

/// The people of the group: name, delegation, roles, when last seen.
enum MembersView {
    static func render(_ list: ListState<MemberSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height {
            let index = list.offset + row
            guard list.items.indices.contains(index) else { break }
            let member = list.items[index]
            let selected = index == list.selected
            let style = selected ? theme.selected : theme.normal
            if selected { buffer.fillRow(row, in: area, style: style) }
            let marker = model.plain ? (selected ? "> " : "  ") : "  "
            var right = member.roles.compactMap(Role.init(rawValue:)).map { model.catalog[Update.roleText($0)] }.joined(separator: ", ")
            for (role, until) in member.terms.sorted(by: { $0.key < $1.key }) {
                let name = Role(rawValue: role).map { model.catalog[Update.roleText($0)] } ?? role
                right += "  " + model.catalog[.termUntil, name, model.formats.date(until, now: model.now)]
            }
            if let seen = member.lastSeen { right += "  " + model.catalog[.memberLastSeen, model.formats.ago(seen, now: model.now, catalog: model.catalog)] }
            if member.contestedInvite != nil { right += "  " + model.catalog[.memberContested] }
            if let frozen = member.frozenFrom { right += "  " + model.catalog[.memberFrozen, frozen] }
            let name = (member.name ?? String(member.feed.prefix(8))) + " — " + (member.organisation ?? "")
            let rightWidth = right.cellWidth + 1
            buffer.write((marker + name).truncated(to: max(1, area.width - rightWidth - 1)), x: 0, row: row, in: area, style: style)
            buffer.write(right, x: max(0, area.width - rightWidth), row: row, in: area, style: selected ? style : theme.meta)
            if selected { cursor = (area.x, area.y + row) }
        }
        return model.plain ? cursor : nil
    }
}

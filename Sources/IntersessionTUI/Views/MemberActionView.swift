import IntersessionCore

/// The secretariat's dialog over the members screen: a role to grant or revoke, a removal to
/// confirm, or an invite to write.
enum MemberActionView {
    static func render(_ action: MemberAction, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let who = action.member.map { $0.name ?? String($0.feed.prefix(8)) } ?? ""
        let title: String
        switch action.kind {
        case .grant: title = model.catalog[.memberGrant, who]
        case .revoke: title = model.catalog[.memberRevoke, who]
        case .remove: title = model.catalog[.memberRemove, who]
        case .invite: title = model.catalog[.memberInvite]
        }
        let showsRoles = action.kind != .remove
        let height = min(area.height, showsRoles ? Role.allCases.count + (action.kind == .invite ? 6 : 3) : 3)
        let width = min(area.width, max(40, title.cellWidth + 4))
        let box = Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2),
                       width: width, height: height)
        buffer.fill(box, style: theme.status)
        for (index, line) in WordWrap.lines(title, width: max(1, box.width - 2)).prefix(2).enumerated() {
            buffer.write(" " + line, x: 0, row: index, in: box, style: theme.status.adding(.bold))
        }
        guard showsRoles else { return nil }
        var row = 1
        var cursor: (x: Int, y: Int)?
        if action.kind == .invite {
            let fields: [(TextKey, TextEditor)] = [(.fieldInviteeName, action.name), (.fieldInviteeOrg, action.organisation)]
            for (index, field) in fields.enumerated() {
                let label = " " + model.catalog[field.0] + " "
                buffer.write(label, x: 0, row: row, in: box, style: theme.status.adding(.bold))
                let rect = Rect(x: box.x + label.cellWidth, y: box.y + row, width: max(0, box.width - label.cellWidth - 1), height: 1)
                let at = EditorView.render(field.1, rect, theme.status, &buffer)
                if action.field == index { cursor = at }
                row += 1
            }
            let label = " " + model.catalog[.fieldInviteOut] + " "
            buffer.write(label, x: 0, row: box.height - 1, in: box, style: theme.status.adding(.bold))
            let rect = Rect(x: box.x + label.cellWidth, y: box.y + box.height - 1, width: max(0, box.width - label.cellWidth - 1), height: 1)
            let at = EditorView.render(action.file, rect, theme.status, &buffer)
            if action.field == 3 { cursor = at }
            buffer.write(" " + model.catalog[.fieldRole], x: 0, row: row, in: box, style: theme.status.adding(.bold))
            row += 1
        }
        for (index, role) in Role.allCases.enumerated() where row < box.height - (action.kind == .invite ? 1 : 0) {
            let chosen = index == action.role
            let style = chosen ? theme.selected : theme.status
            buffer.write((chosen ? " > " : "   ") + model.catalog[Update.roleText(role)], x: 0, row: row, in: box, style: style)
            if chosen, model.plain, cursor == nil || action.field == 2 { cursor = (box.x + 1, box.y + row) }
            row += 1
        }
        return cursor
    }
}

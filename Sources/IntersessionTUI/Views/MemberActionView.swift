import IntersessionCore

/// The secretariat's dialog over the members screen: a role to grant or revoke, a removal to
/// confirm, or an invite to write.
enum MemberActionView {
    static func render(_ action: MemberAction, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        let who = action.member.map { $0.name ?? String($0.feed.prefix(8)) } ?? ""
        let title: String
        switch action.kind {
        case .grant: title = catalog[.memberGrant, who]
        case .revoke: title = catalog[.memberRevoke, who]
        case .remove: title = catalog[.memberRemove, who]
        case .invite: title = catalog[.memberInvite]
        }
        let roles = Picker(choices: Role.allCases.map { catalog[Update.roleText($0)] }, chosen: action.role, style: theme.status,
                           chosenStyle: theme.selected)
        switch action.kind {
        case .remove:
            // The question is long: it goes inside the box, wrapped, rather than in its edge.
            let lines = WordWrap.lines(title, width: max(1, min(area.width, 64) - 4))
            let box = Layout.centred(width: min(64, max(40, title.cellWidth + 4)), height: lines.count + 2, in: area)
            let block = Block(style: theme.status)
            buffer.render(block, in: box)
            let inner = block.inner(box).inset(horizontal: 1)
            buffer.render(ScrollView(lines: lines.map { ($0, theme.status.adding(.bold)) }, scroll: 0, indicatorStyle: theme.status), in: inner)
            return model.plain && !inner.isEmpty ? (inner.x, inner.y) : nil
        case .grant, .revoke:
            let box = Layout.centred(width: max(40, title.cellWidth + 6), height: Role.allCases.count + 2, in: area)
            let block = Block(title: title, style: theme.status, titleStyle: theme.status.adding(.bold))
            buffer.render(block, in: box)
            buffer.render(roles, in: block.inner(box))
            return model.plain ? roles.cursor(in: block.inner(box)) : nil
        case .invite:
            return renderInvite(action, title, roles, model, theme, area, &buffer)
        }
    }

    /// The invite: name, delegation, role, and the file to write, in that order (`field`).
    static func renderInvite(_ action: MemberAction, _ title: String, _ roles: Picker, _ model: Model, _ theme: Theme, _ area: Rect,
                             _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let labels = [TextKey.fieldInviteeName, .fieldInviteeOrg, .fieldRole, .fieldInviteOut].map { " " + model.catalog[$0] + " " }
        let width = max(40, title.cellWidth + 6, (labels.map(\.cellWidth).max() ?? 0) + action.file.text.cellWidth + 4)
        let box = Layout.centred(width: width, height: Role.allCases.count + 6, in: area)
        let block = Block(title: title, style: theme.status, titleStyle: theme.status.adding(.bold))
        buffer.render(block, in: box)
        let rows = Layout(.vertical, [.length(1), .length(1), .length(1), .fill(minimum: 0), .length(1)]).split(block.inner(box))
        let bold = theme.status.adding(.bold)
        let fields = [Field(labels[0], action.name, labelStyle: bold, style: theme.status, indent: 0),
                      Field(labels[1], action.organisation, labelStyle: bold, style: theme.status, indent: 0)]
        var cursor: (x: Int, y: Int)?
        for (index, field) in fields.enumerated() {
            let at = field.render(in: rows[index], into: &buffer)
            if action.field == index { cursor = at }
        }
        buffer.write(labels[2], x: 0, row: 0, in: rows[2], style: bold)
        buffer.render(roles, in: rows[3])
        let at = Field(labels[3], action.file, labelStyle: bold, style: theme.status, indent: 0).render(in: rows[4], into: &buffer)
        if action.field == 3 { cursor = at }
        if model.plain, action.field == 2 { cursor = roles.cursor(in: rows[3]) }
        return cursor
    }
}

import IntersessionCore
import IntersessionStore

/// The people of the group: name, delegation, roles, when last seen.
enum MembersView {
    static func render(_ list: ListState<MemberSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        var widget = List(list, height: area.height, theme: theme, plain: model.plain) { member in
            List.Row((model.plain ? "" : "  ") + (member.name ?? String(member.feed.prefix(8))) + " — " + (member.organisation ?? ""),
                     trailing: details(member, model), style: theme.normal, trailingStyle: theme.meta)
        }
        widget.minimumLeading = 12
        buffer.render(widget, in: area)
        return model.plain ? widget.cursor(in: area) : nil
    }

    /// Roles, terms, when last seen, and what waits on the member.
    static func details(_ member: MemberSummary, _ model: Model) -> String {
        var right = member.roles.compactMap(Role.init(rawValue:)).map { model.catalog[Update.roleText($0)] }.joined(separator: ", ")
        for (role, until) in member.terms.sorted(by: { $0.key < $1.key }) {
            let name = Role(rawValue: role).map { model.catalog[Update.roleText($0)] } ?? role
            right += "  " + model.catalog[.termUntil, name, model.formats.date(until, now: model.now)]
        }
        if let seen = member.lastSeen { right += "  " + model.catalog[.memberLastSeen, model.formats.ago(seen, now: model.now, catalog: model.catalog)] }
        if member.contestedInvite != nil { right += "  " + model.catalog[.memberContested] }
        if let frozen = member.frozenFrom { right += "  " + model.catalog[.memberFrozen, frozen] }
        return right
    }
}

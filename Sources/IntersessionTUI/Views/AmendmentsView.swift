import IntersessionCore
import IntersessionStore

/// The compiled amendments table: for each, the paragraph, the sponsor, the words now and
/// proposed, the rationale, where it stands (support and opposition) or what was decided,
/// competing alternatives.
enum AmendmentsView {
    static func render(_ state: AmendmentsState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        if state.list.loaded, state.list.items.isEmpty {
            buffer.write(" " + model.catalog[.amendmentsEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        let items = ItemList(lines: lines(state, model, theme), selected: state.list.selected, barStyle: theme.accent, plain: model.plain)
        let parts = Layout(.vertical, [.fill(minimum: 0), .length(state.rejecting == nil ? 0 : 1)]).split(area)
        buffer.render(items, in: parts[0])
        if let reason = state.rejecting {
            let field = Field(" " + model.catalog[.amendmentRejectPrompt], reason, labelStyle: theme.status, style: theme.status,
                              fill: theme.status, indent: 0)
            return field.render(in: parts[1], into: &buffer)
        }
        return model.plain ? items.cursor(in: parts[0]) : nil
    }

    static func lines(_ state: AmendmentsState, _ model: Model, _ theme: Theme) -> [ItemList.Line] {
        let catalog = model.catalog
        var lines: [ItemList.Line] = []
        for (index, amendment) in state.list.items.enumerated() {
            let standing = AmendmentStatus(rawValue: amendment.status) ?? .open
            let sponsor = amendment.sponsor + (amendment.sponsorDelegation.map { " (\($0))" } ?? "")
            let header = amendment.paragraph.map {
                catalog[.amendmentHeader, catalog[kindText(amendment.kind)], amendment.number.map(String.init) ?? "#\($0 + 1)", sponsor, status(amendment, catalog)]
            } ?? catalog[.amendmentGone, catalog[kindText(amendment.kind)], sponsor, status(amendment, catalog)]
            lines.append(.init("#\(index + 1) " + header, style: standing == .open ? theme.accent : theme.meta, item: index))
            if !amendment.original.isEmpty { lines.append(.init("   " + catalog[.amendmentNow, amendment.original.firstLine], style: theme.normal, item: index)) }
            if !amendment.text.isEmpty { lines.append(.init("   " + catalog[.amendmentProposed, amendment.text.firstLine], style: theme.unread, item: index)) }
            lines.append(.init("   " + catalog[.amendmentWhy, amendment.rationale.firstLine], style: theme.meta, item: index))
            lines.append(.init("   " + positions(amendment, standing, model), style: standing == .open ? theme.accent : theme.meta, item: index))
            if !amendment.alternatives.isEmpty {
                let others = amendment.alternatives.compactMap { id in state.list.items.firstIndex { $0.id == id }.map { "#\($0 + 1)" } }
                lines.append(.init("   " + catalog[.amendmentAlternatives, others.joined(separator: ", ")], style: theme.flash, item: index))
            }
            lines.append(.init("", style: theme.normal, item: nil))
        }
        return lines
    }

    /// An open amendment's standing outcome, by the core's counting rule; a decided one's
    /// final support and opposition.
    static func positions(_ amendment: AmendmentView, _ standing: AmendmentStatus, _ model: Model) -> String {
        let support = model.formats.number(amendment.tally.support), oppose = model.formats.number(amendment.tally.oppose)
        return standing == .open ? model.catalog[.amendmentStanding, support, oppose] : model.catalog[.amendmentPositions, support, oppose]
    }

    static func status(_ amendment: AmendmentView, _ catalog: Catalog) -> String {
        switch AmendmentStatus(rawValue: amendment.status) ?? .open {
        case .open: catalog[.amendmentOpen]
        case .accepted: catalog[.amendmentAccepted]
        case .rejected: amendment.reason.map { catalog[.labelled, catalog[.amendmentRejected], $0] } ?? catalog[.amendmentRejected]
        }
    }

    static func kindText(_ kind: String) -> TextKey {
        switch AmendmentKind(rawValue: kind) ?? .replace {
        case .replace: .amendmentKindReplace
        case .insert: .amendmentKindInsert
        case .delete: .amendmentKindDelete
        }
    }
}

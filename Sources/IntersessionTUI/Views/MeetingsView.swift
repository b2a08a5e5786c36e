import IntersessionCore
import IntersessionStore

/// The meetings, latest first: body and number, title, dates, items and the phase open.
enum MeetingsView {
    static func render(_ list: ListState<MeetingSummary>, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let catalog = model.catalog
        if list.loaded, list.items.isEmpty {
            buffer.write(" " + catalog[.meetingsEmpty], x: 0, row: 0, in: area, style: theme.meta)
            return nil
        }
        var widget = List(list, height: area.height, theme: theme, plain: model.plain) { meeting in
            let phase = meeting.currentPhase.map { catalog[Update.phaseText($0)] } ?? catalog[.meetingNoPhase]
            let right = meeting.starts + " · " + catalog[.meetingItems, meeting.items, meeting.openItems] + " · " + phase
            return List.Row((model.plain ? "" : "  ") + meeting.body + " " + meeting.number + "  " + meeting.title, trailing: right,
                            style: theme.normal, trailingStyle: theme.meta)
        }
        widget.minimumLeading = 12
        buffer.render(widget, in: area)
        return model.plain ? widget.cursor(in: area) : nil
    }
}

/// A meeting: its dates, the co-chairs presiding, its phases (a block) and its agenda (a list:
/// number, title, purpose, where each item stands).
enum MeetingView {
    /// The rows above the agenda: dates, presiding, participants, then the phases' block.
    static func headerRows(_ state: MeetingScreenState) -> Int { 3 + MeetingPhaseKind.allCases.count + 2 }

    /// "Participants: 4 · delegations by category: Members 1, …", counted as the report counts them.
    static func participation(_ detail: MeetingDetail, _ model: Model) -> String {
        let catalog = model.catalog
        let counted = catalog[.meetingParticipants, model.formats.number(detail.participants.count)]
        let categories = detail.delegationsByCategory.map { category, count in
            catalog[category.map { Update.categoryText($0) } ?? .delegationKindSecretariat] + " " + model.formats.number(count)
        }
        return categories.isEmpty ? counted : counted + " · " + catalog[.meetingByCategory, categories.joined(separator: ", ")]
    }

    static func render(_ state: MeetingScreenState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let detail = state.detail else { return nil }
        let catalog = model.catalog
        let parts = Layout(.vertical, [.length(3), .length(MeetingPhaseKind.allCases.count + 2), .fill(minimum: 1)]).split(area)
        let presiding = detail.presiding.isEmpty ? catalog[.meetingEveryCochair] : detail.presiding.map(\.name).joined(separator: ", ")
        let header: [(String, Style)] = [
            ("\(detail.summary.body) \(detail.summary.number) · \(detail.summary.starts) – \(detail.summary.ends)", theme.meta),
            (catalog[.meetingPresiding, presiding], theme.normal),
            (participation(detail, model), theme.normal),
        ]
        buffer.render(ScrollView(lines: header, scroll: 0, indicatorStyle: theme.meta, indent: 1), in: parts[0])
        let block = Block(title: catalog[.meetingPhasesTitle],
                          style: theme.border, titleStyle: theme.meta, bordered: !model.plain)
        buffer.render(block, in: parts[1])
        let passed = model.moderates ? Set(detail.passedDeadlines(now: model.now).compactMap { passed -> String? in
            if case .phase(let kind, _) = passed { return kind.rawValue }
            return nil
        }) : []
        let phases: [(String, Style)] = detail.phases.map { phase in
            var state = phase.closed ? catalog[.meetingPhaseIsClosed]
                : phase.opened ? catalog[.meetingPhaseIsOpen, phase.deadline.map { model.formats.date($0, now: model.now) } ?? "-"]
                : catalog[.meetingPhaseNotOpened]
            if passed.contains(phase.phase) { state += " · " + catalog[.meetingDeadlinePassed] }
            return (catalog[.labelled, catalog[Update.phaseText(phase.phase)], state], phase.opened && !phase.closed ? theme.accent : theme.normal)
        }
        buffer.render(ScrollView(lines: phases, scroll: 0, indicatorStyle: theme.meta, indent: 1), in: block.inner(parts[1]))
        if let registering = state.registering { return MeetingRegistrationView.render(registering, model, theme, parts[2], &buffer) }
        guard !state.agenda.items.isEmpty else {
            buffer.write(" " + catalog[.meetingAgendaEmpty], x: 0, row: 0, in: parts[2], style: theme.meta)
            return nil
        }
        var widget = List(state.agenda, height: parts[2].height, theme: theme, plain: model.plain) { item in
            let indent = item.parent == nil ? "" : "  "
            let right = catalog[Update.purposeText(item.purpose)] + " · " + catalog[Update.standingText(item.standing)]
            return List.Row((model.plain ? "" : "  ") + indent + item.number + "  " + item.title, trailing: right,
                            style: item.deferred ? theme.normal : theme.meta, trailingStyle: theme.meta)
        }
        widget.minimumLeading = 12
        buffer.render(widget, in: parts[2])
        return model.plain ? widget.cursor(in: parts[2]) : nil
    }
}

/// The meeting screens as `View`, `Chrome` and `Confirmation` ask for them.
enum MeetingScreensView {
    static func render(_ screen: MeetingScreen, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        switch screen {
        case .list(let list): MeetingsView.render(list, model, theme, area, &buffer)
        case .meeting(let state): MeetingView.render(state, model, theme, area, &buffer)
        case .item(let state): MeetingItemView.render(state, model, theme, area, &buffer)
        }
    }

    static func title(_ screen: MeetingScreen, _ model: Model) -> String {
        switch screen {
        case .list: model.catalog[.meetingsTitle]
        case .meeting(let state): state.detail?.summary.title ?? model.catalog[.meetingsTitle]
        case .item(let state): state.item.map { $0.number + " " + $0.title } ?? model.catalog[.meetingsTitle]
        }
    }

    /// The question before an irreversible act of a meeting: closing a phase, recording an
    /// outcome, answering a concern.
    static func question(_ effect: MeetingEffect, _ model: Model) -> String {
        let catalog = model.catalog
        switch effect {
        case .closePhase(_, let phase): return catalog[.confirmClosePhase, catalog[Update.phaseText(phase.rawValue)]]
        case .setOutcome(let item, let kind, _):
            var number = String(item.prefix(8))
            for screen in model.screens.reversed() {
                if case .meetings(.item(let state)) = screen, state.id == item, let shown = state.item?.number { number = shown.terminalSafe }
            }
            return catalog[.confirmOutcome, catalog[Update.outcomeText(kind)], number]
        case .answerConcern(let concern, _):
            for screen in model.screens.reversed() {
                if case .meetings(.item(let state)) = screen, let raised = state.item?.concerns.first(where: { $0.id == concern }) {
                    return catalog[.confirmAnswer, raised.author.name.terminalSafe]
                }
            }
            return catalog[.confirmAnswer, String(concern.prefix(8))]
        default: return ""
        }
    }

    static func isIrreversible(_ effect: MeetingEffect) -> Bool {
        switch effect {
        case .closePhase, .setOutcome, .answerConcern: true
        default: false
        }
    }
}

/// Draws the whole screen from the model, every frame. Pure: the same model gives the same
/// cells. Returns where the terminal cursor goes: the caret while typing, or in plain mode the
/// focused line, for screen readers.
public enum View {
    public static func render(_ model: Model, into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let theme = Theme.make(colors: model.colors)
        buffer.fill(buffer.area, style: theme.normal)
        guard buffer.width > 0, buffer.height > 0 else { return nil }
        let statusRows = Chrome.statusRows(model)
        let content = contentArea(width: buffer.width, height: buffer.height, statusRows: statusRows)
        var cursor: (x: Int, y: Int)?
        switch model.screen {
        case .welcome(let welcome): cursor = WelcomeView.render(welcome, model, theme, content, &buffer)
        case .topics(let list): cursor = TopicsView.render(list, model, theme, content, &buffer)
        case .threads(let topic, let list): cursor = ThreadsView.render(topic, list, model, theme, content, &buffer)
        case .thread(let thread):
            cursor = ThreadView.render(thread, model, theme, content, &buffer)
            SearchHighlight.restyleMatches(of: SearchHitLine.terms(openedFrom: model), in: content, &buffer)
        case .compose(let compose): cursor = ComposeView.render(compose, model, theme, content, &buffer)
        case .search(let search): cursor = SearchView.render(search, model, theme, content, &buffer)
        case .members(let list): cursor = MembersView.render(list, model, theme, content, &buffer)
        case .audit(let list): cursor = AuditView.render(list, model, theme, content, &buffer)
        case .polls(let list): cursor = PollsView.render(list, model, theme, content, &buffer)
        case .poll(let poll): cursor = PollView.render(poll, model, theme, content, &buffer)
        case .drafts(let list): cursor = DraftsView.render(list, model, theme, content, &buffer)
        case .draft(let draft): cursor = DraftView.render(draft, model, theme, content, &buffer)
        case .draftDiff(let diff): cursor = DraftDiffView.render(diff, model, theme, content, &buffer)
        case .amendments(let state): cursor = AmendmentsView.render(state, model, theme, content, &buffer)
        case .meetings(let screen): cursor = MeetingScreensView.render(screen, model, theme, content, &buffer)
        case .library(let screen): cursor = LibraryScreensView.render(screen, model, theme, content, &buffer)
        case .attachments(let state): cursor = AttachmentsView.render(state, model, theme, content, &buffer)
        case .report(let state): cursor = ReportView.render(state, model, theme, content, &buffer)
        }
        Chrome.header(model, theme, &buffer)
        Chrome.statusBar(model, theme, &buffer)
        if model.showHelp {
            return HelpView.render(model, theme, content, &buffer)
        }
        if let confirmation = model.confirmation {
            return ConfirmView.render(confirmation, model, theme, content, &buffer)
        }
        if case .members = model.screen, let action = model.memberAction {
            return MemberActionView.render(action, model, theme, content, &buffer)
        }
        if case .thread(let thread) = model.screen, let menu = thread.moderation {
            return ModerationView.render(thread, menu, model, theme, content, &buffer)
        }
        return cursor
    }
}

extension View {
    /// The rows between the header and the status line (which takes two rows for a long message).
    static func contentArea(width: Int, height: Int, statusRows: Int = 1) -> Rect {
        Rect(x: 0, y: 1, width: width, height: max(0, height - 1 - statusRows))
    }
}

extension Buffer {
    /// Writes `text` in a row of `area`, clipped to it; returns the columns used.
    @discardableResult
    mutating func write(_ text: String, x: Int, row: Int, in area: Rect, style: Style) -> Int {
        guard row >= 0, row < area.height, x < area.width else { return 0 }
        return setString(x: area.x + x, y: area.y + row, text, style: style, maxWidth: area.width - x)
    }

    /// Fills a row of `area` with `style` (a selected line's bar).
    mutating func fillRow(_ row: Int, in area: Rect, style: Style) {
        guard row >= 0, row < area.height else { return }
        fill(Rect(x: area.x, y: area.y + row, width: area.width, height: 1), style: style)
    }
}

extension String {
    /// Cut to `width` columns, with an ellipsis when something was cut.
    func truncated(to width: Int) -> String {
        guard width > 0 else { return "" }
        guard cellWidth > width else { return self }
        var out = "", used = 0
        for character in self {
            let w = character.cellWidth
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// The first line, for one-line previews.
    var firstLine: String { split(whereSeparator: \.isNewline).first.map(String.init) ?? "" }
}

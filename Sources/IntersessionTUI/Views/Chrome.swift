/// The header (where you are) and the status bar (sync state, or a one-time message).
enum Chrome {
    static func header(_ model: Model, _ theme: Theme, _ buffer: inout Buffer) {
        let row = Rect(x: 0, y: 0, width: buffer.width, height: 1)
        buffer.fill(row, style: theme.header)
        let language = " " + model.language.rawValue.uppercased() + " "
        buffer.write(title(model, width: max(0, buffer.width - language.cellWidth)), x: 0, row: 0, in: row, style: theme.header)
        buffer.write(language, x: max(0, buffer.width - language.cellWidth), row: 0, in: row, style: theme.header)
    }

    /// Where you are, in `width` columns: the group's title gives way first, then the screen's.
    static func title(_ model: Model, width: Int) -> String {
        let screen = screenTitle(model)
        let group = model.shownGroupTitle
        guard !group.isEmpty else { return (" " + screen).truncated(to: width) }
        let whole = " " + group + " › " + screen
        if whole.cellWidth <= width || screen.isEmpty { return whole.truncated(to: width) }
        let groupRoom = width - screen.cellWidth - 4
        guard groupRoom >= 8 else { return (" " + screen).truncated(to: width) }
        return " " + group.truncated(to: groupRoom) + " › " + screen
    }

    static func screenTitle(_ model: Model) -> String {
        let catalog = model.catalog
        switch model.screen {
        case .welcome: return catalog[.welcomeTitle]
        case .topics: return catalog[.topicsTitle]
        case .threads(let topic, _): return catalog[.threadsTitle, topic.title(in: model.language)]
        case .thread(let thread): return catalog[.threadTitle, thread.detail?.thread.title ?? ""]
        case .search(let search): return catalog[.searchTitle, search.searched ?? search.query.text]
        case .members: return catalog[.membersTitle]
        case .audit: return catalog[.auditTitle]
        case .polls: return catalog[.pollsTitle]
        case .poll(let poll): return poll.detail?.summary.title ?? catalog[.pollsTitle]
        case .drafts: return catalog[.draftsTitle]
        case .draft(let draft): return draft.detail.map { "\($0.summary.symbol) \($0.summary.title)" } ?? catalog[.draftsTitle]
        case .draftDiff(let diff): return diff.since.map { catalog[.draftDiffTitle, $0] } ?? catalog[.draftDiffSinceStart]
        case .amendments: return catalog[.amendmentsTitle]
        case .meetings(let screen): return MeetingScreensView.title(screen, model)
        case .library(let screen): return LibraryScreensView.title(screen, model)
        case .attachments: return catalog[.attachmentsTitle]
        case .report: return catalog[.reportTitle]
        case .compose(let compose):
            switch compose.kind {
            case .thread(let topic): return catalog[.composeThreadTitle, topic.title(in: model.language)]
            case .reply(let post, _): return catalog[.composeReplyTitle, post.authorName ?? String(post.author.prefix(8))]
            case .edit: return catalog[.composeEditTitle]
            case .draft(_, let start): return catalog[.composeDraftTitle, start.symbol]
            case .comment(_, let paragraph): return catalog[.composeCommentTitle, String(paragraph)]
            case .amend(_, let paragraph, _): return catalog[.composeAmendTitle, String(paragraph)]
            case .itemComment(_, let number): return catalog[.composeItemCommentTitle, number.terminalSafe]
            case .practiceText(_, let field, _): return catalog[.composePracticeTextTitle, PracticeView.fieldName(field, model)]
            }
        }
    }

    /// Rows the status line takes: one, or as many as a long message needs (an error is never
    /// cut), up to a quarter of the screen.
    static func statusRows(_ model: Model) -> Int {
        guard let flash = model.flash, model.height >= 2 else { return 1 }
        return min(flashLines(flash, width: model.width).count, max(1, model.height / 4))
    }

    static func flashLines(_ flash: String, width: Int) -> [String] {
        WordWrap.lines(flash, width: max(1, width - 2))
    }

    static func statusBar(_ model: Model, _ theme: Theme, _ buffer: inout Buffer) {
        guard buffer.height >= 2 else { return }
        if let flash = model.flash {
            let rows = statusRows(model)
            let area = Rect(x: 0, y: buffer.height - rows, width: buffer.width, height: rows)
            buffer.fill(area, style: theme.flash)
            var lines = flashLines(flash, width: buffer.width)
            if lines.count > rows { lines = Array(lines.prefix(rows - 1)) + [lines[(rows - 1)...].joined(separator: " ").truncated(to: buffer.width - 2)] }
            for (index, line) in lines.enumerated() { buffer.write(" " + line, x: 0, row: index, in: area, style: theme.flash) }
            return
        }
        let y = buffer.height - 1
        let row = Rect(x: 0, y: y, width: buffer.width, height: 1)
        buffer.fill(row, style: theme.status)
        let help = " " + model.catalog[.helpHint] + " "
        if case .welcome = model.screen {
            buffer.write(help, x: max(0, buffer.width - help.cellWidth), row: 0, in: row, style: theme.status)
            return
        }
        buffer.write(" " + statusText(model).truncated(to: max(0, buffer.width - help.cellWidth - 1)), x: 0, row: 0, in: row, style: theme.status)
        buffer.write(help, x: max(0, buffer.width - help.cellWidth), row: 0, in: row, style: theme.status)
    }

    static func statusText(_ model: Model) -> String {
        let catalog = model.catalog, status = model.status
        var parts: [String] = []
        if model.syncing {
            parts.append(catalog[.syncRunning])
        } else if status.folders == 0 {
            parts.append(catalog[.syncNoFolder])
        } else if let last = status.lastSync {
            parts.append(catalog[.syncAgo, model.formats.ago(last, now: model.now, catalog: catalog)])
        } else {
            parts.append(catalog[.syncNever])
        }
        if status.outgoing > 0 { parts.append(catalog[.outgoing, model.formats.number(status.outgoing)]) }
        if status.pending > 0 { parts.append(catalog[.pending, model.formats.number(status.pending)]) }
        if status.rejected > 0 { parts.append(catalog.count(status.rejected, .rejectedOne, .rejected, formats: model.formats)) }
        return parts.joined(separator: " · ")
    }
}

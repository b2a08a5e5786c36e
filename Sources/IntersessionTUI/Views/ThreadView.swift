import IntersessionCore
import IntersessionStore

/// A thread: the reply tree, and the selected post read in a pane beside it (wide screens) or
/// below it (narrow ones).
enum ThreadView {
    static func render(_ thread: ThreadState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let panes = ThreadLayout.panes(area, treeRows: min(area.height, Update.treeRows(model)))
        if !model.plain, !panes.separator.isEmpty {
            let line = ThreadLayout.isWide(area.width) ? "│" : String(repeating: "─", count: panes.separator.width)
            for row in panes.separator.y..<panes.separator.bottom {
                buffer.setString(x: panes.separator.x, y: row, line, style: theme.border)
            }
        }
        let tree = treeList(thread, model, theme, height: panes.tree.height)
        buffer.render(tree, in: panes.tree)
        if let post = thread.list.current {
            let lines = postLines(post, model, theme, width: panes.reader.width)
            buffer.render(ScrollView(lines: lines, scroll: thread.readerScroll, indicatorStyle: theme.meta), in: panes.reader)
        }
        guard model.plain else { return nil }
        if thread.focus == .reader, !panes.reader.isEmpty { return (panes.reader.x, panes.reader.y) }
        return tree.cursor(in: panes.tree)
    }

    /// The reply tree: unread mark, mutt's connecting lines, author, date, first line; a
    /// collapsed post says how many replies it hides.
    static func treeList(_ thread: ThreadState, _ model: Model, _ theme: Theme, height: Int) -> List {
        let posts = thread.list.items
        let window = thread.list.window(rows: height)
        let prefixes = ReplyTreeLines.prefixes(for: posts, plain: model.plain)
        let hidden = ThreadTree.hiddenReplies(thread)
        let rows = window.map { index -> List.Row in
            let post = posts[index]
            let mark = model.plain ? PlainMarks.unread(!post.read, model.catalog) : (post.read ? "  " : "● ")
            let who = post.authorName ?? String(post.author.prefix(8))
            let preview = post.retracted ? model.catalog[.retracted]
                : post.body.isEmpty && post.hiddenReason != nil ? model.catalog[.hiddenNotice, post.hiddenReason!] : post.body.firstLine
            let folded = hidden[post.id].map { " (+" + model.formats.number($0) + ")" } ?? ""
            return List.Row(mark + prefixes[index] + who + folded + "  " + model.formats.date(post.created, now: model.now) + "  " + preview,
                            style: post.read ? theme.normal : theme.unread)
        }
        return List(rows: rows, total: posts.count, selected: posts.isEmpty ? nil : thread.list.selected, offset: window.lowerBound,
                    selectedStyle: thread.focus == .tree ? theme.selected : theme.selected.adding(.dim), indicatorStyle: theme.meta,
                    plain: model.plain)
    }

    /// The post as the reader shows it: author, date and language, marks, the quote, the text.
    static func postLines(_ post: PostView, _ model: Model, _ theme: Theme, width: Int) -> [(String, Style)] {
        guard width > 0 else { return [] }
        var lines: [(String, Style)] = []
        let who = (post.authorName ?? String(post.author.prefix(8))) + (post.organisation.map { " — " + $0 } ?? "")
        lines.append((who, theme.accent))
        var meta = [model.formats.date(post.created, now: model.now)]
        if let language = Language(rawValue: post.language), language != model.language {
            meta.append(model.catalog[language == .fr ? .inFrench : .inEnglish])
        }
        if post.edits > 0 { meta.append(model.catalog[.edited]) }
        lines.append((meta.joined(separator: " · "), theme.meta))
        lines.append(("", theme.normal))
        if let mark = post.mark.flatMap(PostMark.init(rawValue:)) {
            lines.append((model.catalog[mark == .decision ? .markDecision : .markSummary], theme.accent))
        }
        if let reason = post.hiddenReason {
            lines.append((model.catalog[post.body.isEmpty ? .hiddenNotice : .hiddenForModerators, reason], theme.flash))
        }
        if post.retracted {
            lines.append((model.catalog[.retracted], theme.meta))
        } else if !(post.body.isEmpty && post.hiddenReason != nil) {
            if let quote = post.quote {
                for line in WordWrap.lines(quote, width: max(1, width - 2)) { lines.append(("> " + line, theme.quote)) }
                lines.append(("", theme.normal))
            }
            for line in WordWrap.lines(post.body, width: width) { lines.append((line, theme.normal)) }
        }
        return lines + AttachmentLines.lines(model.attachments[post.id] ?? [], model, theme)
    }
}

import IntersessionCore
import IntersessionStore

/// A thread: the reply tree, and the selected post read in a pane beside it (wide screens) or
/// below it (narrow ones).
enum ThreadView {
    static func render(_ thread: ThreadState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let tree: Rect, reader: Rect
        if area.width >= 100 {
            let width = ThreadLayout.treeWidth(area.width)
            tree = Rect(x: area.x, y: area.y, width: width, height: area.height)
            reader = Rect(x: area.x + width + 1, y: area.y, width: area.width - width - 1, height: area.height)
            if !model.plain {
                for row in 0..<area.height { buffer.setString(x: area.x + width, y: area.y + row, "│", style: theme.border) }
            }
        } else {
            let rows = Update.treeRows(model)
            tree = Rect(x: area.x, y: area.y, width: area.width, height: rows)
            reader = Rect(x: area.x, y: area.y + rows + 1, width: area.width, height: max(0, area.height - rows - 1))
            if rows < area.height, !model.plain {
                buffer.setString(x: area.x, y: area.y + rows, String(repeating: "─", count: area.width), style: theme.border)
            }
        }
        let cursor = renderTree(thread, model, theme, tree, &buffer)
        if let post = thread.list.current { renderPost(post, thread, model, theme, reader, &buffer) }
        return model.plain ? cursor : nil
    }

    static func renderTree(_ thread: ThreadState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        let posts = thread.list.items
        let prefixes = ReplyTreeLines.prefixes(for: posts, plain: model.plain)
        var cursor: (x: Int, y: Int)?
        for row in 0..<area.height {
            let index = thread.list.offset + row
            guard posts.indices.contains(index) else { break }
            let post = posts[index]
            let selected = index == thread.list.selected
            var style = post.read ? theme.normal : theme.unread
            if selected { style = thread.focus == .tree ? theme.selected : theme.selected.adding(.dim) }
            if selected { buffer.fillRow(row, in: area, style: style) }
            let mark = model.plain ? (selected ? "> " : "  ") + PlainMarks.unread(!post.read, model.catalog) : (post.read ? "  " : "● ")
            let who = post.authorName ?? String(post.author.prefix(8))
            let preview = post.retracted ? model.catalog[.retracted]
                : post.body.isEmpty && post.hiddenReason != nil ? model.catalog[.hiddenNotice, post.hiddenReason!] : post.body.firstLine
            let line = mark + prefixes[index] + who + "  " + model.formats.date(post.created, now: model.now) + "  " + preview
            buffer.write(line.truncated(to: area.width), x: 0, row: row, in: area, style: style)
            if selected { cursor = (area.x, area.y + row) }
        }
        return cursor
    }

    static func renderPost(_ post: PostView, _ thread: ThreadState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) {
        guard area.width > 0, area.height > 0 else { return }
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
                for line in WordWrap.lines(quote, width: max(1, area.width - 2)) { lines.append(("> " + line, theme.quote)) }
                lines.append(("", theme.normal))
            }
            for line in WordWrap.lines(post.body, width: area.width) { lines.append((line, theme.normal)) }
        }
        let scroll = min(thread.readerScroll, max(0, lines.count - area.height))
        for row in 0..<area.height where lines.indices.contains(scroll + row) {
            let (text, style) = lines[scroll + row]
            buffer.write(text, x: 0, row: row, in: area, style: style)
        }
    }
}

import IntersessionCore

/// The attachments of one post, draft or practice: each file's name (escaped), size, and
/// whether it is here or how many parts have arrived; a path prompt at the bottom while one
/// is typed (where to save, or what to attach).
enum AttachmentsView {
    static func render(_ state: AttachmentsState, _ model: Model, _ theme: Theme, _ area: Rect, _ buffer: inout Buffer) -> (x: Int, y: Int)? {
        var cursor: (x: Int, y: Int)?
        if state.list.items.isEmpty {
            if state.list.loaded { buffer.write(" " + model.catalog[.attachmentsEmpty], x: 0, row: 0, in: area, style: theme.meta) }
        } else {
            let widget = List(state.list, height: area.height, theme: theme, plain: model.plain) { entry in
                List.Row((model.plain ? "" : "  ") + entry.name.terminalSafe, trailing: trailing(entry, model), style: entry.isFetched ? theme.normal : theme.meta,
                         trailingStyle: theme.meta)
            }
            buffer.render(widget, in: area)
            cursor = model.plain ? widget.cursor(in: area) : nil
        }
        guard let prompt = state.prompt else { return cursor }
        let (label, editor): (TextKey, TextEditor) = switch prompt {
        case .save(_, let path): (.attachmentSavePrompt, path)
        case .attach(let path): (.attachmentAttachPrompt, path)
        }
        let field = Field(" " + model.catalog[label], editor, labelStyle: theme.status, style: theme.status, fill: theme.status, indent: 0)
        return field.render(in: Layout.bottom(1, of: area), into: &buffer)
    }

    /// The size, then "fetched" or how many parts are here.
    static func trailing(_ entry: AttachmentEntry, _ model: Model) -> String {
        let catalog = model.catalog
        let state = entry.isFetched ? catalog[.attachmentFetched]
            : catalog[.attachmentParts, model.formats.number(entry.held), model.formats.number(entry.parts)]
        return AttachmentLines.size(entry.size, catalog) + " · " + state
    }
}

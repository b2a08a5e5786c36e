/// Where the thread screen puts its panes: the reply tree left of the post on wide screens,
/// above it on narrow ones, with a one-cell separator between. Update reads it too, to scroll
/// the post by what the pane shows.
enum ThreadLayout {
    static func treeWidth(_ width: Int) -> Int { max(30, width * 2 / 5) }

    static func isWide(_ width: Int) -> Bool { width >= 100 }

    /// The tree, the reader, and the separator between them, in the content area.
    static func panes(_ area: Rect, treeRows: Int) -> (tree: Rect, reader: Rect, separator: Rect) {
        if isWide(area.width) {
            let parts = Layout(.horizontal, [.length(treeWidth(area.width)), .length(1), .fill(minimum: 0)]).split(area)
            return (parts[0], parts[2], parts[1])
        }
        let parts = Layout(.vertical, [.length(treeRows), .length(1), .fill(minimum: 0)]).split(area)
        return (parts[0], parts[2], parts[1])
    }

    /// The reader pane of the model's screen size.
    static func reader(_ model: Model) -> Rect {
        panes(View.contentArea(width: model.width, height: model.height), treeRows: Update.treeRows(model)).reader
    }
}

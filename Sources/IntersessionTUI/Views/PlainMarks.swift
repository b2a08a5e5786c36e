/// Words that stand, in `--plain` mode, for what the screen otherwise shows by colour or a
/// symbol, so that a screen reader says it.
enum PlainMarks {
    /// "[unread] " before an unread post, or a thread or topic holding some; nothing otherwise.
    static func unread(_ isUnread: Bool, _ catalog: Catalog) -> String {
        isUnread ? "[" + catalog[.unreadMark] + "] " : ""
    }
}

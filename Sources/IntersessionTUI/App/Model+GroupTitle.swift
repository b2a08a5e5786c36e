extension Model {
    /// The group's title in the screen's language (`--lang`, `L`), whatever the profile writes in.
    var shownGroupTitle: String { groupTitles.map { $0.text(in: language) } ?? groupTitle }
}

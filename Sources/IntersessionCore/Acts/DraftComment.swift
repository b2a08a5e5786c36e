/// A comment on a draft's paragraph is a thread in the draft's topic anchored to the paragraph;
/// its title names the paragraph and the draft, cut to the title limit.
public enum DraftComment {
    public static func title(paragraph: Int, symbol: String, draftTitle: String) -> String {
        let full = "¶\(paragraph) \(symbol): \(draftTitle)"
        guard full.count > Limits.titleCharacters else { return full }
        return String(full.prefix(Limits.titleCharacters - 1)) + "…"
    }
}

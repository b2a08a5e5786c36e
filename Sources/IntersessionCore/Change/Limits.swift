/// Sizes past which input is refused. They keep one bad file or paste from filling a disk or a
/// screen; DocC's "Limits" article gives the reasons.
public enum Limits {
    /// A post body, in UTF-8 bytes (about 30 printed pages).
    public static let postBodyBytes = 64 * 1024
    /// A draft's text, in UTF-8 bytes (a long report; one save of all of it fits in a change).
    public static let draftBytes = 512 * 1024
    /// A thread or draft title, in characters.
    public static let titleCharacters = 200
    /// A person's or organisation's name, in characters.
    public static let nameCharacters = 120
    /// A whole change body, in bytes.
    public static let changeBodyBytes = 1024 * 1024
    /// Ops in one change.
    public static let opsPerChange = 1000
}

/// Trimming by the very set of Foundation's `whitespacesAndNewlines` (the Unicode White_Space
/// property, and U+200B ZERO WIDTH SPACE, which Foundation counts too), without building a
/// `CharacterSet`: each command reads its key and settings files at start, and the first
/// `CharacterSet` of a process costs about 1 M instructions (issue 14, callgrind).
extension StringProtocol {
    func trimmingWhitespace() -> String {
        let text = String(self), scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isTrimmed($0) }), let last = scalars.lastIndex(where: { !Self.isTrimmed($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
}

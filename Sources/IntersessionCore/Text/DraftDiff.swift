/// The difference between two texts of a draft, by paragraph and then by word: paragraphs
/// are matched first, and a changed paragraph shows its deleted and inserted words.
public enum DraftDiff {
    public enum Segment: Hashable, Sendable {
        case same(String)
        case deleted(String)
        case inserted(String)
    }

    public struct Change: Hashable, Sendable {
        public enum Kind: String, Sendable { case same, added, removed, changed }
        public var kind: Kind
        /// The paragraph's number in the newer text (in the older one when removed); nil for a heading.
        public var number: Int?
        public var segments: [Segment]
    }

    public static func changes(from old: String, to new: String) -> [Change] {
        let before = Paragraphs.split(old), after = Paragraphs.split(new)
        var changes: [Change] = []
        var i = 0, j = 0
        var steps = Diff.steps(before.map(\.text), after.map(\.text))
        steps.append(.same(0))
        var removed: [Paragraph] = [], added: [Paragraph] = []
        func flush() {
            // Pair removed and added paragraphs in order as changed ones; the rest stand alone.
            let paired = min(removed.count, added.count)
            for k in 0..<paired {
                changes.append(Change(kind: .changed, number: added[k].number, segments: words(from: removed[k].text, to: added[k].text)))
            }
            for paragraph in removed.dropFirst(paired) { changes.append(Change(kind: .removed, number: paragraph.number, segments: [.deleted(paragraph.text)])) }
            for paragraph in added.dropFirst(paired) { changes.append(Change(kind: .added, number: paragraph.number, segments: [.inserted(paragraph.text)])) }
            removed = []
            added = []
        }
        for step in steps {
            switch step {
            case .delete(let count): removed += before[i..<(i + count)]; i += count
            case .insert(let count): added += after[j..<(j + count)]; j += count
            case .same(let count):
                flush()
                for k in 0..<count { changes.append(Change(kind: .same, number: after[j + k].number, segments: [.same(after[j + k].text)])) }
                i += count
                j += count
            }
        }
        return changes
    }

    /// Word-level segments: words and the spaces after them are the units compared.
    public static func words(from old: String, to new: String) -> [Segment] {
        let a = tokens(old), b = tokens(new)
        var segments: [Segment] = []
        var i = 0, j = 0
        func add(_ segment: Segment) {
            switch (segments.last, segment) {
            case (.same(let x)?, .same(let y)): segments[segments.count - 1] = .same(x + y)
            case (.deleted(let x)?, .deleted(let y)): segments[segments.count - 1] = .deleted(x + y)
            case (.inserted(let x)?, .inserted(let y)): segments[segments.count - 1] = .inserted(x + y)
            default: segments.append(segment)
            }
        }
        for step in Diff.steps(a, b) {
            switch step {
            case .same(let n): add(.same(a[i..<(i + n)].joined())); i += n; j += n
            case .delete(let n): add(.deleted(a[i..<(i + n)].joined())); i += n
            case .insert(let n): add(.inserted(b[j..<(j + n)].joined())); j += n
            }
        }
        return segments
    }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inSpace = false
        // A token is a word and the spaces after it.
        for character in text {
            let space = character.isWhitespace
            if !space, inSpace, !current.isEmpty {
                tokens.append(current)
                current = ""
            }
            inSpace = space
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}

import ArgumentParser

/// A word where a command was expected that names none (`intersession anyting`): without this,
/// ArgumentParser hands it to the default command, and `intersession anyting --help` prints the
/// top-level help and exits 0 as if all were well.
struct UnknownCommand: Equatable {
    /// The command words before the unknown one (`["poll"]` for `intersession poll votte`).
    var path: [String]
    var word: String
    /// The nearest known command, when one is near enough to be a likely typo.
    var suggestion: String?

    /// Walks the command words of `arguments` down the tree of commands from `root`.
    static func find(in arguments: [String], root: ParsableCommand.Type) -> UnknownCommand? {
        var node = root
        var path: [String] = []
        for word in arguments {
            if word.hasPrefix("-") { return nil }
            let subcommands = node.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                node = next
                path.append(word)
                continue
            }
            if path.isEmpty, word == "help" { return nil }
            if let fallback = node.configuration.defaultSubcommand, takesWord(fallback, word) { return nil }
            let known = subcommands.flatMap(names(of:))
            return UnknownCommand(path: path, word: word, suggestion: nearest(to: word, among: known))
        }
        return nil
    }

    /// Whether the default command accepts `word` as its argument (so the word is not a command).
    private static func takesWord(_ command: ParsableCommand.Type, _ word: String) -> Bool {
        guard (try? command.parse([])) != nil else { return true }
        return (try? command.parse([word])) != nil
    }

    private static func names(of command: ParsableCommand.Type) -> [String] {
        [command.configuration.commandName ?? command._commandName] + command.configuration.aliases
    }

    static func nearest(to word: String, among names: [String]) -> String? {
        let scored = names.map { (name: $0, distance: EditDistance.between(word.lowercased(), $0)) }
        guard let best = scored.min(by: { ($0.distance, $0.name) < ($1.distance, $1.name) }) else { return nil }
        let prefix = names.filter { $0.hasPrefix(word.lowercased()) }
        if prefix.count == 1 { return prefix[0] }
        return best.distance <= max(2, word.count / 3) ? best.name : nil
    }
}

/// Levenshtein distance, over characters.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

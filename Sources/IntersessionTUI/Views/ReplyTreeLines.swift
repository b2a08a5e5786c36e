import IntersessionStore

/// The connecting lines of a reply tree, as mutt draws them (`├─`, `└─`, `│`), from the
/// posts' depths in tree order. Linear in the number of posts.
enum ReplyTreeLines {
    static func prefixes(for posts: [PostView], plain: Bool) -> [String] {
        let depths = posts.map(\.depth)
        var hasLaterSibling = Array(repeating: false, count: depths.count)
        var seen: [Bool] = []
        for index in depths.indices.reversed() {
            let depth = depths[index]
            if seen.count <= depth { seen += Array(repeating: false, count: depth + 1 - seen.count) }
            hasLaterSibling[index] = seen[depth]
            seen[depth] = true
            for deeper in (depth + 1)..<max(depth + 1, seen.count) { seen[deeper] = false }
        }
        var ancestors: [Int] = []
        var prefixes: [String] = []
        for (index, depth) in depths.enumerated() {
            ancestors = Array(ancestors.prefix(depth))
            var prefix = ""
            if depth > 0 {
                for level in 1..<depth where level < ancestors.count {
                    prefix += plain ? "  " : (hasLaterSibling[ancestors[level]] ? "│ " : "  ")
                }
                prefix += plain ? "- " : (hasLaterSibling[index] ? "├─" : "└─")
            }
            ancestors.append(index)
            prefixes.append(prefix)
        }
        return prefixes
    }
}

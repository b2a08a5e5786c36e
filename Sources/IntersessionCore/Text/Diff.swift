/// The shortest edit script between two sequences (Myers' O((N+M)D) algorithm): runs of
/// equal, deleted and inserted elements, in order.
public enum Diff {
    public enum Step: Equatable, Sendable {
        /// `count` elements equal in both.
        case same(Int)
        /// `count` elements of the old sequence removed.
        case delete(Int)
        /// `count` elements of the new sequence added.
        case insert(Int)
    }

    public static func steps<T: Equatable>(_ old: [T], _ new: [T]) -> [Step] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        let a = old[prefix..<(old.count - suffix)], b = new[prefix..<(new.count - suffix)]
        var steps: [Step] = []
        func add(_ step: Step) {
            switch (steps.last, step) {
            case (.same(let x)?, .same(let y)): steps[steps.count - 1] = .same(x + y)
            case (.delete(let x)?, .delete(let y)): steps[steps.count - 1] = .delete(x + y)
            case (.insert(let x)?, .insert(let y)): steps[steps.count - 1] = .insert(x + y)
            case (_, .same(0)), (_, .delete(0)), (_, .insert(0)): break
            default: steps.append(step)
            }
        }
        add(.same(prefix))
        for step in middle(Array(a), Array(b)) { add(step) }
        add(.same(suffix))
        return steps
    }

    /// Myers' greedy forward search, keeping each round's frontier to trace the path back.
    static func middle<T: Equatable>(_ a: [T], _ b: [T]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 { return [.insert(m)] }
        if m == 0 { return [.delete(n)] }
        let offset = n + m
        var frontier = Array(repeating: 0, count: 2 * offset + 2)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 1, by: -1) {
            let previous = trace[d]
            let k = x - y
            let down = k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = previous[offset + previousK], previousY = previousX - previousK
            var same = 0
            while x > previousX, y > previousY, x - 1 >= (down ? previousX : previousX + 1), y - 1 >= (down ? previousY + 1 : previousY) {
                x -= 1
                y -= 1
                same += 1
            }
            if same > 0 { steps.append(.same(same)) }
            steps.append(down ? .insert(1) : .delete(1))
            x = previousX
            y = previousY
        }
        if x > 0 { steps.append(.same(x)) }
        return steps.reversed()
    }
}

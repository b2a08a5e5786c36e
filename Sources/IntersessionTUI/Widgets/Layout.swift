/// Splits a rectangle into rows or columns by constraints, as ratatui's `Layout` does: fixed
/// sizes first, then percentages, and what is left to the `fill`s in equal shares.
public struct Layout: Sendable {
    public enum Direction: Sendable { case vertical, horizontal }
    public enum Constraint: Sendable, Equatable {
        case length(Int)
        case percentage(Int)
        /// At least this much, and a share of what the others leave.
        case fill(minimum: Int)
    }

    public var direction: Direction
    public var constraints: [Constraint]
    /// Cells left between two parts (for a separator line).
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = spacing
    }

    public func split(_ area: Rect) -> [Rect] {
        let total = direction == .vertical ? area.height : area.width
        let sizes = Self.sizes(constraints, total: max(0, total - spacing * max(0, constraints.count - 1)))
        var rects: [Rect] = []
        var start = direction == .vertical ? area.y : area.x
        for size in sizes {
            rects.append(direction == .vertical
                ? Rect(x: area.x, y: start, width: area.width, height: size)
                : Rect(x: start, y: area.y, width: size, height: area.height))
            start += size + spacing
        }
        return rects
    }

    /// Sizes that add up to at most `total`; the last parts shrink first when it is too small.
    static func sizes(_ constraints: [Constraint], total: Int) -> [Int] {
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let length): max(0, length)
            case .percentage(let percent): max(0, total * percent / 100)
            case .fill(let minimum): max(0, minimum)
            }
        }
        let fills = constraints.indices.filter { if case .fill = constraints[$0] { true } else { false } }
        var left = total - sizes.reduce(0, +)
        if left > 0, !fills.isEmpty {
            for (order, index) in fills.enumerated() { sizes[index] += left / fills.count + (order < left % fills.count ? 1 : 0) }
            left = 0
        }
        var index = sizes.count - 1
        while left < 0, index >= 0 {
            let cut = min(sizes[index], -left)
            sizes[index] -= cut
            left += cut
            index -= 1
        }
        return sizes
    }
}

extension Layout {
    /// A box of at most this size, centred in `area`: a dialog over the screen.
    public static func centred(width: Int, height: Int, in area: Rect) -> Rect {
        let width = min(area.width, width), height = min(area.height, height)
        return Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
    }

    /// The last `rows` rows of `area` (all of it when it is smaller): a prompt or a panel at the
    /// bottom of the screen, over what the screen shows there.
    public static func bottom(_ rows: Int, of area: Rect) -> Rect {
        Layout(.vertical, [.fill(minimum: 0), .length(rows)]).split(area)[1]
    }

    /// The first `rows` rows of `area`, and the rest below them.
    public static func top(_ rows: Int, of area: Rect) -> (top: Rect, rest: Rect) {
        let parts = Layout(.vertical, [.length(rows), .fill(minimum: 0)]).split(area)
        return (parts[0], parts[1])
    }
}

/// Agenda numbers ("2", "2.1", "10") in the order of their numeric parts.
public enum AgendaNumber {
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = parts(lhs), right = parts(rhs)
        for (l, r) in zip(left, right) where l != r {
            if let a = Int(l), let b = Int(r) { return a < b }
            return l < r
        }
        return left.count < right.count
    }

    private static func parts(_ number: String) -> [String] {
        number.split(whereSeparator: { $0 == "." || $0 == " " }).map(String.init)
    }
}

import Foundation

/// The seeds a property test runs with: `INTERSESSION_SEEDS` of them (a few by default, so CI
/// stays quick; `Tests/soak.sh` asks for thousands), from `INTERSESSION_SEED_BASE` on (0 by
/// default), so that a failing seed can be run alone.
enum PropertySeeds {
    static let defaultCount = 3

    static var all: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? defaultCount
        let base = environment["INTERSESSION_SEED_BASE"].flatMap(UInt64.init) ?? 0
        return (0..<UInt64(count)).map { base + $0 }
    }
}

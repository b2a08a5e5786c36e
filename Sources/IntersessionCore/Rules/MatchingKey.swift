import Foundation

extension String {
    /// The form in which two names typed by different people are compared: outer white space
    /// trimmed, letters case-folded ("Straße" and "STRASSE" are one name) and the result in
    /// Unicode canonical composition, so that an accent typed as one character or as a letter
    /// and a combining mark gives the same bytes. Derived tables key on it: SQLite compares
    /// bytes, not canonical equivalence as Swift's `==` does.
    var matchingKey: String {
        // Upper then lower case folds what full case folding folds in Latin, Greek and Cyrillic
        // (ß → SS → ss, ς → Σ → σ), where lower case alone leaves ß and ς apart.
        String(trimmingWhitespace).uppercased().lowercased().precomposedStringWithCanonicalMapping
    }
}

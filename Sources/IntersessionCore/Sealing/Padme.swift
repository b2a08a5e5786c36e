/// The padded length of a sealed file's contents: Padmé (Nikitin et al., "Reducing Metadata
/// Leakage from Encrypted Files and Communication with PURBs", PETS 2019). A length L is rounded
/// up so that only its top ⌊log₂ ⌊log₂ L⌋⌋ + 1 bits may be set: at most 12 % is added, and
/// a length reveals O(log log L) bits. Nothing is smaller than `minimum`.
public enum Padme {
    public static let minimum = 512

    public static func padded(_ length: Int) -> Int {
        let length = max(length, minimum)
        let exponent = Int.bitWidth - 1 - length.leadingZeroBitCount
        let significant = Int.bitWidth - exponent.leadingZeroBitCount
        let mask = (1 << (exponent - significant)) - 1
        return (length + mask) & ~mask
    }

    /// Whether `length` is a length `padded` can give.
    public static func isPadded(_ length: Int) -> Bool { length >= minimum && padded(length) == length }
}

import Foundation

extension Array where Element == UInt8 {
    /// The bytes as SQLite binds a BLOB.
    var blob: Data { Data(self) }
}

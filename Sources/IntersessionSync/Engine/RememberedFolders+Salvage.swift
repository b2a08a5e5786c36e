import Foundation
import IntersessionStore

extension RememberedFolders {
    /// The folders a damaged store remembered, if the page that holds them can still be read.
    public static func salvage(fromDamagedStoreAt path: String) -> [String] {
        (StoreSalvage.setting(key, path: path) ?? "").split(separator: "\n").map(String.init)
    }
}

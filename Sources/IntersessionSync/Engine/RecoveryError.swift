import IntersessionCore

/// Why a damaged store could not be rebuilt from the shared folders (`error.repair.*`).
public enum RecoveryError: Error, Sendable, Equatable, CustomStringConvertible, Explained {
    /// The damaged store's folders cannot be read, and none was named.
    case noFolder
    case noGroupInFolders(String)
    case severalGroups(String)
    /// The folders hold a sealed group, and neither the damaged store nor an invite gave its genesis.
    case sealedGroupUnknown(String)

    public var phrase: Phrase {
        switch self {
        case .noFolder: Phrase("error.repair.noFolder")
        case .noGroupInFolders(let folders): Phrase("error.repair.noGroupInFolders", [folders])
        case .severalGroups(let folders): Phrase("error.repair.severalGroups", [folders])
        case .sealedGroupUnknown(let folders): Phrase("error.repair.sealedGroupUnknown", [folders])
        }
    }

    public var description: String { phrase.description }
}

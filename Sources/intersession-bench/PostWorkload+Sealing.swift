import Crypto
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// What a reader of a sealed workload's folder needs: the folder's sealing (its names, and the
/// first epoch's key, current), and a fresh replica that holds that key, as a member's device
/// holds it once it opened its envelope.
extension PostWorkload {
    var sealing: FolderSealing? {
        guard let epoch else { return nil }
        return FolderSealing(names: SealedNames(genesis: setup[0]), keyring: keyring,
                             currentEpoch: EpochChoice.Epoch(id: epoch.id, number: 1))
    }

    /// The epoch keys a reader holds: none for an open workload.
    var keyring: SealedFile.Keyring {
        SealedFile.Keyring(epoch.map { [(id: $0.id.hex, key: SymmetricKey(data: $0.key))] } ?? [])
    }

    /// A fresh replica at `path`: the genesis applied and, when sealed, the epoch key held.
    func replica(at path: String) throws -> AppDatabase {
        let store = try AppDatabase.create(path: path)
        try store.apply([setup[0]])
        if let epoch { try store.holdEpochKeys([epoch.id.hex: epoch.key]) }
        return store
    }

    /// The contents of a file of this workload's folder, opened as the raw floor opens it.
    func opened(_ bytes: [UInt8]) throws -> [UInt8] {
        guard epoch != nil else { return bytes }
        return try SealedFile.open(bytes, with: keyring).contents
    }
}

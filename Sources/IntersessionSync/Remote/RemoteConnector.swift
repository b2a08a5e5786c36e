import Foundation

/// Makes the store that a remote's location names, with the settings and credentials found for
/// it (`standard`: the environment, then the profile's config); tests give their own.
public struct RemoteConnector: Sendable {
    let connect: @Sendable (RemoteLocation) throws(RemoteError) -> any ObjectStore

    public init(_ connect: @escaping @Sendable (RemoteLocation) throws(RemoteError) -> any ObjectStore) {
        self.connect = connect
    }

    public func store(for location: RemoteLocation) throws(RemoteError) -> any ObjectStore { try connect(location) }
}

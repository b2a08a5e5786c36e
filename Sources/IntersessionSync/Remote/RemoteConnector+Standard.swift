import Foundation

extension RemoteConnector {
    /// Remotes as a profile reaches them: credentials and endpoints from `RemoteSettings` (the
    /// environment, else the profile's config), requests over `SocketTransport`, retried with
    /// backoff on 5xx, throttling and broken connections (`Retrying`).
    public static func standard(storePath: String) -> RemoteConnector {
        RemoteConnector { location throws(RemoteError) in
            try RemoteStores.make(location, settings: .load(storePath: storePath), transport: Retrying(SocketTransport()))
        }
    }
}

/// The store a location names, reached with `settings` through `transport`.
enum RemoteStores {
    static func make(_ location: RemoteLocation, settings: RemoteSettings, transport: any HTTPTransport) throws(RemoteError) -> any ObjectStore {
        switch location.kind {
        case .s3:
            guard let id = settings.accessKeyID, let secret = settings.secretAccessKey else {
                throw .notConfigured("S3 needs credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or s3.access-key-id and s3.secret-access-key in the profile's config")
            }
            let (endpoint, pathStyle) = try settings.s3Endpoint(bucket: location.host)
            return S3Store(endpoint: endpoint, bucket: location.host, prefix: location.path, region: settings.region,
                           credentials: S3Credentials(accessKeyID: id, secretAccessKey: secret, sessionToken: settings.sessionToken),
                           addressing: pathStyle ? .path : .virtualHosted, transport: transport)
        case .webdav, .webdavs:
            let credentials = settings.webdavUser.map { WebDAVCredentials(user: $0, password: settings.webdavPassword ?? "") }
            return WebDAVStore(endpoint: HTTPEndpoint(secure: location.kind == .webdavs, host: location.host, port: location.port),
                               basePath: "/" + location.path, credentials: credentials, transport: transport)
        }
    }
}

import Foundation
import IntersessionStore

/// What reaching a remote takes beyond its location: credentials, a region, an endpoint. Each
/// from the environment, else from the profile's `config` (the Remotes article's table); never
/// remembered anywhere else, never printed.
public struct RemoteSettings: Sendable, Equatable {
    public var accessKeyID: String?
    public var secretAccessKey: String?
    public var sessionToken: String?
    public var region: String
    /// An S3-compatible server's own endpoint (MinIO, Garage, Ceph, a test server); nil for AWS.
    public var endpoint: String?
    public var webdavUser: String?
    public var webdavPassword: String?

    public init(environment: [String: String], config: ProfileConfig = ProfileConfig()) {
        func value(_ names: [String], _ key: String) -> String? {
            (names.compactMap { environment[$0] } + [config[key]].compactMap { $0 }).first { !$0.isEmpty }
        }
        accessKeyID = value(["AWS_ACCESS_KEY_ID"], "s3.access-key-id")
        secretAccessKey = value(["AWS_SECRET_ACCESS_KEY"], "s3.secret-access-key")
        sessionToken = value(["AWS_SESSION_TOKEN"], "s3.session-token")
        region = value(["AWS_REGION", "AWS_DEFAULT_REGION"], "s3.region") ?? "us-east-1"
        endpoint = value(["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"], "s3.endpoint")
        webdavUser = value(["INTERSESSION_WEBDAV_USER"], "webdav.user")
        webdavPassword = value(["INTERSESSION_WEBDAV_PASSWORD"], "webdav.password")
    }

    /// The settings of the profile whose store is at `storePath`: its config beside the store.
    public static func load(storePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> RemoteSettings {
        let config = URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("config")
        return RemoteSettings(environment: environment, config: ProfileConfig.load(from: config))
    }

    /// The endpoint S3 requests go to, and whether they name the bucket in the path (a server
    /// of one's own) or in the host (AWS's virtual-hosted style).
    public func s3Endpoint(bucket: String) throws(RemoteError) -> (endpoint: HTTPEndpoint, pathStyle: Bool) {
        guard let endpoint else {
            let host = region == "us-east-1" ? "s3.amazonaws.com" : "s3.\(region).amazonaws.com"
            return (HTTPEndpoint(secure: true, host: bucket.contains(".") ? host : bucket + "." + host), bucket.contains("."))
        }
        guard let url = URLComponents(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, url.user == nil, url.password == nil
        else { throw .notConfigured("the S3 endpoint is not an http:// or https:// address of a host") }
        return (HTTPEndpoint(secure: scheme == "https", host: host, port: url.port), true)
    }
}

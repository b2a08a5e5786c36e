/// What S3 needs to sign requests: an access key id, its secret and, for temporary credentials,
/// a session token. None of them is ever printed: `description` and the mirror say only that
/// they are there, and `S3Store` removes their values from anything a server says back.
public struct S3Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let accessKeyID: String
    public let secretAccessKey: String
    public let sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String { sessionToken == nil ? "S3 credentials" : "S3 credentials with a session token" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Every value that must not leave this process in a message.
    var values: [String] { [accessKeyID, secretAccessKey, sessionToken].compactMap { $0 }.filter { !$0.isEmpty } }
}

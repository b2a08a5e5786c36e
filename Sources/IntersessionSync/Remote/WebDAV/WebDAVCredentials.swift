import Foundation

/// A user name and password for HTTP Basic authentication, sent only in the `Authorization`
/// header. Never printed: `description` and the mirror say only that they are there.
public struct WebDAVCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let user: String
    public let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { "WebDAV credentials" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    var basicAuthorization: String { "Basic " + Data((user + ":" + password).utf8).base64EncodedString() }

    /// Every value that must not leave this process in a message.
    var values: [String] { [password, String(basicAuthorization.dropFirst(6))].filter { !$0.isEmpty } }
}

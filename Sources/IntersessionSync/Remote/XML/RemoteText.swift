import Foundation

/// What a server says, made fit for one line of a message: control characters and other
/// invisible ones as spaces, at most `limit` characters, and every given secret replaced by
/// `[hidden]`, so that a server that echoes a credential back cannot put it on a screen or in a log.
enum RemoteText {
    static func printable(_ text: String, hiding secrets: [String] = [], limit: Int = 300) -> String {
        var text = text
        for secret in secrets where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "[hidden]")
        }
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: out.unicodeScalars.append(" ")
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out.trimmedXMLSpace
    }
}

import Foundation

/// The profile's `config` file: `key = value` lines, `#` for comments. Holds what a person may
/// want to edit by hand (the interface language).
public struct ProfileConfig: Sendable, Equatable {
    public var values: [String: String] = [:]

    public init(values: [String: String] = [:]) { self.values = values }

    public static func load(from url: URL) -> ProfileConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ProfileConfig() }
        return parse(text)
    }

    /// The settings a config file's text holds: a line without `=` or starting with `#` is
    /// skipped, the last line for a key wins.
    public static func parse(_ text: String) -> ProfileConfig {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            // Lines hold no newline, so White_Space here is Foundation's `whitespaces`.
            let trimmed = line.trimmingWhitespace()
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingWhitespace()
            let value = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
            if !key.isEmpty { values[key] = value }
        }
        return ProfileConfig(values: values)
    }

    /// The file's text, which `parse` reads back as these settings.
    public var text: String {
        var text = "# Intersession profile settings\n"
        for key in values.keys.sorted() { text += "\(key) = \(values[key]!)\n" }
        return text
    }

    public func save(to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw ProfileError.cannotWrite(url.path, error.localizedDescription)
        }
    }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }
}

import Foundation

/// The environment variables the commands read, each with one `getenv`, once per process:
/// `ProcessInfo.environment` builds a dictionary of every variable on each call (about 0.7 M
/// instructions in a shell of 160 variables, and the commands asked it three times).
enum Environment {
    /// Every variable a command decides anything by (the profile's home, the language, the clock).
    static let names = ["INTERSESSION_HOME", "XDG_DATA_HOME", "HOME", "LC_ALL", "LC_MESSAGES", "LANG", "INTERSESSION_NOW"]

    static let current: [String: String] = {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }()
}

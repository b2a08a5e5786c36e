import Foundation

/// Runs `$VISUAL`, else `$EDITOR`, else `vi`, on a temporary file holding `text`, and returns
/// what the person saved; nil when the editor failed. The terminal must be suspended around it.
enum ExternalEditor {
    static func edit(_ text: String, environment: [String: String]) -> String? {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("intersession-\(UUID().uuidString).txt")
        guard (try? Data(text.utf8).write(to: file)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor may carry arguments ("code --wait"): let the shell split it.
        process.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
        process.standardInput = FileHandle.standardInput
        process.standardOutput = FileHandle.standardOutput
        process.standardError = FileHandle.standardError
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: file.path) else { return nil }
        var edited = String(decoding: data, as: UTF8.self)
        while edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}

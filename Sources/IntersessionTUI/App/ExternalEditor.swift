import Foundation

/// Runs `$VISUAL`, else `$EDITOR`, else `vi`, on a temporary file holding `text`, and returns
/// what the person saved; nil when the editor failed. The terminal must be suspended around it.
enum ExternalEditor {
    static func edit(_ text: String, environment: [String: String]) -> String? {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("intersession-\(UUID().uuidString).txt")
        guard (try? Data(text.utf8).write(to: file)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        // The editor must run in our process group, the terminal's foreground one, or it
        // cannot read the keyboard; Foundation's Process would start it in a group of its own.
        guard let status = ForegroundProcess.run(["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path]) else { return nil }
        guard status == 0, let data = FileManager.default.contents(atPath: file.path) else { return nil }
        var edited = String(decoding: data, as: UTF8.self)
        while edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}

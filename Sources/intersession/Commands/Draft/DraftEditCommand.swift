import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct DraftEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Edit a draft (penholders) in $EDITOR, or save a file's text; only the difference is signed.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Option(help: "Save this file's text (\"-\" for standard input) instead of opening $EDITOR.") var file: String?

    func run() throws {
        try profile.reportingErrors {
            let (saved, id) = try profile.act { actions in
                let id = try actions.resolveDraft(draft.draft)
                // A sync may merge others' edits while $EDITOR is open: the save is diffed against the start.
                let start = try actions.beginEdit(of: id.hex)
                let text = try file.map { try TextFile.read($0, limit: Limits.draftBytes) }
                    ?? (try EditorSession.edit(start.text, name: "draft-\(id.short).md"))
                return (try actions.saveDraft(id.hex, text: text, from: start), id)
            }
            Output.line(saved ? "Saved \(id.short)." : "No change to \(id.short).")
        }
    }
}

/// Runs `$VISUAL` or `$EDITOR` (else vi) on a temporary file holding `text`; returns what it holds after.
enum EditorSession {
    static func edit(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intersession-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let environment = ProcessInfo.processInfo.environment
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw InputError("editorFailed", editor) }
        return try TextFile.read(file.path, limit: Limits.draftBytes)
    }
}

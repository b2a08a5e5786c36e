import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore

/// `--body TEXT`, `--file F`, or standard input when neither is given.
struct BodyOptions: ParsableArguments {
    @Option(name: .long, help: "The text.")
    var body: String?

    @Option(name: .long, help: "Read the text from a file (UTF-8).")
    var file: String?

    func validate() throws {
        if body != nil, file != nil { throw ValidationError("give --body or --file, not both") }
    }

    /// The text as given; the act checks it (empty, over the limit).
    func read() throws -> String {
        if let body { return body }
        return try TextFile.read(file ?? "-", limit: Limits.postBodyBytes)
    }
}

/// Text from a file, or standard input for "-".
enum TextFile {
    static func read(_ path: String, limit: Int) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else { throw ActionError.cannotRead(path: path) }
            data = contents
        }
        return try Input.text(Array(data), limit: limit)
    }
}

/// An id as the commands print it: short, as people type it back.
enum IDOutput {
    /// Prints the new entity's short id, or `{"id": <full>}` under `--json` (for scripts).
    static func print(_ id: EntityID, json: Bool) throws {
        if json { return try Output.json(["id": id.hex]) }
        Output.line(id.short)
    }
}

import ArgumentParser
import Foundation
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

    func read() throws -> String {
        let text: String
        if let body {
            text = body
        } else {
            let data: Data
            if let file {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    throw InputError("cannot read \(file)")
                }
                data = contents
            } else {
                data = FileHandle.standardInput.readDataToEndOfFile()
            }
            guard data.count <= Limits.postBodyBytes else { throw InputError(TextCheck.tooLong(data.count)) }
            guard let decoded = String(validating: Array(data), as: UTF8.self) else {
                throw InputError("the text is not valid UTF-8")
            }
            text = decoded
        }
        return try TextCheck.body(text)
    }
}

enum TextCheck {
    static func tooLong(_ bytes: Int) -> String {
        "the text is \(bytes) bytes; the limit is \(Limits.postBodyBytes) bytes (64 KiB)"
    }

    static func body(_ text: String) throws -> String {
        guard text.utf8.count <= Limits.postBodyBytes else { throw InputError(tooLong(text.utf8.count)) }
        guard ContentCheck.isBody(text) else { throw InputError("the text is empty") }
        return text
    }

    static func title(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InputError("the title is empty") }
        guard ContentCheck.isTitle(trimmed) else {
            throw InputError("the title must be one line of at most \(Limits.titleCharacters) characters")
        }
        return trimmed
    }

    static func name(_ text: String, what: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard ContentCheck.isName(trimmed) else {
            throw InputError("the \(what) must be one line of 1 to \(Limits.nameCharacters) characters")
        }
        return trimmed
    }
}

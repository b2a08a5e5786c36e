import Foundation

/// Writes a document made as Markdown (a draft, a meeting's summary, a report) in the format
/// asked for: Markdown itself, or DOCX, ODT or PDF through pandoc. One path for every document.
enum DocumentExport {
    /// The format from `--format`, else from `--out`'s extension, else Markdown.
    static func format(_ format: String?, out: String?) -> String {
        (format ?? out.map { URL(fileURLWithPath: $0).pathExtension } ?? "md").lowercased()
    }

    /// Writes `markdown` to `out` (standard output for Markdown when nil) and says where on
    /// standard error.
    static func write(_ markdown: String, format: String?, out: String?) throws {
        let chosen = Self.format(format, out: out)
        switch chosen {
        case "md", "markdown":
            guard let out else { return FileHandle.standardOutput.write(Data(markdown.utf8)) }
            // Atomic: a full disk leaves no half document under the name asked for.
            try Data(markdown.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        case "docx", "odt", "pdf":
            guard let out else { throw InputError("outNeeded", chosen) }
            try Pandoc.convert(markdown, to: chosen, out: out)
        default:
            throw InputError("unknownFormat", chosen.terminalSafe)
        }
        if let out { FileHandle.standardError.write(Data("Wrote \(out.terminalSafe).\n".utf8)) }
    }
}

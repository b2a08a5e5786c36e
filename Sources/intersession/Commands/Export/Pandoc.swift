import Foundation

/// Runs pandoc on Markdown given on its standard input. PDF needs an engine besides pandoc:
/// the first installed of `PDFEngine.preferred` is used.
enum Pandoc {
    static func convert(_ markdown: String, to format: String, out: String) throws {
        guard let pandoc = findExecutable("pandoc") else { throw InputError("noPandoc") }
        var arguments = ["--from", "markdown", "--output", out]
        var filter: URL?
        defer { if let filter { try? FileManager.default.removeItem(at: filter) } }
        if format == "pdf" {
            guard let engine = PDFEngine.installed() else { throw InputError("noPDFEngine") }
            arguments += engine.arguments
            if let text = engine.filter {
                filter = FileManager.default.temporaryDirectory.appendingPathComponent("intersession-\(UUID().uuidString).lua")
                try Data(text.utf8).write(to: filter!, options: .withoutOverwriting)
                arguments += ["--lua-filter", filter!.path]
            }
        } else {
            arguments += ["--to", format]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        process.arguments = arguments
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let why = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let line = String(decoding: why.prefix(4096), as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw InputError("pandocFailed", out.terminalSafe, (line ?? "exit \(process.terminationStatus)").terminalSafe)
        }
    }

    static func findExecutable(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// The programs pandoc can make a PDF with, smallest to install first: groff's pdfroff (it
/// needs ghostscript too), then weasyprint and wkhtmltopdf, then the TeX engines.
struct PDFEngine: Equatable {
    var name: String
    /// Other programs the engine runs, which must be installed as well.
    var needs: [String] = []
    /// The output format pandoc writes for the engine, when not its default (LaTeX).
    var through: String?
    /// A pandoc Lua filter the engine needs.
    var filter: String?

    static let preferred = [
        PDFEngine(name: "pdfroff", needs: ["groff", "gs"], through: "ms", filter: msFilter),
        PDFEngine(name: "weasyprint", through: "html"),
        PDFEngine(name: "wkhtmltopdf", through: "html"),
        PDFEngine(name: "xelatex"), PDFEngine(name: "lualatex"), PDFEngine(name: "pdflatex"), PDFEngine(name: "tectonic"),
    ]

    var arguments: [String] { ["--pdf-engine=" + name] + (through.map { ["--to", $0] } ?? []) }

    static func installed() -> PDFEngine? {
        preferred.first { engine in ([engine.name] + engine.needs).allSatisfy { Pandoc.findExecutable($0) != nil } }
    }

    /// pandoc's ms template has no subtitle (a draft's symbol): it goes under the title. groff's
    /// fonts have no narrow no-break space (French before : ; ! ?): a no-break space stands in.
    static let msFilter = """
        function Meta(meta)
          if meta.subtitle then
            local title = pandoc.List(meta.title or {})
            title:insert(pandoc.LineBreak())
            title:extend(meta.subtitle)
            meta.title = pandoc.MetaInlines(title)
          end
          return meta
        end
        function Str(str)
          str.text = str.text:gsub('\u{202F}', '\u{A0}')
          return str
        end
        """
}

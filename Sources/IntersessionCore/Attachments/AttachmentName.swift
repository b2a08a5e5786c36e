/// A file name that came from a change: hostile. It is checked loosely on apply (any text that
/// fits), and never used as a path as it is: `safeFileName` gives a single, harmless component.
public enum AttachmentName {
    public static func isValid(_ name: String) -> Bool {
        (1...AttachmentLimits.nameBytes).contains(name.utf8.count) && !name.unicodeScalars.contains { $0.value == 0 }
    }

    /// The last component of `name`, without control characters, separators or a leading dot,
    /// and never `.`, `..` or empty: safe to create in a folder of this profile's choosing.
    public static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in last.unicodeScalars {
            let bad = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isBidiControl
                || [":", "*", "?", "\"", "<", ">", "|"].contains(Character(scalar))
            scalars.append(bad ? "_" : scalar)
        }
        var safe = String(String(scalars).trimmingWhitespace)
        while safe.hasPrefix(".") { safe.removeFirst() }
        return safe.isEmpty ? "attachment" : String(safe.prefix(120))
    }

    /// A media type guessed from the name's extension (`application/octet-stream` otherwise).
    public static func mediaType(of name: String) -> String {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return mediaTypes[ext] ?? "application/octet-stream"
    }

    /// Types whose text search reads as it is (UTF-8 checked).
    public static func isPlainText(_ mediaType: String) -> Bool {
        mediaType == "text/plain" || mediaType == "text/markdown" || mediaType == "text/csv"
    }

    static let mediaTypes: [String: String] = [
        "pdf": "application/pdf", "txt": "text/plain", "md": "text/markdown", "markdown": "text/markdown", "csv": "text/csv",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "doc": "application/msword",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xls": "application/vnd.ms-excel",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml",
        "zip": "application/zip", "json": "application/json", "html": "text/html",
    ]
}

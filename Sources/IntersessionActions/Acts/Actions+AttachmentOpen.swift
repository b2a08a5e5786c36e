import Foundation
import IntersessionCore

/// Opening an attachment with the desktop's opener: the file is saved, checked, under a
/// temporary folder of its own (`saveAttachmentForOpening`), then handed to `xdg-open` when one
/// is installed. What the command line's `attachment open` and the interface's `o` both do.
public enum OpenedAttachment: Sendable, Equatable {
    /// Handed to the opener, saved at this path.
    case opened(path: String)
    /// Saved at this path; no opener is installed to open it.
    case savedOnly(path: String)
}

public enum DesktopOpener {
    /// The opener on `PATH`, nil when none is installed.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/xdg-open"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `opener` on `path` with no terminal of ours: its input and output go nowhere, so it
    /// never draws over the interface.
    static func run(_ opener: String, on path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ActionError.cannotRead(path: opener.terminalSafe)
        }
    }
}

extension Actions {
    /// Saves `typed` for opening and hands it to the desktop's opener when there is one.
    public func openAttachment(_ typed: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                               progress: (Int64, Int64) -> Void = { _, _ in }) throws -> OpenedAttachment {
        let path = try saveAttachmentForOpening(typed, progress: progress)
        guard let opener = DesktopOpener.find(environment: environment) else { return .savedOnly(path: path) }
        try DesktopOpener.run(opener, on: path)
        return .opened(path: path)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// Runs a program that needs the terminal, such as `$EDITOR`, between `Terminal.suspend()`
/// and `resume()`.
///
/// Foundation's `Process` starts its child in a process group of its own, which the
/// terminal treats as a background job: the child's first read from the terminal fails
/// (vi exits with "Error reading input"). This starts it in the application's group, as
/// `system()` does, and ignores SIGINT and SIGQUIT meanwhile so that ctrl+c in the child
/// does not end the application.
public enum ForegroundProcess {
    /// Runs `arguments[0]`, looked up on `PATH`, with the arguments and this environment,
    /// and waits for it. Returns its exit status, or nil when it could not start or was
    /// killed by a signal.
    public static func run(_ arguments: [String]) -> Int32? {
        guard !arguments.isEmpty else { return nil }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        argv.append(nil)
        let status = cn_run_in_foreground(&argv)
        return status < 0 ? nil : status
    }
}

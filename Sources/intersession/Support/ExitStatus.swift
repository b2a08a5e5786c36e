import ArgumentParser

/// The exit statuses a script can tell apart (README, "Exit statuses"): 0 all good, 1 an error
/// (nothing done, or a folder missing), 64 a mistake in the command line (ArgumentParser's), and
/// this one: the work was done, but something needs a look.
enum ExitStatus {
    /// `sync`: something was rejected, or a feed is forked or frozen. `repair`: a check found
    /// damage (`--check`), or some of the profile's own changes did not come back.
    static let attention = ExitCode(3)
}

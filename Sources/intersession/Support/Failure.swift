import ArgumentParser
import Foundation

/// Runs a command's work; any error ends as one line on stderr and exit status 1, so that a
/// script sees a plain failure and a person reads what to do.
func runReportingErrors(_ work: () throws -> Void) throws {
    do {
        try work()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        FileHandle.standardError.write(Data("intersession: \(error)\n".utf8))
        throw ExitCode.failure
    }
}

/// A mistake in what was typed, found after parsing (an empty title, an over-long body).
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

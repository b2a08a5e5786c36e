import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore

/// Runs a command's work; any error ends as one line on stderr, in `language`, and exit status
/// 1, so that a script sees a plain failure and a person reads what to do.
func runReportingErrors(in language: () -> Language, _ work: () throws -> Void) throws {
    do {
        try work()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        var phrase = Phrasebook.phrase(for: error)
        phrase.arguments = phrase.arguments.map(\.terminalSafe)  // paths and names from outside
        Output.notice(Phrasebook(language: language()).text(phrase))
        throw ExitCode.failure
    }
}

/// A mistake in what was typed that only the command line can make (an option's shape), found
/// after parsing: `error.cli.<key>` in the catalogs.
struct InputError: Error, Explained {
    let phrase: Phrase
    init(_ key: String, _ arguments: String...) { phrase = Phrase("error.cli." + key, arguments) }
}

import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// `--lang`, taken by every command: the language of what it prints about failures and notices
/// (and, for `init`, `join` and `member profile`, the profile's own language).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "The language of messages: en or fr (default: fr under a French LC_ALL, LC_MESSAGES or LANG, else the profile's).")
    var lang: Language?

    func resolve(profile: String? = nil) -> Language {
        LanguageChoice.resolve(flag: lang, profile: profile, environment: Environment.current)
    }

    func reportingErrors(_ work: () throws -> Void) throws { try runReportingErrors(in: { resolve() }, work) }
}

/// `--home` and `--lang`, taken by every command.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: "The profile folder (default: $INTERSESSION_HOME, then $XDG_DATA_HOME/intersession).")
    var home: String?
    @OptionGroup var language: LanguageOption

    var profile: ProfileHome {
        ProfileHome.resolve(explicit: home, environment: Environment.current)
    }

    /// The language `--lang` names, if it was given.
    var lang: Language? { language.lang }

    /// The language this command speaks (`LanguageChoice`).
    var messageLanguage: Language { language.resolve(profile: config["lang"]) }

    /// Runs the command's work; a failure ends as one line in `messageLanguage`.
    func reportingErrors(_ work: () throws -> Void) throws { try runReportingErrors(in: { messageLanguage }, work) }

    /// The store and key of an existing profile. Commands that only read pass `readOnly`, so
    /// that they work while another process writes. A command does one thing at a time: one
    /// connection serves its reads and writes.
    func open(readOnly: Bool = false) throws -> (store: AppDatabase, key: DeviceKey) {
        let profile = self.profile
        let key = try profile.loadKey()
        warnIfExposed()
        return (ProcessLifetime.keep(try profile.openStore(readOnly: readOnly, oneConnection: true)), key)
    }

    /// The store alone, for a command that only reads and never asks who this device is: its
    /// key is not loaded (deriving its public keys costs a listing about 0.9 M instructions,
    /// a sixth of what `members` takes; issue 14).
    func openStore(readOnly: Bool = true) throws -> AppDatabase {
        let store = try profile.openStore(readOnly: readOnly, oneConnection: true)
        warnIfExposed()
        return ProcessLifetime.keep(store)
    }

    /// The acts of this profile, for a command that signs.
    func actions() throws -> Actions {
        let actions = try Actions(home: profile, clock: Clock.now)
        warnIfExposed()
        return actions
    }

    /// A line on stderr for each part of the home other users of the machine can read.
    func warnIfExposed() {
        let exposed = profile.exposedPaths
        guard !exposed.isEmpty else { return }
        let phrasebook = Phrasebook(language: messageLanguage)
        for path in exposed { Output.notice(phrasebook.text("notice.homeExposed", [path.terminalSafe])) }
    }

    /// Runs `init` or `join`, which make the home: when they use an existing folder open to
    /// other users, it is made the owner's alone, and this says so in one line.
    func makingHome<Result>(_ work: () throws -> Result) throws -> Result {
        let home = profile
        let wasOpen = FileManager.default.fileExists(atPath: home.folder.path) && home.folderIsOpenToOthers
        let result = try work()
        if wasOpen {
            Output.notice(Phrasebook(language: messageLanguage).text("notice.homeTightened", [home.folder.path.terminalSafe]))
        }
        return result
    }

    /// Runs an act and says, on stderr, when it first took in this profile's own newer changes
    /// from its folders (a restored backup), which it did instead of forking its feed.
    func act<Result>(_ work: (Actions) throws -> Result) throws -> Result {
        let actions = try actions()
        defer {
            if actions.adoptedChanges > 0 {
                let notice = Phrasebook(language: messageLanguage).text("notice.adopted", [String(actions.adoptedChanges)])
                Output.notice(notice)
            }
        }
        return try work(actions)
    }

    var config: ProfileConfig { ProfileConfig.load(from: profile.configURL) }
}

/// `--json`, taken by every listing command.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

enum Clock {
    /// Now, in unix milliseconds. `INTERSESSION_NOW` fixes it, for reproducible scripts.
    static func now() -> Int64 {
        if let fixed = Environment.current["INTERSESSION_NOW"].flatMap(Int64.init) { return fixed }
        return Int64(Date().timeIntervalSince1970 * 1000)
    }
}

import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionTUI

/// `intersession` alone: the terminal interface on the profile (or the welcome screen).
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the terminal interface (the default command).")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        try profile.reportingErrors {
            try interface.open(profile.profile, demoFolder: DemoCommand.defaultFolder, language: profile.lang)
        }
    }
}

/// How the interface looks: plain mode for screen readers. (Its language is `--lang`.)
struct InterfaceOptions: ParsableArguments {
    @Flag(help: "For screen readers: no box drawing, one item per line, the cursor on the focused line.") var plain = false

    func open(_ home: ProfileHome, demoFolder: URL, language lang: Language?) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw InputError("needsTerminal")
        }
        let environment = ProcessInfo.processInfo.environment
        let session = home.exists ? try Session.open(home) : nil
        let language = LanguageChoice.resolve(
            flag: lang, profile: ProfileConfig.load(from: home.configURL)["lang"], environment: environment)
        let colors = (environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try NcursesTerminal(colors: colors)
        var model = Model(
            language: language, plain: plain, width: terminal.width, height: terminal.height, now: Clock.now(),
            me: session?.key.feed.hex, groupTitle: session?.groupTitles.text(in: language) ?? "",
            start: session == nil ? .welcome(WelcomeState()) : .topics(ListState()))
        model.colors = colors && terminal.hasColors
        model.groupTitles = session?.groupTitles
        Runtime(terminal: terminal, model: model, session: session, home: home, demoFolder: demoFolder,
                environment: environment).run()
    }
}

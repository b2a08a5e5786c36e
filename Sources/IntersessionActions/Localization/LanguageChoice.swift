import IntersessionCore

/// Which language the interface and the command line speak: `--lang`; else French when the
/// locale (the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set) is French; else the
/// profile's `lang`; else English. A French locale comes before the profile's setting because
/// every profile has one (`init` writes `en` unless told otherwise): a reader who set a French
/// locale would otherwise never be answered in French.
public enum LanguageChoice {
    public static func resolve(flag: Language?, profile: String?, environment: [String: String]) -> Language {
        if let flag { return flag }
        if locale(environment) == .fr { return .fr }
        if let profile, let language = Language(rawValue: profile) { return language }
        return locale(environment) ?? .en
    }

    /// The locale's language, when one is set.
    static func locale(_ environment: [String: String]) -> Language? {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return value.lowercased().hasPrefix("fr") ? .fr : .en }
        }
        return nil
    }
}

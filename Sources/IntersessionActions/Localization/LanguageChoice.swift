import IntersessionCore

/// Which language the interface and the command line speak: `--lang`, else the profile's
/// setting, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
public enum LanguageChoice {
    public static func resolve(flag: Language?, profile: String?, environment: [String: String]) -> Language {
        if let flag { return flag }
        if let profile, let language = Language(rawValue: profile) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }
}

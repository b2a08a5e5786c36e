/// Options every command takes, accepted before the subcommand too (`intersession --home H init …`):
/// ArgumentParser reads a subcommand's options only after its name, so they are moved behind the
/// command words before parsing.
enum LeadingOptions {
    /// The options that may lead, each followed by a value. (An array: a process's first
    /// `Set<String>` costs a scan of every conformance in the binary, issue 14.)
    static let names = ["--home", "--lang"]

    /// `arguments` with the leading global options moved after the rest (before a `--`, if any).
    static func reordered(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if names.contains(where: { argument.hasPrefix($0 + "=") }) {
                leading.append(argument)
                index += 1
            } else if names.contains(argument), index + 1 < arguments.count {
                leading += arguments[index...index + 1]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: end)
        return rest
    }

    /// The value of a global option wherever it stands, for what is said before parsing.
    static func value(of name: String, in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            if argument == name, index + 1 < arguments.count { return arguments[index + 1] }
        }
        return nil
    }
}

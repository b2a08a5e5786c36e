/// Text from outside (a file or folder name read from a shared folder, a path from a file) made
/// safe to print on one terminal line: a crafted name can neither forge a line of its own nor
/// send an escape sequence to the terminal. Control characters (C0, DEL, C1), line and
/// paragraph separators and bidirectional overrides print as `\n`, `\t`, `\r` or `\u{…}`, and a
/// backslash doubles, so the printed form tells the real name exactly.
extension String {
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where Self.needsEscape(scalar): out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Several lines of text from outside (a post body) made safe to print: newlines and tabs
    /// stay (a Windows line end prints as a newline), every other character `terminalSafe`
    /// escapes prints as `\u{…}` (an ESC never reaches the terminal), and a backslash stays.
    public var terminalSafeLines: String {
        guard unicodeScalars.contains(where: Self.needsEscapeInLines) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        let scalars = Array(unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                continue  // a Windows line end prints as the line end it is
            } else if Self.needsEscapeInLines(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsEscapeInLines(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && scalar != "\\" && needsEscape(scalar)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x5C: true
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension Unicode.Scalar {
    /// Whether the scalar would act on a terminal instead of printing (a control, a line
    /// separator, a bidirectional override): what `terminalSafe` escapes, less the backslash.
    public var actsOnTerminal: Bool { self != "\\" && String.needsEscape(self) }
}

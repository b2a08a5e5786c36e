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

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x5C: true
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

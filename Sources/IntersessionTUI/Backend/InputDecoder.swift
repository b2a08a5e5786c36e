/// One thing `wget_wch` returned: a character (`OK`) or a key code (`KEY_CODE_YES`).
enum RawInput: Sendable, Hashable {
    case character(UInt32)
    case keyCode(Int32)
}

/// Turns the stream of raw input into keys. It resolves what one read cannot:
///
/// - ESC then another key already waiting is Alt with that key (`alt+x`); ESC alone is `esc`.
/// - `ESC [ 200 ~` … `ESC [ 201 ~` (bracketed paste) is one `.paste` with the text between,
///   whether the markers arrive as key codes (`define_key`) or as characters.
/// - Other `ESC [` sequences ncurses did not recognise (focus reports, unknown keys) are
///   dropped, never typed.
/// - Scalars that arrive together and form one grapheme cluster (an accent, a skin tone, a
///   flag) are one `.character`.
///
/// Feed each input with `feed`; when no more input is waiting (`needsMoreInput` asks the
/// terminal to look without waiting), call `idle`. In a paste, call `idle` only once input
/// has stopped for a while, the sign that the end marker was lost.
struct InputDecoder: Sendable {
    private enum State: Sendable, Hashable {
        case ground
        case escape
        /// After `ESC [`: the parameter and intermediate bytes so far.
        case controlSequence(String)
        /// Inside a bracketed paste: the text so far and the part of a possible end marker.
        case paste(text: String, marker: String)
    }

    let codes: KeyCodeMap
    private var state = State.ground
    /// A printable character not yet emitted, in case a combining scalar follows it.
    private var pendingCharacter: String?

    private static let pasteStartParameters = "200~"
    private static let pasteEndMarker = "\u{1B}[201~"
    /// The most of an `ESC [` sequence kept; a paste marker is far shorter.
    private static let maximumSequenceLength = 32

    init(codes: KeyCodeMap = KeyCodeMap()) {
        self.codes = codes
    }

    /// Whether the decoder holds input that the next read may complete.
    var needsMoreInput: Bool { state != .ground || pendingCharacter != nil }

    /// Whether a bracketed paste has started and not yet ended.
    var isInPaste: Bool {
        if case .paste = state { return true }
        return false
    }

    mutating func feed(_ input: RawInput) -> [Key] {
        var keys: [Key] = []
        if case .paste = state {
            feedPaste(input, into: &keys)
            return keys
        }
        if case .character(let value) = input, let pending = pendingCharacter,
           let scalar = Unicode.Scalar(value), state == .ground, joins(pending, scalar) {
            pendingCharacter = pending + String(scalar)
            return []
        }
        flushCharacter(into: &keys)
        switch state {
        case .ground:
            feedGround(input, into: &keys)
        case .escape:
            feedEscape(input, into: &keys)
        case .controlSequence(let bytes):
            feedControlSequence(bytes, input, into: &keys)
        case .paste:
            break
        }
        return keys
    }

    /// No more input is waiting: whatever was held back is complete.
    mutating func idle() -> [Key] {
        var keys: [Key] = []
        flushCharacter(into: &keys)
        switch state {
        case .ground:
            break
        case .escape:
            keys.append(.escape)
        case .controlSequence(let bytes):
            // `ESC [` alone is Alt with `[`; a sequence cut short is noise.
            if bytes.isEmpty { keys.append(.alt("[")) }
        case .paste(let text, let marker):
            appendPaste(text + marker, to: &keys)
        }
        state = .ground
        return keys
    }

    // MARK: - States

    private mutating func feedGround(_ input: RawInput, into keys: inout [Key]) {
        switch input {
        case .keyCode(let code):
            if code == codes.pasteStart {
                state = .paste(text: "", marker: "")
            } else if code != codes.pasteEnd, let key = codes.key(forCode: code) {
                keys.append(key)
            }
        case .character(27):
            state = .escape
        case .character(let value):
            guard let key = KeyCodeMap.key(forScalar: value) else { return }
            if case .character(let character) = key {
                pendingCharacter = String(character)
            } else {
                keys.append(key)
            }
        }
    }

    private mutating func feedEscape(_ input: RawInput, into keys: inout [Key]) {
        state = .ground
        switch input {
        case .character(27):
            keys.append(.escape)
            state = .escape
        case .character(0x5B):
            state = .controlSequence("")
        case .keyCode(let code) where code == codes.pasteStart:
            keys.append(.escape)
            state = .paste(text: "", marker: "")
        case .keyCode(let code):
            keys.append(codes.key(forCode: code).map(KeyCodeMap.withAlt) ?? .escape)
        case .character(let value):
            keys.append(KeyCodeMap.key(forScalar: value).map(KeyCodeMap.withAlt) ?? .escape)
        }
    }

    private mutating func feedControlSequence(_ bytes: String, _ input: RawInput, into keys: inout [Key]) {
        guard case .character(let value) = input, (0x20...0x7E).contains(value),
              let scalar = Unicode.Scalar(value) else {
            // Not part of a sequence after all: drop what was collected, read this afresh.
            state = .ground
            feedGround(input, into: &keys)
            return
        }
        let sequence = bytes + String(scalar)
        if (0x40...0x7E).contains(value) {
            // The final byte: a paste start, or a sequence nobody asked for.
            state = sequence == Self.pasteStartParameters ? .paste(text: "", marker: "") : .ground
        } else {
            // Past any length worth keeping, the bytes are still swallowed up to the final one.
            state = .controlSequence(sequence.utf8.count > Self.maximumSequenceLength ? bytes : sequence)
        }
    }

    private mutating func feedPaste(_ input: RawInput, into keys: inout [Key]) {
        guard case .paste(var text, var marker) = state else { return }
        switch input {
        case .keyCode(let code):
            if code == codes.pasteEnd {
                state = .ground
                appendPaste(text + marker, to: &keys)
                return
            }
            // ncurses may take a pasted byte for a key; keep the ones that are text.
            if codes.key(forCode: code) == .enter { text += "\n" }
        case .character(let value):
            guard let scalar = Unicode.Scalar(value) else { break }
            let candidate = marker + String(scalar)
            if Self.pasteEndMarker.hasPrefix(candidate) {
                if candidate == Self.pasteEndMarker {
                    state = .ground
                    appendPaste(text, to: &keys)
                    return
                }
                marker = candidate
            } else if value == 27 {
                text += marker
                marker = "\u{1B}"
            } else {
                text += candidate
                marker = ""
            }
        }
        state = .paste(text: text, marker: marker)
    }

    // MARK: - Helpers

    /// Whether `scalar` extends the grapheme cluster `text` rather than starting a new one.
    private func joins(_ text: String, _ scalar: Unicode.Scalar) -> Bool {
        (text + String(scalar)).count == 1
    }

    private mutating func flushCharacter(into keys: inout [Key]) {
        guard let pending = pendingCharacter else { return }
        pendingCharacter = nil
        if let character = pending.first { keys.append(.character(character)) }
    }

    /// Adds a paste with line ends as `\n` (terminals send Return as `\r`); an empty
    /// paste is no event.
    private func appendPaste(_ text: String, to keys: inout [Key]) {
        var normalized = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                normalized.append("\n")
                afterReturn = true
                continue
            }
            if !(scalar == "\n" && afterReturn) { normalized.append(scalar) }
            afterReturn = false
        }
        if !normalized.isEmpty { keys.append(.paste(String(normalized))) }
    }
}

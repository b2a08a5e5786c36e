import FuzzSupport
@testable import IntersessionTUI

// The interface's input decoder (terminal escape sequences, bracketed paste), fed what a
// terminal may send: the input is UTF-8 text, in which the bytes UTF-8 never uses stand for
// what ncurses adds: 0xFF then a byte is a key code (0 and 1 the paste markers), 0xFE is a
// pause in the input (`idle`). Whatever arrives, no control character is typed, no paste
// holds its end marker, and once idle the decoder holds nothing back.

private let pasteStart: Int32 = 0x7F00
private let pasteEnd: Int32 = 0x7F01

@_cdecl("FuzzInput_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzInput)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { _ in
        let sequences = [
            "hello", "e\u{301}t\u{E9} \u{1F1EF}\u{1F1F5} \u{1F44D}\u{1F3FD}", "\u{1B}[200~pasted\r\nlines\u{1B}[201~",
            "\u{1B}[200~cut short", "\u{1B}x\u{1B}\u{1B}\u{1B}[", "\u{1B}[I\u{1B}[O\u{1B}[1;5A\u{1B}[3~", "\u{1B}OP\u{1B}[15;2~",
            "\u{1B}[M !!", "\u{1B}[<0;10;5M", "\u{1B}[200~a\u{1B}[201x\u{1B}\u{1B}[201~", "\u{01}\u{7F}\u{08}\t\r\n\u{1C}",
        ].map { Array($0.utf8) }
        let withCodes: [[UInt8]] = [
            [0xFF, 0x00] + Array("pasted text".utf8) + [0xFF, 0x01], [0xFF, 0x03, 0xFF, 0x02, 0x1B, 0xFF, 0x05, 0xFE, 0x1B, 0xFE],
            [0x1B, 0xFF, 0x00] + Array("x\r".utf8) + [0xFF, 0x57, 0xFE], Array("a".utf8) + [0xFE, 0xCC, 0x81, 0xFE],
        ]
        return sequences + withCodes
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var decoder = InputDecoder(codes: KeyCodeMap(pasteStart: pasteStart, pasteEnd: pasteEnd))
    var keys: [Key] = []
    for event in events(Fuzz.bytes(data, size)) {
        switch event {
        case .input(let raw): keys += decoder.feed(raw)
        case .idle: keys += decoder.idle()
        }
    }
    keys += decoder.idle()
    guard !decoder.needsMoreInput else { Fuzz.violated("the decoder holds input back once idle") }
    for key in keys { check(key) }
    return 0
}

private func check(_ key: Key) {
    switch key {
    case .character(let character):
        if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            Fuzz.violated("a control character is typed")
        }
    case .paste(let text):
        if text.isEmpty { Fuzz.violated("an empty paste") }
        if text.contains("\u{1B}[201~") { Fuzz.violated("a paste holds its end marker") }
        if text.contains("\r") { Fuzz.violated("a paste keeps a carriage return") }
    case .named(let name):
        if name.isEmpty { Fuzz.violated("a key without a name") }
    }
}

private enum Event {
    case input(RawInput)
    case idle
}

/// The input as the decoder receives it: scalars, key codes and pauses.
private func events(_ bytes: [UInt8]) -> [Event] {
    var events: [Event] = []
    var index = 0
    while index < bytes.count {
        switch bytes[index] {
        case 0xFE:
            events.append(.idle)
            index += 1
        case 0xFF:
            let code = index + 1 < bytes.count ? Int32(bytes[index + 1]) : 0
            events.append(.input(.keyCode(code == 0 ? pasteStart : code == 1 ? pasteEnd : 0x100 + code)))
            index += 2
        default:
            let (scalar, length) = decodeScalar(bytes, at: index)
            if let scalar { events.append(.input(.character(scalar.value))) }
            index += length
        }
    }
    return events
}

/// The scalar whose UTF-8 starts at `index` and its length; nil for a byte that starts none.
private func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar?, Int) {
    var iterator = bytes[index...].prefix(4).makeIterator()
    var decoder = Unicode.UTF8()
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar): return (scalar, String(scalar).utf8.count)
    case .emptyInput, .error: return (nil, 1)
    }
}

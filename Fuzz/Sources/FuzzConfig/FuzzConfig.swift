import FuzzSupport
import IntersessionStore

// The profile's config file, read as `ProfileConfig.load` reads it (text that is not UTF-8
// is no settings): the settings it holds, written back, read as the same settings.

@_cdecl("FuzzConfig_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzConfig)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in
        let written = ProfileConfig(values: ["lang": "fr", "editor": "vi -n", "note": "a = b # c"]).text
        return files.configs + [Array(written.utf8), Array("# comment\n\tlang=en\r\nlang = fr\n=x\n".utf8)]
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let text = String(validating: input, as: UTF8.self) else { return 0 }
    let config = ProfileConfig.parse(text)
    guard ProfileConfig.parse(config.text) == config else { Fuzz.violated("settings written back read as other settings") }
    return 0
}

import CFuzzer
import Crypto
import Foundation

/// What every fuzz target shares: the input as bytes, the way a broken property fails the run
/// (libFuzzer keeps the input that led there), and the fixed keys the sealed targets use.
public enum Fuzz {
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Stops the run as a crash: the decoder broke a property it promises.
    public static func violated(_ property: String) -> Never {
        fatalError("fuzz property violated: \(property)")
    }

    /// The epoch key the sealed target holds; its seeds are real segments sealed under it.
    public static var epochKey: SymmetricKey { SymmetricKey(data: [UInt8](repeating: 0x5A, count: 32)) }
    /// A key nobody sealed anything under: opening with it must fail cleanly.
    public static var strangerKey: SymmetricKey { SymmetricKey(data: [UInt8](repeating: 0xA5, count: 32)) }
    /// A device's agreement key no envelope was ever wrapped for.
    public static var strangerDevice: Curve25519.KeyAgreement.PrivateKey {
        try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: [UInt8](repeating: 0x33, count: 32))
    }
}

extension Fuzz {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// A target's entry point (`<Target>_main`): libFuzzer's driver with the target's test.
    public static func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: TestOneInput) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }
}

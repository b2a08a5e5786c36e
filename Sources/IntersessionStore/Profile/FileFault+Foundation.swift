import Foundation
import IntersessionCore

/// A document written with Foundation (`Data.write`) fails with a Cocoa error that carries the
/// path and, underneath, the errno: the faults of `FileFault` among them are named as such.
extension FileFault {
    public init?(foundation error: Error) {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return nil }
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
        var kind: Kind?
        if error.domain == NSPOSIXErrorDomain {
            kind = Kind(errno: Int32(error.code))
        } else if error.code == CocoaError.fileWriteOutOfSpace.rawValue {
            kind = .noSpace
        } else if error.code == CocoaError.fileWriteVolumeReadOnly.rawValue {
            kind = .readOnly
        } else if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            kind = Kind(errno: Int32(underlying.code))
        }
        guard let kind, let path, !path.isEmpty else { return nil }
        self.init(path: path, kind: kind)
    }
}

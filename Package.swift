// swift-tools-version:6.1
import PackageDescription

/// Release builds make generic types' metadata with their accessors instead of from mangled
/// names: on Linux each first such instantiation checks its conformances at run time by
/// scanning every conformance record of the binary (all of Foundation's), about 0.45 M
/// instructions each, several per command (issue 14, callgrind).
let metadataAccessors: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(platforms: [.linux], configuration: .release)),
]

/// Release builds of the executables are static: loaded as shared libraries, the Swift runtime
/// and Foundation cost every command about 10 ms before its first line of work, and relocating
/// and binding them at each start a quarter of `whoami`'s instructions (issue 14). The C
/// libraries are named again for the static link, after the objects that use them.
let staticExecutable: (swift: [SwiftSetting], linker: [LinkerSetting]) = (
    [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))] + metadataAccessors,
    [.unsafeFlags(["-static-executable", "-Xlinker", "-lncursesw", "-Xlinker", "-ltinfo", "-Xlinker", "-lsqlite3",
                   "-Xlinker", "-lssl", "-Xlinker", "-lcrypto", "-Xlinker", "-lz", "-Xlinker", "-ldl", "-Xlinker", "-lpthread",
                   "-Xlinker", "-lm"], .when(platforms: [.linux], configuration: .release))]
)

let package = Package(
    name: "Intersession",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "intersession", targets: ["intersession"]),
        // The decoders' layers, for the fuzz package under Fuzz/ (issue 19); `swift build`
        // builds these targets anyway, so naming them as products changes nothing here.
        .library(name: "IntersessionDecoders", targets: ["IntersessionCore", "IntersessionStore", "IntersessionSync", "IntersessionTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Data shipped inside the binary (templates, later the UI catalogs), embedded at build time
        // so that a copied binary needs no bundle beside it.
        .target(
            name: "IntersessionResources",
            path: "Resources",
            resources: [
                .embedInCode("templates/wgec.json"),
                .embedInCode("templates/blank.json"),
                .embedInCode("demo/wgec-demo.json"),
                .embedInCode("i18n/en.json"),
                .embedInCode("i18n/fr.json"),
            ]
        ),
        .target(
            name: "IntersessionCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: metadataAccessors
        ),
        .target(
            name: "IntersessionStore",
            dependencies: [
                "IntersessionCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite library itself, to bind the values of the import's hot statements.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: metadataAccessors
        ),
        .target(
            name: "IntersessionSync",
            dependencies: ["IntersessionCore", "IntersessionStore", "CZlib", "CTLS", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: metadataAccessors
        ),
        // The system's zlib: segments are gzip-compressed before they are sealed (issue 14).
        .target(
            name: "CZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        // The system's OpenSSL 3, for the HTTP client of the object-storage and WebDAV transports
        // (issue 20): a small shim, so that Swift never sees OpenSSL's headers beside the
        // BoringSSL that swift-crypto bundles (whose symbols are prefixed: nothing clashes).
        .target(
            name: "CTLS",
            linkerSettings: [.linkedLibrary("ssl"), .linkedLibrary("crypto")]
        ),
        // Every act a person can take (DESIGN §2): the front ends and the demo act only through it.
        .target(
            name: "IntersessionActions",
            dependencies: ["IntersessionCore", "IntersessionStore", "IntersessionSync", "IntersessionResources"],
            swiftSettings: metadataAccessors
        ),
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "IntersessionTUI",
            dependencies: ["IntersessionCore", "IntersessionStore", "IntersessionSync", "IntersessionActions", "IntersessionResources", "CNcurses"],
            swiftSettings: metadataAccessors
        ),
        .executableTarget(
            name: "intersession",
            dependencies: [
                "IntersessionCore", "IntersessionStore", "IntersessionSync", "IntersessionActions", "IntersessionTUI",
                "IntersessionResources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticExecutable.swift,
            linkerSettings: staticExecutable.linker
        ),
        .executableTarget(
            name: "intersession-bench",
            dependencies: [
                "IntersessionCore", "IntersessionStore", "IntersessionSync", "IntersessionActions", "IntersessionTUI",
                "IntersessionResources",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // Linked as the product is, so that what it measures in a child process of its
            // own (a fresh peer) starts as `intersession` does.
            swiftSettings: staticExecutable.swift,
            linkerSettings: staticExecutable.linker
        ),
        .testTarget(name: "IntersessionCoreTests", dependencies: ["IntersessionCore", "IntersessionResources"]),
        .testTarget(name: "IntersessionStoreTests", dependencies: ["IntersessionStore", "IntersessionResources"]),
        // The sync tests make members through the acts (invite, join), as people do.
        .testTarget(name: "IntersessionSyncTests", dependencies: ["IntersessionSync", "IntersessionActions", "IntersessionResources"]),
        .testTarget(name: "IntersessionActionsTests", dependencies: ["IntersessionActions", "IntersessionResources"]),
        .testTarget(name: "IntersessionTUITests", dependencies: ["IntersessionTUI", "IntersessionActions", "IntersessionResources"]),
    ],
    swiftLanguageModes: [.v6]
)

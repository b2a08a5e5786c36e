// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for every decoder that reads bytes from outside (issue 19). A package of
/// its own, so that the main package's `swift build` and `swift test` neither build nor wait
/// for them; built by Scripts/fuzz.sh with `-sanitize=fuzzer,address`.
let fuzzers = ["FuzzJSON", "FuzzChange", "FuzzOp", "FuzzSegment", "FuzzSealed", "FuzzKeyFile", "FuzzInvite", "FuzzConfig", "FuzzInput"]

let package = Package(
    name: "IntersessionFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Intersession", path: ".."),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "CFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzer",
                .product(name: "IntersessionDecoders", package: "Intersession"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ] + fuzzers.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "IntersessionDecoders", package: "Intersession"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        )
    }
)

// swift-tools-version: 6.0
import PackageDescription

/// Settings every WardSim target shares: Swift 6 language mode comes from the tools
/// version; `InternalImportsByDefault` keeps C types out of public API.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "WardSim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wardsim", targets: ["wardsim"]),
        .library(name: "WardSimCore", targets: ["WardSimCore"]),
    ],
    targets: [
        // C libraries from Debian, reached through module maps and shim headers.
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(
            name: "CSodium", pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]),

        // The domain: pure Swift + Foundation, no C.
        .target(name: "WardSimCore", swiftSettings: swiftSettings),
        // Adapters, one per C library.
        .target(name: "WardSimHTTP", dependencies: ["CMicroHTTPD"], swiftSettings: swiftSettings),
        .target(name: "WardSimStore", dependencies: ["CSQLite", "WardSimCore"], swiftSettings: swiftSettings),
        .target(name: "WardSimLLM", dependencies: ["CCurl"], swiftSettings: swiftSettings),
        .target(name: "WardSimSecurity", dependencies: ["CSodium"], swiftSettings: swiftSettings),
        // Where they meet.
        .target(
            name: "WardSimApp",
            dependencies: ["WardSimCore", "WardSimHTTP", "WardSimStore", "WardSimLLM", "WardSimSecurity"],
            swiftSettings: swiftSettings),
        .executableTarget(name: "wardsim", dependencies: ["WardSimApp"], swiftSettings: swiftSettings),
        // What the LLM client costs over raw libcurl on loopback (docs/llm.md).
        .executableTarget(
            name: "wardsim-llm-bench", dependencies: ["WardSimLLM", "WardSimHTTP", "CCurl"], path: "Benchmarks/LLMClient",
            swiftSettings: swiftSettings),
        // Patient-turn cost without HTTP and prompt tokens per LLM turn (Benchmarks/patient-turn).
        .executableTarget(
            name: "wardsim-turn-bench", dependencies: ["WardSimCore"], path: "Benchmarks/PatientTurn",
            exclude: ["load.py"], swiftSettings: swiftSettings),

        .testTarget(
            name: "WardSimCoreTests", dependencies: ["WardSimCore"],
            // Injection attacks and validator cases are read through #filePath, like the fixtures.
            exclude: ["InjectionFixtures", "ValidatorFixtures"], resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        .testTarget(name: "WardSimHTTPTests", dependencies: ["WardSimHTTP", "WardSimLLM"], swiftSettings: swiftSettings),
        .testTarget(name: "WardSimStoreTests", dependencies: ["WardSimStore"], swiftSettings: swiftSettings),
        .testTarget(name: "WardSimLLMTests", dependencies: ["WardSimLLM", "WardSimHTTP"], swiftSettings: swiftSettings),
        .testTarget(name: "WardSimSecurityTests", dependencies: ["WardSimSecurity"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WardSimAppTests", dependencies: ["WardSimApp", "WardSimLLM"], swiftSettings: swiftSettings),
    ]
)

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "callsim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "callsim", targets: ["callsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Pure core: values in, values out. No terminal, files, clock or global randomness.
        .target(name: "CallsimCore"),
        .target(name: "CallsimScoring", dependencies: ["CallsimCore"]),
        .target(name: "CallsimPersonas", dependencies: [
            "CallsimCore", "CallsimScoring", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "CallsimDialer", dependencies: [
            "CallsimCore", .product(name: "Yams", package: "Yams"),
        ]),
        // Edge: the database, the terminal and the command line.
        .target(name: "CallsimStore", dependencies: [
            "CallsimCore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .executableTarget(name: "callsim", dependencies: [
            "CallsimCore", "CallsimScoring", "CallsimPersonas", "CallsimDialer", "CallsimStore", "CReadline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Labelled calls are read from the source tree by path.
        .testTarget(name: "CallsimScoringTests", dependencies: ["CallsimCore", "CallsimScoring"], exclude: ["Fixtures"]),
        .testTarget(name: "CallsimPersonasTests", dependencies: ["CallsimCore", "CallsimScoring", "CallsimPersonas"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CallsimDialerTests", dependencies: ["CallsimCore", "CallsimDialer"]),
        .testTarget(name: "CallsimStoreTests", dependencies: ["CallsimCore", "CallsimStore"]),
        // Runs the built binary (on a pseudo-terminal and with pipes).
        .testTarget(name: "CallsimCLITests", dependencies: ["CallsimCore"]),
    ]
)

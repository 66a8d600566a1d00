// swift-tools-version:6.1
import PackageDescription

// The geodesy benchmark: Safer's OSTN15 conversions on points from generate.py. Depends on the
// Foundation-only SaferDomain library alone (OSTN15 comes with it as a resource bundle), so a
// release build compiles the rules, not the web stack.
let package = Package(
    name: "geodesy-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "safer", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "geodesy-bench",
            dependencies: [.product(name: "SaferDomain", package: "safer")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)

// swift-tools-version:6.1
import PackageDescription

// The hot-spot benchmark: Safer's DBSCAN and Gi* on points from generate.py. Depends on the
// Foundation-only SaferDomain library alone, so a release build compiles the rules, not the web stack.
let package = Package(
    name: "hotspots-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "safer", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "hotspots-bench",
            dependencies: [.product(name: "SaferDomain", package: "safer")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)

import Foundation

/// Tiny images made once with Pillow and piexif (Fixtures/make_fixtures.py), read from
/// `Fixtures/` beside this file.
enum PhotoFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try [UInt8](Data(contentsOf: url))
    }
}

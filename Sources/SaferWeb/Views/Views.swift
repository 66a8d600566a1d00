import Foundation
import Hummingbird
import Mustache
import NIOCore

/// The Mustache templates, loaded once at start-up.
public struct Views: Sendable {
    let library: MustacheLibrary

    /// Loads every `.mustache` file shipped in the module's resources.
    public static func load() throws -> Views {
        guard let directory = Bundle.module.url(forResource: "Resources/Templates", withExtension: nil) else {
            throw ResourceError(name: "Resources/Templates")
        }
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }
        for file in files.sorted() {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        return Views(library: library)
    }

    /// Renders a template to HTML (escaped by Mustache's `{{ }}`).
    func render(_ template: String, _ model: Any) -> String {
        guard let html = library.render(model, withTemplate: template) else {
            preconditionFailure("No template named \(template)")
        }
        return html
    }

    /// An HTML response.
    func response(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: render(template, model))))
    }
}

/// A file Safer ships is missing from the build.
struct ResourceError: Error, CustomStringConvertible {
    let name: String
    var description: String { "The resource \(name) is missing from this build of Safer." }
}

/// Redirect after a successful form post (POST/redirect/GET).
func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}

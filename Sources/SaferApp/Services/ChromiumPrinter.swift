import Foundation

/// Placeholder until the DevTools printer lands.
public struct ChromiumPrinter: Sendable {
    let executable: String?
    public init(path: String?) { executable = path ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") ? "/usr/bin/chromium" : nil) }
    public var isAvailable: Bool { executable != nil }
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "Install Chromium (apt install chromium) or set SAFER_CHROMIUM to its path to make PDFs." }
    }
    public func printPDF(html: String, agendaAnchors: [String]) async throws -> Data { throw Unavailable() }
}

import Foundation

/// A file sent with a form (`<input type="file">`).
public struct UploadedFile: Sendable {
    public let filename: String
    public let contentType: String
    public let data: Data
}

/// Reads `multipart/form-data` bodies (RFC 7578): the fields go into a `FormData`, the files
/// beside them. Small and strict: a body that does not follow the format is refused whole.
enum MultipartForm {
    /// The boundary named in a Content-Type header, if it is multipart/form-data.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" { return String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// Splits a body into fields and files.
    static func parse(_ body: Data, boundary: String) throws -> (fields: [(String, String)], files: [(String, UploadedFile)]) {
        let delimiter = Data("--\(boundary)".utf8)
        var fields: [(String, String)] = []
        var files: [(String, UploadedFile)] = []
        var position = body.startIndex
        guard let first = body.range(of: delimiter, in: position..<body.endIndex) else { throw MultipartError() }
        position = first.upperBound
        while true {
            // After a delimiter: "--" ends the body; otherwise CRLF, headers, blank line, content.
            if body[position..<min(position + 2, body.endIndex)] == Data("--".utf8) { break }
            guard let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: position..<body.endIndex),
                  let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<body.endIndex) else {
                throw MultipartError()
            }
            let headers = String(decoding: body[position..<headerEnd.lowerBound], as: UTF8.self)
            let content = body[headerEnd.upperBound..<next.lowerBound]
            var name: String?, filename: String?, type = "application/octet-stream"
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: line)
                    filename = parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            if let name {
                if let filename {
                    if !filename.isEmpty { files.append((name, UploadedFile(filename: filename, contentType: type, data: Data(content)))) }
                } else {
                    fields.append((name, String(decoding: content, as: UTF8.self)))
                }
            }
            position = next.upperBound
        }
        return (fields, files)
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: "\(key)=\"", options: .caseInsensitive) else { return nil }
        // "name=" must not match inside "filename=".
        if key == "name", range.lowerBound > line.startIndex, line[line.index(before: range.lowerBound)].isLetter {
            let rest = String(line[range.upperBound...])
            return parameter(key, in: rest)
        }
        guard let end = line[range.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(line[range.upperBound..<end])
    }
}

/// The body claimed to be multipart but was not well formed.
struct MultipartError: Error, CustomStringConvertible {
    var description: String { "The uploaded form could not be read. Try again from the page." }
}

import Foundation

/// The plain-text form officers type a report's parts in: paragraphs separated by a blank line,
/// `## Heading` starting a numbered section (or an appendix) and `### Heading` a subsection.
public enum ReportText {
    /// Paragraphs separated by blank lines, each trimmed; lines within a paragraph joined by a space.
    public static func paragraphs(_ text: String) -> [String] {
        var result: [String] = [], current: [String] = []
        for line in lines(text) {
            if line.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")); current = [] }
            } else { current.append(line) }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// One item a line (recommendations), blank lines ignored.
    public static func items(_ text: String) -> [String] { lines(text).filter { !$0.isEmpty } }

    /// The body's sections. Text before the first `##` heading is an error that says what to add.
    public static func sections(_ text: String) throws -> [OfficerReport.Section] {
        var sections: [OfficerReport.Section] = []
        var subsection: (heading: String, paragraphs: [String])?
        var paragraph: [String] = []
        func endParagraph() throws {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            paragraph = []
            guard !sections.isEmpty else {
                throw ValidationError("Start the body with a section heading on its own line, e.g. \"## Progress Report\", before \"\(text.prefix(40))\".", field: "body")
            }
            if subsection != nil { subsection?.paragraphs.append(text) } else { sections[sections.count - 1].parts.append(.paragraph(text)) }
        }
        func endSubsection() {
            if let open = subsection, !sections.isEmpty { sections[sections.count - 1].parts.append(.subsection(heading: open.heading, paragraphs: open.paragraphs)) }
            subsection = nil
        }
        for line in lines(text) {
            if line.hasPrefix("### ") {
                try endParagraph(); endSubsection()
                guard !sections.isEmpty else { throw ValidationError("\"\(line)\" is a subsection before any section; add a \"## Heading\" above it.", field: "body") }
                subsection = (String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces), [])
            } else if line.hasPrefix("## ") {
                try endParagraph(); endSubsection()
                sections.append(.init(heading: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), parts: []))
            } else if line.isEmpty {
                try endParagraph()
            } else {
                paragraph.append(line)
            }
        }
        try endParagraph(); endSubsection()
        return sections
    }

    /// The body as text, the inverse of `sections(_:)`.
    public static func text(_ sections: [OfficerReport.Section]) -> String {
        sections.map { section in
            (["## \(section.heading)"] + section.parts.map { part in
                switch part {
                case .paragraph(let text): text
                case .subsection(let heading, let paragraphs): (["### \(heading)"] + paragraphs).joined(separator: "\n\n")
                }
            }).joined(separator: "\n\n")
        }.joined(separator: "\n\n")
    }

    /// Appendices: `## Title` then their paragraphs.
    public static func appendices(_ text: String) throws -> [OfficerReport.Appendix] {
        try sections(text).map { section in
            var paragraphs: [String] = []
            for part in section.parts {
                switch part {
                case .paragraph(let text): paragraphs.append(text)
                case .subsection(let heading, _):
                    throw ValidationError("Appendix \"\(section.heading)\" has a subsection (\"### \(heading)\"); appendices take paragraphs and blocks only.", field: "appendices")
                }
            }
            // A first paragraph "Exempt under paragraph 7: …" marks the appendix exempt.
            if let first = paragraphs.first, let exemption = try Exemption.exemption(fromAppendixLine: first, appendix: section.heading) {
                return OfficerReport.Appendix(title: section.heading, paragraphs: Array(paragraphs.dropFirst()), exemption: exemption)
            }
            return OfficerReport.Appendix(title: section.heading, paragraphs: paragraphs)
        }
    }

    /// Appendices as text, the inverse of `appendices(_:)`.
    public static func text(_ appendices: [OfficerReport.Appendix]) -> String {
        appendices.map { (["## \($0.title)"] + ($0.exemption.map { [$0.appendixLine] } ?? []) + $0.paragraphs).joined(separator: "\n\n") }
            .joined(separator: "\n\n")
    }

    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

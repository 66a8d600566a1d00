import Foundation

/// The live data an officer can put in a report: each names a Safer report and renders from the
/// same service as its page, API operation and command.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
    case flyTipCount = "fly-tips.count"
    case enforcementSentence = "enforcement.sentence"
    case hotspotTable = "hotspots.table"
    case fundingSpent = "funding.spent"
    case fundingAllocated = "funding.allocated"
    case fundingTable = "funding.table"
    case performanceChange = "performance.change"
    case performanceToDate = "performance.to-date"
    case boroughTable = "performance.borough"
    case baselineTable = "performance.baseline"
    case beatTable = "performance.beats"
    case beatNarrative = "performance.beats-narrative"
    case trendChart = "performance.trend"
    case planTable = "plan.table"
    case planSummary = "plan.summary"
    case planOnSchedule = "plan.on-schedule"

    /// How the block shows: inside a sentence, as a list of sentences, as a table, or as a chart with its table.
    public enum Shape: String, Sendable, Codable { case inline, list, table, chart }

    public var shape: Shape {
        switch self {
        case .flyTipCount, .enforcementSentence, .fundingSpent, .fundingAllocated, .performanceChange, .performanceToDate, .planOnSchedule: .inline
        case .beatNarrative: .list
        case .hotspotTable, .fundingTable, .boroughTable, .baselineTable, .beatTable, .planTable, .planSummary: .table
        case .trendChart: .chart
        }
    }

    /// The parameters: required, then optional.
    public var parameters: (required: [BlockParameter], optional: [BlockParameter]) {
        switch self {
        case .flyTipCount, .enforcementSentence: ([.from, .to], [])
        case .hotspotTable: ([.from, .to], [.limit])
        case .fundingSpent, .fundingAllocated, .fundingTable: ([.year], [])
        case .boroughTable: ([.year], [.through])
        case .performanceChange, .performanceToDate: ([.indicator, .year], [.through])
        case .baselineTable: ([.through], [])
        case .beatTable, .beatNarrative: ([.quarter], [])
        case .trendChart: ([.indicator, .through], [])
        case .planTable: ([.plan], [.quarter])
        case .planSummary, .planOnSchedule: ([.year], [.kind, .quarter])
        }
    }

    /// What the block shows, for the block list on the composing page.
    public var summary: String {
        switch self {
        case .flyTipCount: "The number of fly-tipping reports received in a period (duplicates included)."
        case .enforcementSentence: "Enforcement in a period, in words (\"3 warning letters, 2 fixed penalty notices issued and paid\")."
        case .hotspotTable: "The hot-spot locations with their fly-tips and CCTV marks."
        case .fundingSpent: "Money spent against the fly-tipping allocation in a financial year."
        case .fundingAllocated: "The fly-tipping allocation for a financial year."
        case .fundingTable: "Spend against allocation by category for a financial year."
        case .performanceChange: "An indicator's year to date against the same months a year before, in words (\"increased by 137\")."
        case .performanceToDate: "An indicator's total for the financial year to date."
        case .boroughTable: "The borough's monthly figures for a financial year."
        case .baselineTable: "The last 12 months against the baseline, with Red/Amber/Green."
        case .beatTable: "Police beats: a quarter against the same quarter a year before."
        case .beatNarrative: "The beats' good news and biggest increases, in sentences."
        case .trendChart: "An indicator's 12-month rolling trend chart, with its table."
        case .planTable: "A plan's actions with their latest updates."
        case .planSummary: "How many plan items are Green, Amber and Red."
        case .planOnSchedule: "The share of plan items that are Green (on schedule), as the status summary rounds it (\"82%\")."
        }
    }

    /// An example to copy.
    public var example: String {
        let values = parameters.required.map { "\($0.rawValue)=\($0.example)" }
        return "{{" + ([rawValue] + values).joined(separator: " ") + "}}"
    }
}

/// A block's parameter and the form of its value.
public enum BlockParameter: String, Sendable, Hashable, Codable, CaseIterable {
    case from, to, limit, year, through, quarter, indicator, plan, kind

    public var example: String {
        switch self {
        case .from: "2018-04-01"
        case .to: "2018-12-31"
        case .limit: "11"
        case .year: "2018/19"
        case .through: "2018-12"
        case .quarter: "2018/19-Q3"
        case .indicator: "violence-against-the-person"
        case .plan: "plan-id"
        case .kind: "corporate"
        }
    }

    /// Checks a value's form; the message says what to write.
    func check(_ given: String) -> String? {
        let value = given.quoted()
        return switch self {
        case .from, .to: CalendarDay(given) == nil ? "\(rawValue)=\(value) is not a date; write it as \(example)." : nil
        case .limit: Int(given, in: 1...100) == nil ? "limit=\(value) must be a whole number from 1 to 100." : nil
        case .year: FinancialYear(given) == nil ? "year=\(value) is not a financial year; write it as \(example)." : nil
        case .through: Month(given) == nil ? "through=\(value) is not a month; write it as \(example)." : nil
        case .quarter: Quarter(given) == nil ? "quarter=\(value) is not a quarter; write it as \(example)." : nil
        case .indicator, .plan: given.isEmpty ? "\(rawValue) needs a value." : nil
        case .kind: Plan.Kind(rawValue: given) == nil ? "kind=\(value) is not a plan kind; use one of \(Plan.Kind.allCases.map(\.rawValue).joined(separator: ", "))." : nil
        }
    }
}

/// A block as written in a report: its kind and parameters, checked.
public struct BlockReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public let kind: BlockKind
    public let parameters: [String: String]

    public init(kind: BlockKind, parameters: [String: String]) throws(BlockError) {
        let allowed = kind.parameters.required + kind.parameters.optional
        for name in parameters.keys.sorted() {
            guard let parameter = BlockParameter(rawValue: name), allowed.contains(parameter) else {
                throw .unknownParameter(kind: kind.rawValue, name: name.quoted(), allowed: allowed.map(\.rawValue))
            }
        }
        for parameter in kind.parameters.required where parameters[parameter.rawValue] == nil {
            throw .missingParameter(kind: kind.rawValue, name: parameter.rawValue, example: kind.example)
        }
        for parameter in allowed {
            if let value = parameters[parameter.rawValue], let problem = parameter.check(value) { throw .badValue(problem) }
        }
        if let from = parameters["from"].flatMap(CalendarDay.init), let to = parameters["to"].flatMap(CalendarDay.init), to < from {
            throw .badValue("from=\(from) is after to=\(to).")
        }
        self.kind = kind
        self.parameters = parameters
    }

    /// The block as written: `{{fly-tips.count from=2018-04-01 to=2018-12-31}}`.
    public var description: String {
        let ordered = (kind.parameters.required + kind.parameters.optional).compactMap { parameter in
            parameters[parameter.rawValue].map { value in
                "\(parameter.rawValue)=" + (value.contains(" ") ? "\"\(value)\"" : value)
            }
        }
        return "{{" + ([kind.rawValue] + ordered).joined(separator: " ") + "}}"
    }

    /// A parameter's text, when given.
    public subscript(_ parameter: BlockParameter) -> String? { parameters[parameter.rawValue] }
}

/// A paragraph split into its text and its blocks.
public struct BlockText: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case text(String)
        case block(BlockReference)
    }

    public let segments: [Segment]

    /// Reads `{{kind name=value name="a value"}}` blocks out of a paragraph; text outside them is kept as written.
    public init(parsing text: String) throws(BlockError) {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw .unclosed(String(rest[open.lowerBound...].prefix(40))) }
            segments.append(.block(try Self.reference(String(rest[open.upperBound..<close.lowerBound]))))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        self.segments = segments
    }

    /// The blocks in the paragraph, in order.
    public var blocks: [BlockReference] {
        segments.compactMap { if case .block(let block) = $0 { block } else { nil } }
    }

    /// The one block when the paragraph is nothing else (a table or chart stands alone).
    public var soleBlock: BlockReference? {
        let meaningful = segments.filter { if case .text(let text) = $0 { !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } else { true } }
        if meaningful.count == 1, case .block(let block) = meaningful[0] { return block }
        return nil
    }

    static func reference(_ inside: String) throws(BlockError) -> BlockReference {
        var words: [String] = []
        var current = "", quoted = false
        for character in inside {
            if character == "\"" { quoted.toggle(); continue }
            if character.isWhitespace && !quoted {
                if !current.isEmpty { words.append(current); current = "" }
            } else { current.append(character) }
        }
        if quoted { throw .badValue("A quoted value in {{\(inside.quoted())}} has no closing quote.") }
        if !current.isEmpty { words.append(current) }
        guard let name = words.first else { throw .unknownKind("", known: BlockKind.allCases.map(\.rawValue)) }
        guard let kind = BlockKind(rawValue: name) else { throw .unknownKind(name.quoted(), known: BlockKind.allCases.map(\.rawValue)) }
        var parameters: [String: String] = [:]
        for word in words.dropFirst() {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw .badValue("\"\(word.quoted())\" in {{\(inside.quoted())}} should be name=value.")
            }
            let key = String(word[..<equals])
            if parameters[key] != nil { throw .badValue("\(key.quoted()) is given twice in {{\(inside.quoted())}}.") }
            parameters[key] = String(word[word.index(after: equals)...])
        }
        return try BlockReference(kind: kind, parameters: parameters)
    }
}

/// A block that cannot be read. The message names the block and says what to write.
public enum BlockError: Error, Sendable, Hashable, CustomStringConvertible {
    case unclosed(String)
    case unknownKind(String, known: [String])
    case unknownParameter(kind: String, name: String, allowed: [String])
    case missingParameter(kind: String, name: String, example: String)
    case badValue(String)

    public var description: String {
        switch self {
        case .unclosed(let start): "The block starting \"\(start)\" has no closing }}."
        case .unknownKind(let name, let known): "\"\(name)\" is not a Safer block. Blocks: \(known.joined(separator: ", "))."
        case .unknownParameter(let kind, let name, let allowed): "\(kind) has no parameter \"\(name)\"; it takes \(allowed.joined(separator: ", "))."
        case .missingParameter(let kind, let name, let example): "\(kind) needs \(name), e.g. \(example)."
        case .badValue(let message): message
        }
    }
}

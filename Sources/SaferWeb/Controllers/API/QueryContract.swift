import Foundation
import OpenAPIRuntime
import SaferDomain

/// The query parameters the API document declares for each operation, read from openapi.yaml at
/// start-up, and the check every API request's query passes before the generated decoder sees
/// it: a missing required parameter, a value of the wrong type, outside its range or not in its
/// list is a 422 whose message names the parameter (the decoder would say only "the body").
struct QueryContract: Sendable {
    struct Parameter: Sendable, Equatable {
        let name: String
        let required: Bool
        /// The schema's type: string, integer or number.
        let type: String
        let allowed: [String]?
        let minimum: Double?
        let maximum: Double?
    }

    /// The parameters of each operation, keyed "GET /api/v1/reports/borough".
    let operations: [String: [Parameter]]

    /// Reads the declarations from the document's flow-style parameter lines.
    init(document: String, prefix: String = "/api/v1") {
        var operations: [String: [Parameter]] = [:]
        var path = "", method = ""
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("    "), !line.hasPrefix("     "), ["get:", "post:", "put:", "patch:", "delete:"].contains(trimmed) {
                method = trimmed.dropLast().uppercased()
                operations["\(method) \(prefix)\(path)", default: []] = []
                continue
            }
            guard trimmed.contains("in: query"), let name = Self.value("name", in: trimmed) else { continue }
            let parameter = Parameter(
                name: name, required: trimmed.contains("required: true"), type: Self.value("type", in: trimmed) ?? "string",
                allowed: Self.list("enum", in: trimmed), minimum: Self.value("minimum", in: trimmed).flatMap(Double.init),
                maximum: Self.value("maximum", in: trimmed).flatMap(Double.init))
            operations["\(method) \(prefix)\(path)", default: []].append(parameter)
        }
        self.operations = operations
    }

    /// The document shipped with Safer.
    static func load() throws -> QueryContract {
        guard let url = Bundle.module.url(forResource: "Resources/openapi.yaml", withExtension: nil) else {
            throw ResourceError(name: "Resources/openapi.yaml")
        }
        return QueryContract(document: try String(contentsOf: url, encoding: .utf8))
    }

    /// Every problem with a request's query, or nil when it is as the document says.
    func problems(_ key: String, query: [URLQueryItem]) -> ValidationError? {
        guard let parameters = operations[key] else { return nil }
        var problems = ValidationProblems()
        for parameter in parameters {
            let values = query.filter { $0.name == parameter.name }.map { $0.value ?? "" }
            let name = "The query parameter '\(parameter.name)'"
            guard let value = values.first else {
                if parameter.required { problems.add("\(name) is required.", field: parameter.name) }
                continue
            }
            if values.count > 1 { problems.add("\(name) is given \(values.count) times: give it once.", field: parameter.name); continue }
            if let problem = check(value, against: parameter) { problems.add("\(name) \(problem)", field: parameter.name) }
        }
        return problems.error
    }

    private func check(_ value: String, against parameter: Parameter) -> String? {
        let shown = "'\(value.quoted())'"
        if let allowed = parameter.allowed, !allowed.contains(value) {
            return "is \(shown): use one of \(allowed.joined(separator: ", "))."
        }
        let number: Double?
        switch parameter.type {
        case "integer": number = Int(value).map(Double.init)
        case "number": number = Double(value).flatMap { $0.isFinite ? $0 : nil }
        default:
            if parameter.required && value.trimmingCharacters(in: .whitespaces).isEmpty { return "is empty: it is required." }
            return nil
        }
        let wanted = "use \(parameter.type == "integer" ? "a whole number" : "a number")\(range(parameter))."
        guard let number else { return "is \(shown): \(wanted)" }
        if let minimum = parameter.minimum, number < minimum { return "is \(shown): \(wanted)" }
        if let maximum = parameter.maximum, number > maximum { return "is \(shown): \(wanted)" }
        return nil
    }

    private func range(_ parameter: Parameter) -> String {
        switch (parameter.minimum, parameter.maximum) {
        case let (minimum?, maximum?): " from \(minimum.wholeNumberText) to \(maximum.wholeNumberText)"
        case let (minimum?, nil): " of \(minimum.wholeNumberText) or more"
        case let (nil, maximum?): " up to \(maximum.wholeNumberText)"
        case (nil, nil): ""
        }
    }

    private static func value(_ key: String, in line: String) -> String? {
        guard let start = line.range(of: "\(key): ")?.upperBound else { return nil }
        let rest = line[start...]
        return String(rest.prefix { $0 != "," && $0 != " " && $0 != "}" })
    }

    private static func list(_ key: String, in line: String) -> [String]? {
        guard let start = line.range(of: "\(key): [")?.upperBound, let end = line[start...].firstIndex(of: "]") else { return nil }
        return line[start..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A handler's complaint about a query value (a period, a date) said with the parameter's
    /// name: the value the message quotes is looked up among the query's values.
    static func attribute(_ error: any Error, query: [URLQueryItem]) -> any Error {
        let underlying = (error as? ServerError)?.underlyingError ?? error
        let names = Set(query.map(\.name))
        switch underlying {
        case let validation as ValidationError where !validation.fields.isEmpty:
            // The handler named the field: say it is a query parameter, once per message.
            guard validation.fields.keys.contains(where: names.contains) else { return error }
            var problems = ValidationProblems()
            for message in validation.messages {
                let field = validation.fields.first { $0.value == message && names.contains($0.key) }?.key
                problems.add(field.map { "The query parameter '\($0)': \(message)" } ?? message, field: field)
            }
            return problems.error ?? error
        case let period as PeriodError: return named(period.description, query: query) ?? error
        case let validation as ValidationError where validation.messages.count == 1: return named(validation.messages[0], query: query) ?? error
        default: return error
        }
    }

    /// The message with the name of the parameter whose value it quotes, if one does.
    private static func named(_ message: String, query: [URLQueryItem]) -> ValidationError? {
        guard let item = query.first(where: { !($0.value ?? "").isEmpty && message.contains("'\(($0.value ?? "").quoted())'") }) else { return nil }
        return ValidationError("The query parameter '\(item.name)': \(message)", field: item.name)
    }
}

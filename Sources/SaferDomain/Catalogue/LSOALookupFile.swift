import Foundation

/// A CSV mapping LSOAs to beats and wards: `lsoa_code,lsoa_name,beat,ward` (`ward` optional).
public enum LSOALookupFile {
    /// Reads a file's rows, or throws every problem found with its line.
    public static func parse(_ text: String) throws -> [LSOAMapping] {
        let (columns, rows) = CSV.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let missing = ["lsoa_code", "lsoa_name", "beat"].filter { !columns.contains($0) }
        guard missing.isEmpty else {
            throw ValidationError("The file's first line must name the columns lsoa_code, lsoa_name, beat (and optionally ward); \(missing.joined(separator: ", ")) missing.")
        }
        var problems = ValidationProblems()
        var mappings: [LSOAMapping] = []
        var seen = Set<String>()
        for (line, fields) in rows {
            let code = fields["lsoa_code", default: ""].trimmingCharacters(in: .whitespaces)
            guard code.range(of: #"^[EW]0[0-9]{7}$"#, options: .regularExpression) != nil else {
                problems.add("Line \(DisplayFormat.count(line)): '\(code)' is not an LSOA code (E01 or W01 followed by six digits, e.g. E01031074).")
                continue
            }
            guard seen.insert(code).inserted else { problems.add("Line \(DisplayFormat.count(line)): \(code) is listed twice."); continue }
            func optional(_ name: String) -> String? {
                let value = fields[name, default: ""].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            mappings.append(LSOAMapping(lsoaCode: code, lsoaName: fields["lsoa_name", default: ""].trimmingCharacters(in: .whitespaces),
                                        beatKey: optional("beat"), wardKey: optional("ward")))
        }
        try problems.throwIfAny()
        return mappings
    }
}

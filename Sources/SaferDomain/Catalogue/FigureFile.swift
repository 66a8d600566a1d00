import Foundation

/// A CSV of monthly figures: `indicator,area,month,value`. `area` may be left out (or blank) for
/// the district; `value` is a number, `TBC`, `clear` to remove a stored figure, or blank to leave
/// the month as it is. A file is read whole or not at all: every problem is listed with its
/// line, so it can be fixed in one go.
public enum FigureFile {
    /// The header a template carries.
    public static let header = ["indicator", "area", "month", "value"]

    /// A template for a financial year: one row per indicator and month, carrying the figures
    /// already stored (blank where none is), so filling in one month and uploading the file
    /// changes that month only.
    public static func template(indicators: [Indicator], areaKey: String, year: FinancialYear,
                                stored: [String: IndicatorFigures] = [:]) -> String {
        var lines = [header.joined(separator: ",")]
        for indicator in indicators where indicator.kind == .count {
            for month in year.months {
                let value = stored[indicator.key]?.months[month] ?? .notReported
                lines.append([indicator.key, areaKey, month.description, value.storedText].map(CSV.field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Reads a file's figures, or throws every problem found. Blank values are left out (they
    /// leave the stored figure alone); `clear` gives `.notReported`, which removes it.
    public static func parse(_ text: String, districtKey: String) throws -> [MonthlyFigure] {
        let (columns, rows) = CSV.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let missing = ["indicator", "month", "value"].filter { !columns.contains($0) }
        guard missing.isEmpty else {
            throw ValidationError("The file's first line must name the columns indicator, area, month and value; \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing. Download the template to see the layout.")
        }
        var problems = ValidationProblems()
        var figures: [MonthlyFigure] = []
        var seen: [String: Int] = [:]
        for (line, fields) in rows {
            let indicator = fields["indicator", default: ""].trimmingCharacters(in: .whitespaces)
            let area = fields["area", default: ""].trimmingCharacters(in: .whitespaces)
            let monthText = fields["month", default: ""].trimmingCharacters(in: .whitespaces)
            let label = "Line \(DisplayFormat.count(line))"
            if indicator.isEmpty { problems.add("\(label): the indicator is empty: give its key, e.g. theft-from-vehicle."); continue }
            guard let month = Month(monthText) else {
                problems.add("\(label): '\(monthText)' is not a month: use YYYY-MM, e.g. 2018-04.")
                continue
            }
            let entry: FigureEntry
            do { entry = try FigureEntry(parsing: fields["value", default: ""]) } catch {
                problems.add("\(label): \(error)")
                continue
            }
            let areaKey = area.isEmpty ? districtKey : area
            let key = "\(indicator)/\(areaKey)/\(month)"
            if let first = seen[key] {
                problems.add("\(label): \(indicator) for \(month) in \(areaKey) was already given on line \(DisplayFormat.count(first)): keep one.")
                continue
            }
            seen[key] = line
            if let value = entry.requested {
                figures.append(MonthlyFigure(indicatorKey: indicator, areaKey: areaKey, month: month, value: value))
            }
        }
        try problems.throwIfAny()
        return figures
    }
}

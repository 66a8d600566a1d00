import Foundation

/// A month, financial year, quarter or period that could not be read or built.
///
/// Each message says what was wrong and what to write instead, so an import report or a
/// form can show it to an officer as it stands.
public enum PeriodError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The text is not a month in the form `YYYY-MM`.
    case notAMonth(String)
    /// The year and month numbers do not make a month (month outside 1–12, or year outside 1–9999).
    case monthOutOfRange(year: Int, month: Int)
    /// The text is not a financial year in the form `2018/19`.
    case notAFinancialYear(String)
    /// The text is not a quarter in the form `2018/19-Q3`.
    case notAQuarter(String)
    /// A period whose last month comes before its first.
    case periodEndsBeforeItStarts(first: Month, last: Month)

    /// The message for an officer: what was wrong and what to do.
    public var description: String {
        switch self {
        case .notAMonth(let text):
            "'\(text)' is not a month: use YYYY-MM, e.g. 2018-04"
        case .monthOutOfRange(let year, let month):
            "year \(year), month \(month) is not a month: the month must be 1 to 12 and the year 1 to 9999, e.g. 2018-04"
        case .notAFinancialYear(let text):
            "'\(text)' is not a financial year: use YYYY/YY with consecutive years, e.g. 2018/19"
        case .notAQuarter(let text):
            "'\(text)' is not a quarter: use YYYY/YY-Qn with n from 1 to 4, e.g. 2018/19-Q3"
        case .periodEndsBeforeItStarts(let first, let last):
            "the period \(first) to \(last) ends before it starts: put the earlier month first"
        }
    }

    /// Foundation's description, the same as `description`.
    public var errorDescription: String? { description }
}

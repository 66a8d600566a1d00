import Testing
import Mustache
import SaferReports
@testable import SaferWeb

/// The report table's rows and cells answer Mustache by name (for speed); every field must be
/// answered, or a template would silently read a name from an enclosing context.
@Suite("Report tables for Mustache")
struct TableViewTests {
    static func fieldsAnswered(_ value: some MustacheParent) -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: Mirror(reflecting: value).children.compactMap(\.label).map { ($0, value.child(named: $0) != nil) })
    }

    @Test func everyFieldOfARowACellAndAHeaderIsAnswered() throws {
        let table = TableView(ReportTable(title: "t", columns: [.init("Place"), .init("Count", .number)],
                                          rows: [.init(heading: "Group"), .init(cells: [.init("Oldbury Road"), .init("3")])]))
        let cell = try #require(table.rows.last?.cells.first), row = try #require(table.rows.last), header = try #require(table.headers.first)
        for (name, answered) in Self.fieldsAnswered(cell).merging(Self.fieldsAnswered(row), uniquingKeysWith: { $0 && $1 })
            .merging(Self.fieldsAnswered(header), uniquingKeysWith: { $0 && $1 }) {
            #expect(answered, "\(name) is not answered by child(named:)")
        }
        #expect(cell.child(named: "nothing") == nil)
    }
}

import Foundation
import Hummingbird
import SaferDomain

/// The bank holidays publication deadlines count: the list, where it came from, and loading
/// gov.uk's current file.
extension MeetingsController {
    struct HolidayRow { let date: String; let title: String; let notes: String }
    struct HolidaysPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let source: String, years: String, count: Int
        let upcoming: [HolidayRow]
        let hasUpcoming: Bool
    }

    /// gov.uk's file is about 20 KB; a megabyte leaves room for many years.
    static let maxHolidayUpload = 1024 * 1024

    func registerHolidays(on routes: SecureRoutes) {
        routes.page("/admin/bank-holidays", .admin) { request, context in
            let loaded = request.query.get("loaded").flatMap { Int($0, in: 0...100_000) }
            return try await holidaysPage(context, errors: [], notice: loaded.map { "Loaded: Safer now counts \($0) bank holidays." })
        }
        routes.form("/admin/bank-holidays", .admin, maxBody: Self.maxHolidayUpload) { _, context, form in
            guard let file = form.files["file"], !file.data.isEmpty else {
                return try await holidaysPage(context, errors: ["Choose gov.uk's bank-holidays.json file to load."], status: .unprocessableContent)
            }
            do {
                let holidays = try await packs.loadBankHolidays(file.data, fileName: file.filename, by: context.identity.actor(channel: .web))
                return redirect("/admin/bank-holidays?loaded=\(holidays.holidays.count)")
            } catch let error as ValidationError {
                return try await holidaysPage(context, errors: error.messages, status: .unprocessableContent)
            }
        }
    }

    func holidaysPage(_ context: SignedInContext, errors: [String], notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let holidays = try await packs.bankHolidays()
        let today = CalendarDay(containing: services.clock.now())
        let upcoming = holidays.holidays.filter { $0.day >= today }.map {
            HolidayRow(date: "\($0.day.weekdayName) \($0.day.label)", title: $0.title, notes: $0.notes)
        }
        let page = HolidaysPage(
            chrome: PageChrome(title: "Bank holidays", context: context, current: "/admin", notice: notice), errors: ErrorSummary(errors),
            source: holidays.source, years: holidays.years.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "none",
            count: holidays.holidays.count, upcoming: upcoming, hasUpcoming: !upcoming.isEmpty)
        return views.response("admin-bank-holidays", page, status: status)
    }
}

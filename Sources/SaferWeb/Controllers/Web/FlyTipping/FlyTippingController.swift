import Foundation
import Hummingbird
import NIOCore
import SaferApp
import SaferDomain
import SaferReports

/// Fly-tipping: the dashboard, incidents (list, record, detail, status), photos, Defra's return.
/// Field capture, public reports and enforcement are in their own extensions.
///
/// Who may do what: everyone signed in reads the dashboard, incidents and the return; field
/// crews, officers and administrators record incidents and move them on; only officers and
/// administrators edit categories, triage public reports and run enforcement; suspects' and
/// reporters' personal details are shown to officers only.
struct FlyTippingController {
    let services: AppServices
    let views: Views
    var flyTips: FlyTipService { FlyTipService(services: services) }

    /// Field crews, officers and administrators: who records incidents and moves them on.
    static let recorders = RoleSet(.admin, .officer, .field)

    /// A gazetteer place as the place search sends it.
    struct Place: Encodable {
        let name: String, easting: Double, northing: Double, incidents: Int, gridReference: String
        init(_ place: GazetteerPlace) {
            (name, easting, northing, incidents) = (place.name, place.easting, place.northing, place.incidents)
            gridReference = GridReference.text(NationalGridPoint(easting: place.easting, northing: place.northing)) ?? ""
        }
    }
    /// Who may see personal data: reporters' contacts and suspects.
    static let personalData = RoleSet(.officer)

    func register(on routes: SecureRoutes) {
        routes.page("/fly-tipping", .signedInAny) { request, context in
            try await dashboardPage(request, context)
        }
        routes.page("/fly-tipping/incidents", .signedInAny) { request, context in
            try await listPage(request, context)
        }
        routes.page("/fly-tipping/incidents/new", Self.recorders) { _, context in
            try await newPage(context, form: nil, errors: [:], messages: [])
        }
        routes.form("/fly-tipping/incidents", Self.recorders, maxBody: Photo.maximumBytes + 64 * 1024) { _, context, form in
            do {
                let recorded = try await flyTips.record(Self.input(from: form), photo: form.files["photo"]?.data,
                                                        by: context.identity.actor(channel: .web))
                let notice = recorded.warnings.isEmpty ? "" : "&warning=1"
                return redirect("/fly-tipping/incidents/\(recorded.flyTip.id)?saved=1\(notice)")
            } catch let error as ValidationError {
                return try await newPage(context, form: form, errors: error.fields, messages: error.messages, status: .unprocessableContent)
            }
        }
        // The position picker's place search (place-picker.js): JSON for the page's script.
        routes.page("/fly-tipping/places", Self.recorders) { request, _ in
            try json(try await flyTips.places(matching: request.query.get("q") ?? "").map(Place.init))
        }
        routes.page("/fly-tipping/incidents/:id", .signedInAny) { request, context in
            try await incidentPage(request, context, id: try context.parameters.require("id"), errors: [])
        }
        routes.form("/fly-tipping/incidents/:id/status", Self.recorders) { request, context, form in
            let id = try context.parameters.require("id")
            do {
                let status = try FlyTipStatus.parse(form.text("status"))
                let cost = form.text("cost").isEmpty ? nil : try Money.parse(form.text("cost"), field: "cost")
                let time = form.text("at").isEmpty ? nil : try LocalTime.parse(form.text("at"), field: "at")
                _ = try await flyTips.changeStatus(of: id, to: status, at: time, duplicateOf: form.text("duplicateOf"), cost: cost,
                                                   note: form.text("note"), by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/incidents/\(id)?updated=1")
            } catch let error as ValidationError {
                return try await incidentPage(request, context, id: id, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/fly-tipping/photos/:id", .signedInAny) { _, context in
            let id = try context.parameters.require("id")
            guard let photo = try await services.storage.flyTips.photo(id: id) else { throw DomainError.notFound(entity: "photo", id: id) }
            // A public report's photo may show the reporter or their home: staff only until accepted.
            if photo.owner == .publicReport, !RoleSet.staff.allows(context.identity.user.role) {
                throw DomainError.forbidden("Photos sent with public reports are shown to officers only.")
            }
            return Response(status: .ok, headers: [.contentType: photo.kind.mediaType, .cacheControl: "private, max-age=86400",
                                                   .contentDisposition: "inline; filename=\"\(photo.id).\(photo.kind.fileExtension)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: photo.data)))
        }
        routes.page("/fly-tipping/defra-return", .signedInAny) { request, context in
            try await defraPage(request, context)
        }
        registerCapture(on: routes)
        registerPublicReports(on: routes)
        registerEnforcement(on: routes)
        registerRegisters(on: routes)
        registerSettings(on: routes)
    }

    // MARK: - Reading forms and queries

    /// An incident from the record form (also the field capture's upload).
    static func input(from form: FormData) throws -> FlyTipInput {
        var problems = ValidationProblems()
        func number(_ name: String, _ label: String) -> Double? {
            let text = form.text(name)
            guard !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else {
                problems.add("The \(label) '\(text)' is not a number.", field: name)
                return nil
            }
            return value
        }
        func time(_ name: String) -> Date? {
            let text = form.text(name)
            guard !text.isEmpty else { return nil }
            do { return try LocalTime.parse(text, field: name) } catch let error as ValidationError {
                problems.add(error.messages[0], field: name)
            } catch { problems.add("\(error)", field: name) }
            return nil
        }
        let input = FlyTipInput(clientID: form.text("clientId").isEmpty ? nil : form.text("clientId"),
                                latitude: number("latitude", "latitude"), longitude: number("longitude", "longitude"),
                                easting: number("easting", "easting"), northing: number("northing", "northing"),
                                gridReference: form.text("gridReference"),
                                location: form.text("location"), landType: form.text("landType"),
                                wasteTypes: form.all("wasteTypes"), size: form.text("size"), hazards: form.all("hazards"),
                                source: form.text("source").isEmpty ? nil : form.text("source"),
                                status: nil, reportedAt: time("reportedAt"),
                                cost: form.text("cost"), notes: form.text("notes"))
        try problems.throwIfAny()
        return input
    }

    /// The days asked for with `from` and `to`, or the default period.
    func range(_ request: Request) async throws -> DayRange {
        try await flyTips.range(from: request.query.get("from"), to: request.query.get("to"))
    }
}

import Foundation
import SaferApp
import Hummingbird
import SaferDomain

/// "Tip us off" for the public, and the officers' triage queue.
extension FlyTippingController {
    struct Choice { let value: String; let label: String; let selected: Bool; let id: String }

    struct ReportPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let latitude: String, longitude: String, place: String, description: String
        let name: String, email: String, phone: String
        let hasPin: Bool
        let maps: [MapAssets]
        let what: [Choice]
        let amounts: [Choice]
        let lands: [Choice]
    }

    struct ThanksPage { let chrome: PageChrome; let reference: String; let hasReference: Bool }

    struct QueueRow { let href: String; let reference: String; let received: String; let place: String; let what: String; let size: String; let status: String }

    struct QueuePage {
        let chrome: PageChrome
        let statuses: [SelectOption]
        let reports: [QueueRow]
        let hasReports: Bool
    }

    struct Candidate {
        let id: String, reference: String, href: String, location: String, reported: String, distance: String, status: String
        /// Preselected when it is the only suggestion.
        let checked: Bool
    }

    struct TriagePage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let reference: String
        let status: String
        let isPending: Bool
        let facts: [Fact]
        let photos: [PhotoView]
        let hasPhotos: Bool
        let showContact: Bool
        let hasContact: Bool
        let contactName: String, contactEmail: String, contactPhone: String
        let contactHidden: Bool
        let candidates: [Candidate]
        let hasCandidates: Bool
        let incidentHref: String
        let hasIncident: Bool
        let location: String
        let position: PositionFields
        let positionNeeded: Bool
        let landTypes: [SelectOption]
        let wasteTypes: [SelectOption]
        let sizes: [SelectOption]
        let base: String
    }

    func registerPublicReports(on routes: SecureRoutes) {
        routes.publicPage("/report") { _, context in
            reportPage(context, form: nil, errors: [])
        }
        routes.publicForm("/report", maxBody: Photo.maximumBytes + 64 * 1024) { _, context, form in
            // A filled honeypot is a robot: thank it and store nothing.
            if !form.text("website").isEmpty { return redirect("/report/thanks") }
            do {
                let input = PublicReportInput(latitude: Double(form.text("latitude")), longitude: Double(form.text("longitude")),
                                              place: form.text("place"), what: form.all("what"), amount: form.text("amount"),
                                              land: form.text("land"), description: form.text("description"),
                                              contact: .init(name: form.text("name"), email: form.text("email"), phone: form.text("phone")))
                let report = try await flyTips.submitPublicReport(input, photo: form.files["photo"]?.data, clientAddress: context.remoteAddress)
                return redirect("/report/thanks?ref=\(report.reference)")
            } catch let error as ValidationError {
                return reportPage(context, form: form, errors: error.messages, status: .unprocessableContent)
            } catch let error as RateLimited {
                return reportPage(context, form: form, errors: [error.message], status: .tooManyRequests)
            }
        }
        routes.publicPage("/report/thanks") { request, context in
            let reference = request.query.get("ref") ?? ""
            let safe = reference.range(of: #"^TIP-[0-9A-Z]{6}$"#, options: .regularExpression) != nil ? reference : ""
            return views.response("report-thanks", ThanksPage(chrome: PageChrome(title: "Thank you", context: context, current: nil),
                                                              reference: safe, hasReference: !safe.isEmpty))
        }
        routes.page("/fly-tipping/public-reports", .staff) { request, context in
            let statusText = request.query.get("status") ?? "pending"
            let status = statusText == "all" ? nil : PublicReport.Status(rawValue: statusText)
            let reports = try await services.storage.publicReports.list(status: status)
            let rejected = request.query.get("rejected").map { "Report \($0.quoted()) rejected; the reason is kept with it." }
            let page = QueuePage(
                chrome: PageChrome(title: "Public reports", context: context, current: "/fly-tipping", notice: rejected),
                statuses: PublicReport.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == status) }
                    + [SelectOption(value: "all", label: "All", selected: status == nil)],
                reports: reports.map { QueueRow(href: "/fly-tipping/public-reports/\($0.id)", reference: $0.reference,
                                                received: Self.display($0.receivedAt), place: Self.place(of: $0),
                                                what: $0.wasteTypes.map(\.label).joined(separator: ", "), size: $0.size.label,
                                                status: $0.status == .pending && $0.position == nil ? "\($0.status.label): position needed" : $0.status.label) },
                hasReports: !reports.isEmpty)
            return views.response("public-reports", page)
        }
        routes.page("/fly-tipping/public-reports/:id", .staff) { _, context in
            try await triagePage(context, id: try context.parameters.require("id"), form: nil, errors: [])
        }
        routes.form("/fly-tipping/public-reports/:id/accept", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                guard let report = try await services.storage.publicReports.find(id: id) else { throw DomainError.notFound(entity: "public report", id: id) }
                var input = try Self.input(from: form)
                input.source = "public"
                input.reportedAt = report.receivedAt
                input.notes = ["Public report \(report.reference).", report.description].filter { !$0.isEmpty }.joined(separator: " ")
                let newID = services.ids.next()
                let now = services.clock.now()
                let actor = context.identity.actor(channel: .web)
                let tip = try input.flyTip(id: newID, reference: ReferenceCode.make(prefix: "FT", from: newID), recordedBy: actor.label, now: now, defaultSource: .public)
                let stored = try await services.storage.publicReports.accept(reportID: id, as: tip, by: actor)
                return redirect("/fly-tipping/incidents/\(stored.id)?saved=1")
            } catch let error as ValidationError {
                return try await triagePage(context, id: id, form: form, errors: error.messages, status: .unprocessableContent)
            } catch let error as DomainError {
                if case .conflict(let message) = error { return try await triagePage(context, id: id, form: form, errors: [message], status: .conflict) }
                throw error
            }
        }
        routes.form("/fly-tipping/public-reports/:id/merge", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                guard !form.text("incident").isEmpty else {
                    return try await triagePage(context, id: id, form: form, errors: ["Choose the incident this report repeats, or type its reference (e.g. FT-7K3M9Q)."],
                                                status: .unprocessableContent)
                }
                let target = try await flyTips.flyTip(form.text("incident"))
                try await services.storage.publicReports.merge(reportID: id, into: target.id, by: context.identity.actor(channel: .web))
                let reference = try await services.storage.publicReports.find(id: id)?.reference ?? ""
                return redirect("/fly-tipping/incidents/\(target.id)?merged=\(reference)")
            } catch let error as DomainError {
                if case .forbidden = error { throw error }
                return try await triagePage(context, id: id, form: form, errors: [error.description], status: .unprocessableContent)
            }
        }
        routes.form("/fly-tipping/public-reports/:id/reject", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                try await services.storage.publicReports.reject(reportID: id, reason: form.text("reason"), by: context.identity.actor(channel: .web))
                let reference = try await services.storage.publicReports.find(id: id)?.reference ?? ""
                return redirect("/fly-tipping/public-reports?rejected=\(reference)")
            } catch let error as ValidationError {
                return try await triagePage(context, id: id, form: form, errors: error.messages, status: .unprocessableContent)
            } catch let error as DomainError {
                if case .conflict(let message) = error { return try await triagePage(context, id: id, form: form, errors: [message], status: .conflict) }
                throw error
            }
        }
        routes.form("/fly-tipping/public-reports/:id/delete-contact", Self.personalData) { _, context, _ in
            let id = try context.parameters.require("id")
            try await services.storage.publicReports.deleteContact(reportID: id, by: context.identity.actor(channel: .web))
            return redirect("/fly-tipping/public-reports/\(id)")
        }
    }

    static func place(of report: PublicReport) -> String {
        if !report.place.isEmpty { return report.place }
        if let position = report.position { return String(format: "Pin at %.5f, %.5f", position.latitude, position.longitude) }
        return "No place given"
    }

    func reportPage(_ context: SaferRequestContext, form: FormData?, errors: [String], status: HTTPResponse.Status = .ok) -> Response {
        let what = Set(form?.all("what") ?? [])
        let page = ReportPage(
            chrome: PageChrome(title: "Report fly-tipping", context: context, current: nil), errors: ErrorSummary(errors),
            latitude: form?.text("latitude") ?? "", longitude: form?.text("longitude") ?? "", place: form?.text("place") ?? "",
            description: form?.text("description") ?? "", name: form?.text("name") ?? "", email: form?.text("email") ?? "",
            phone: form?.text("phone") ?? "", hasPin: !(form?.text("latitude") ?? "").isEmpty,
            maps: MapAssets.list(services.configuration.maps),
            what: PlainWords.waste.map { Choice(value: $0.key, label: $0.words, selected: what.contains($0.key), id: "what-\($0.key)") },
            amounts: PlainWords.amount.map { Choice(value: $0.key, label: $0.words, selected: form?.text("amount") == $0.key, id: "amount-\($0.key)") },
            lands: PlainWords.land.map { Choice(value: $0.key, label: $0.words, selected: (form?.text("land") ?? "unsure") == $0.key, id: "land-\($0.key)") })
        return views.response("tip-off", page, status: status)
    }

    func triagePage(_ context: SignedInContext, id: String, form: FormData?, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let report = try await services.storage.publicReports.find(id: id) else { throw DomainError.notFound(entity: "public report", id: id) }
        let photos = try await services.storage.flyTips.photos(owner: .publicReport, ownerID: id)
        let candidates = report.status == .pending ? try await flyTips.mergeCandidates(for: report) : []
        var facts = [Fact(label: "Received", value: Self.display(report.receivedAt)),
                     Fact(label: "Place", value: report.place.isEmpty ? "Not typed" : report.place),
                     Fact(label: "What (as chosen)", value: report.wasteTypes.map(\.label).joined(separator: ", ")),
                     Fact(label: "How much", value: report.size.label),
                     Fact(label: "Where", value: report.landType.label),
                     Fact(label: "Description", value: report.description.isEmpty ? "None" : report.description)]
        if let position = report.position, let grid = report.gridPoint {
            facts.insert(Fact(label: "Pin", value: String(format: "%.6f, %.6f (easting %.0f, northing %.0f)", position.latitude, position.longitude, grid.easting, grid.northing)), at: 1)
        }
        if let reason = report.rejectionReason { facts.append(Fact(label: "Rejected because", value: reason)) }
        if let by = report.decidedBy, let at = report.decidedAt { facts.append(Fact(label: "Decided", value: "\(by), \(Self.display(at))")) }
        let showContact = Self.personalData.allows(context.identity.user.role)
        let contact = report.contact
        let chosenWaste = Set(form?.all("wasteTypes") ?? report.wasteTypes.map(\.rawValue))
        let page = TriagePage(
            chrome: PageChrome(title: "Public report \(report.reference)", context: context, current: "/fly-tipping"),
            errors: ErrorSummary(errors), reference: report.reference, status: report.status.label, isPending: report.status == .pending,
            facts: facts,
            photos: photos.map { PhotoView(href: "/fly-tipping/photos/\($0.id)", alt: "Photo sent with report \(report.reference)") },
            hasPhotos: !photos.isEmpty, showContact: showContact && contact != nil, hasContact: contact != nil,
            contactName: showContact ? contact?.name ?? "" : "", contactEmail: showContact ? contact?.email ?? "" : "",
            contactPhone: showContact ? contact?.phone ?? "" : "", contactHidden: !showContact && contact != nil,
            candidates: candidates.map { Candidate(id: $0.flyTip.id, reference: $0.flyTip.reference, href: "/fly-tipping/incidents/\($0.flyTip.id)",
                                                   location: $0.flyTip.location, reported: Self.display($0.flyTip.reportedAt),
                                                   distance: "\($0.distance.wholeNumberText) m", status: $0.flyTip.status.label,
                                                   checked: candidates.count == 1) },
            hasCandidates: !candidates.isEmpty,
            incidentHref: report.incidentID.map { "/fly-tipping/incidents/\($0)" } ?? "", hasIncident: report.incidentID != nil,
            location: form?.text("location") ?? report.place,
            position: PositionFields(form, latitude: report.position?.latitude, longitude: report.position?.longitude),
            positionNeeded: report.position == nil,
            landTypes: LandType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: (form?.text("landType") ?? report.landType.rawValue) == $0.rawValue) },
            wasteTypes: WasteType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: chosenWaste.contains($0.rawValue)) },
            sizes: FlyTipSize.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: (form?.text("size") ?? report.size.rawValue) == $0.rawValue) },
            base: "/fly-tipping/public-reports/\(report.id)")
        return views.response("public-report", page, status: status)
    }
}

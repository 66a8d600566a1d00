import Foundation

/// What the "Tip us off" form or `POST /api/v1/public-reports` sends, before checking.
public struct PublicReportInput: Sendable, Hashable {
    public var latitude: Double?
    public var longitude: Double?
    public var place: String
    public var what: [String]
    public var amount: String
    public var land: String?
    public var description: String
    public var contact: PublicReport.Contact

    public init(latitude: Double? = nil, longitude: Double? = nil, place: String = "", what: [String], amount: String,
                land: String? = nil, description: String = "", contact: PublicReport.Contact = .init()) {
        self.latitude = latitude
        self.longitude = longitude
        self.place = place
        self.what = what
        self.amount = amount
        self.land = land
        self.description = description
        self.contact = contact
    }

    /// The report, with every problem in plain words: a place (a pin or typed words) inside
    /// Great Britain, at least one "what", an amount, and contact details that look usable.
    public func report(id: String, reference: String, now: Date) throws -> PublicReport {
        var problems = ValidationProblems()
        let place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        var position: WGS84Point?
        switch (latitude, longitude) {
        case let (latitude?, longitude?):
            let point = WGS84Point(latitude: latitude, longitude: longitude)
            if latitude.isFinite, longitude.isFinite, NationalGrid.isInGreatBritain(point) { position = point } else {
                problems.add("The pin is not in Great Britain: move it to where the rubbish is, or type the place.", field: "place")
            }
        case (nil, nil):
            if place.isEmpty { problems.add("Tell us where it is: drop a pin on the map, use your location, or type the road and nearest town or village.", field: "place") }
        default:
            problems.add("The position is incomplete: drop the pin again or type the place.", field: "place")
        }
        if place.count > 300 { problems.add("Please describe the place in 300 characters or fewer.", field: "place") }
        if what.isEmpty { problems.add("Tell us what has been dumped: choose at least one.", field: "what") }
        var wasteTypes: [WasteType] = []
        do { wasteTypes = try PlainWords.wasteTypes(forKeys: what) } catch let error as ValidationError { problems.add(error.messages[0], field: "what") }
        var size = FlyTipSize.singleItem
        do { size = try PlainWords.size(forKey: amount) } catch let error as ValidationError { problems.add(error.messages[0], field: "amount") }
        var landType = LandType.other
        do { landType = try PlainWords.landType(forKey: land) } catch let error as ValidationError { problems.add(error.messages[0], field: "land") }
        if description.count > 2000 { problems.add("Please keep the description to 2,000 characters or fewer.", field: "description") }
        let contact = PublicReport.Contact(name: contact.name.trimmingCharacters(in: .whitespaces),
                                           email: contact.email.trimmingCharacters(in: .whitespaces),
                                           phone: contact.phone.trimmingCharacters(in: .whitespaces))
        if !contact.email.isEmpty, !Self.looksLikeEmail(contact.email) {
            problems.add("The e-mail address does not look right: check it, or leave it empty.", field: "email")
        }
        if !contact.phone.isEmpty, contact.phone.filter(\.isNumber).count < 10 || contact.phone.count > 30 {
            problems.add("The phone number does not look right: give it with the area code, or leave it empty.", field: "phone")
        }
        if contact.name.count > 200 || contact.email.count > 200 { problems.add("The name or e-mail address is too long.", field: "name") }
        try problems.throwIfAny()
        return PublicReport(id: id, reference: reference, receivedAt: now, position: position,
                            gridPoint: position.map(NationalGrid.gridPoint(from:)), place: place, wasteTypes: wasteTypes,
                            size: size, landType: landType, description: description.trimmingCharacters(in: .whitespacesAndNewlines),
                            contact: contact.isEmpty ? nil : contact)
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(" ")
    }
}

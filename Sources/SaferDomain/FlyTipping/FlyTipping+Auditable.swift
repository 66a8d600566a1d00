import Foundation

extension FlyTip: Auditable {
    public static let auditEntity = "fly-tip"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        var fields = [
            "reference": reference, "latitude": String(format: "%.6f", position.latitude), "longitude": String(format: "%.6f", position.longitude),
            "easting": String(format: "%.1f", gridPoint.easting), "northing": String(format: "%.1f", gridPoint.northing),
            "location": location, "landType": landType.label, "wasteTypes": wasteTypes.map(\.label).joined(separator: "; "),
            "size": size.label, "hazards": hazards.map(\.rawValue).joined(separator: "; "), "source": source.rawValue,
            "status": status.rawValue, "reportedAt": reportedAt.ISO8601Format(), "notes": notes,
        ]
        if let clientID { fields["clientId"] = clientID }
        if let inspectedAt { fields["inspectedAt"] = inspectedAt.ISO8601Format() }
        if let clearedAt { fields["clearedAt"] = clearedAt.ISO8601Format() }
        if let duplicateOf { fields["duplicateOf"] = duplicateOf }
        if let enteredCost { fields["cost"] = enteredCost.plain }
        return fields
    }
}

extension Photo: Auditable {
    public static let auditEntity = "photo"
    public var auditID: String { id }
    public var auditFields: [String: String] { ["owner": "\(owner.rawValue) \(ownerID)", "type": kind.mediaType, "bytes": String(data.count)] }
}

extension PublicReport: Auditable {
    public static let auditEntity = "public-report"
    public var auditID: String { id }
    /// Contact details are personal data and the audit log is read by administrators, so the
    /// log says only whether they were given.
    public var auditFields: [String: String] {
        var fields = ["reference": reference, "place": place, "wasteTypes": wasteTypes.map(\.label).joined(separator: "; "),
                      "size": size.label, "landType": landType.label, "status": status.rawValue,
                      "contact": contact == nil ? "none" : "(given)"]
        if let position { fields["position"] = String(format: "%.6f, %.6f", position.latitude, position.longitude) }
        if let incidentID { fields["incident"] = incidentID }
        if let rejectionReason { fields["rejectionReason"] = rejectionReason }
        return fields
    }
}

extension EnforcementCase: Auditable {
    public static let auditEntity = "enforcement-case"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        var fields = ["reference": reference, "title": title, "opened": opened.description, "incidents": incidentIDs.joined(separator: ", "), "notes": notes]
        if let closed { fields["closed"] = closed.description }
        return fields
    }
}

extension EnforcementAction: Auditable {
    public static let auditEntity = "enforcement-action"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        var fields = ["case": caseID, "type": type.rawValue, "date": date.description, "detail": detail]
        if let outcome {
            if let plea = outcome.plea { fields["plea"] = plea.rawValue }
            if let result = outcome.result { fields["result"] = result.rawValue }
            if let fine = outcome.fine { fields["fine"] = fine.plain }
            if let costs = outcome.costs { fields["costs"] = costs.plain }
            if !outcome.sentence.isEmpty { fields["sentence"] = outcome.sentence }
        }
        return fields
    }
}

extension EvidenceItem: Auditable {
    public static let auditEntity = "evidence"
    public var auditID: String { id }
    public var auditFields: [String: String] { ["case": caseID, "kind": kind.rawValue, "date": date.description, "reference": reference, "description": description] }
}

extension Suspect: Auditable {
    public static let auditEntity = "suspect"
    public var auditID: String { id }
    /// Personal data: the log records that a suspect was added or removed, never who.
    public var auditFields: [String: String] { ["case": caseID, "details": "(personal data)"] }
}

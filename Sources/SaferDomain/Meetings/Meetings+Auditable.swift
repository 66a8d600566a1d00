import Foundation

extension Committee: Auditable {
    public static let auditEntity = "committee"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["name": name, "parent": parent ?? "", "council": council, "members": Self.membersText(members).replacingOccurrences(of: "\n", with: "; "),
         "forInformation": forInformation, "contact": "\(contact.name), \(contact.telephone), \(contact.email)"]
    }
}

extension Meeting: Auditable {
    public static let auditEntity = "meeting"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["committee": committeeID, "date": date.description, "time": time.description, "venue": venue, "status": status.rawValue,
         "cutOff": cutOff.description, "signedBy": signedBy, "publicParticipation": publicParticipation,
         "previousMinutes": previousMinutes.map { "\($0.heldOn) (\($0.items.count) items)" } ?? "", "draftShared": draftShared ? "yes" : "no",
         "minutes": minutes.map { "\($0.items.count) items, \($0.declarations.count) declarations" } ?? "",
         "actions": actions.map { "\($0.id): minute \($0.minute)\($0.resolution ?? ""), \($0.owner), due \($0.due), \($0.status.rawValue)\($0.note.isEmpty ? "" : ", \($0.note)")" }
            .joined(separator: "; ")]
    }
}

extension OfficerReport: Auditable {
    public static let auditEntity = "officer-report"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        var fields = ["meeting": meetingID, "position": String(position), "title": title, "reportOf": reportOf, "summary": summary,
                      "recommendations": recommendations.joined(separator: " | "), "consultation": consultation.joined(separator: "\n\n"),
                      "background": background.joined(separator: "\n\n"), "body": ReportText.text(body),
                      "backgroundPapers": backgroundPapers, "contactOfficer": contactOfficer, "telephone": telephone,
                      "appendices": ReportText.text(appendices),
                      "exemption": exemption.map { "paragraph \($0.paragraph): \($0.publicInterest)" } ?? ""]
        for kind in Implication.allCases { fields["implications." + kind.rawValue] = (implications[kind] ?? []).joined(separator: "\n\n") }
        return fields
    }
}

extension Publication: Auditable {
    public static let auditEntity = "publication"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["meeting": meetingID, "version": String(version), "reason": reason, "changes": changes.joined(separator: "; "),
         "files": files.map { "\($0.name) sha256:\($0.sha256)" }.joined(separator: "; ")]
    }
}

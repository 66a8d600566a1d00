import Foundation

extension Camera: Auditable {
    public static let auditEntity = "camera"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["assetId": assetID, "model": model, "mobileData": mobileData ? "yes" : "no",
         "status": history.last.map { "\($0.status.rawValue) from \($0.from)" } ?? ""]
    }
}

extension Deployment: Auditable {
    public static let auditEntity = "camera-deployment"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        var fields = ["camera": cameraID, "location": location, "from": from.description, "reason": reason, "signage": signage ? "yes" : "no",
                      "position": String(format: "%.6f, %.6f", position.latitude, position.longitude)]
        if let to { fields["to"] = to.description }
        if let dpiaDate { fields["dpia"] = dpiaDate.description }
        if let selfAssessmentDate { fields["selfAssessment"] = selfAssessmentDate.description }
        return fields
    }
}

extension FootageShare: Auditable {
    public static let auditEntity = "footage-share"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["camera": cameraID, "sharedWith": sharedWith.rawValue, "date": date.description, "reference": reference, "note": note]
    }
}

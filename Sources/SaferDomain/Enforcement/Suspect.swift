import Foundation

/// A person or business suspected of tipping. Personal data: shown to officers only, and in
/// no export but the officer's case export.
public struct Suspect: Sendable, Hashable, Identifiable {
    public var id: String
    public var caseID: String
    public var name: String
    public var address: String
    /// Vehicle registration and description.
    public var vehicle: String
    public var notes: String

    public init(id: String, caseID: String, name: String, address: String = "", vehicle: String = "", notes: String = "") {
        self.id = id
        self.caseID = caseID
        self.name = name
        self.address = address
        self.vehicle = vehicle
        self.notes = notes
    }
}

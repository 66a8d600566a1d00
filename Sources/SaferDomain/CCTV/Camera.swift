import Foundation

/// A mobile CCTV camera on the council's register.
public struct Camera: Sendable, Hashable, Identifiable {
    /// What state a camera is in. A damaged camera whose SD card cannot be secured is often put
    /// back up as a dummy: it still deters, but records nothing.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case working, damaged, stolen, dummy

        public var label: String { rawValue.capitalized }
    }

    /// One entry in a camera's history: the status from a day on.
    public struct StatusChange: Sendable, Hashable, Codable {
        public var status: Status
        public var from: CalendarDay
        public var note: String

        public init(status: Status, from: CalendarDay, note: String = "") {
            self.status = status
            self.from = from
            self.note = note
        }
    }

    public var id: String
    /// The council's asset number, e.g. "NWBC-CCTV-01".
    public var assetID: String
    public var model: String
    /// Sends images by e-mail over the mobile network (otherwise the SD card is collected).
    public var mobileData: Bool
    /// Oldest first; never empty.
    public var history: [StatusChange]

    public init(id: String, assetID: String, model: String, mobileData: Bool, history: [StatusChange]) {
        self.id = id
        self.assetID = assetID
        self.model = model
        self.mobileData = mobileData
        self.history = history.sorted { $0.from < $1.from }
    }

    /// The status on a day (the first status before the camera's history begins).
    public func status(on day: CalendarDay) -> Status {
        history.last { $0.from <= day }?.status ?? history.first?.status ?? .working
    }

    /// The latest status.
    public var status: Status { history.last?.status ?? .working }

    /// Checks an asset number, a model and a history are given.
    public func validate() throws {
        var problems = ValidationProblems()
        if assetID.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("A camera needs its asset number, e.g. NWBC-CCTV-09.", field: "assetId") }
        if model.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the camera's make and model.", field: "model") }
        if history.isEmpty { problems.add("A camera needs its first status and the day it began.", field: "status") }
        try problems.throwIfAny()
    }
}

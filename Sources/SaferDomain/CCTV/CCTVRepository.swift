import Foundation

/// The CCTV register: cameras with their status history, deployments and the footage log.
/// Every change is audited in the same transaction.
public protocol CCTVRepository: Sendable {
    /// Adds a camera; asset numbers are unique.
    func addCamera(_ camera: Camera, by actor: Actor) async throws
    /// Records a new status from a day on (damaged, stolen, back in service, used as a dummy).
    func changeStatus(cameraID: String, to change: Camera.StatusChange, by actor: Actor) async throws
    /// Every camera, by asset number.
    func cameras() async throws -> [Camera]
    /// Adds a deployment of a camera that exists.
    func addDeployment(_ deployment: Deployment, by actor: Actor) async throws
    /// Changes a deployment (its end, signage or compliance dates).
    func updateDeployment(_ deployment: Deployment, by actor: Actor) async throws
    /// Every deployment, newest first.
    func deployments() async throws -> [Deployment]
    /// Logs footage shared.
    func addFootageShare(_ share: FootageShare, by actor: Actor) async throws
    /// The footage log, newest first.
    func footageShares() async throws -> [FootageShare]
}

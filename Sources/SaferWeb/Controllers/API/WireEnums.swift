import SaferDomain

// Domain enums → the generated OpenAPI enums, one total `switch` each: a case added on either
// side without the other is a build error here, never a crash at run time.

typealias Schemas = Components.Schemas

extension Schemas.Me.RolePayload {
    init(_ role: Role) {
        switch role {
        case .admin: self = .admin
        case .officer: self = .officer
        case .field: self = .field
        case .partner: self = .partner
        case .councillor: self = .councillor
        }
    }
}

extension Schemas.Organisation.KindPayload {
    init(_ kind: Organisation.Kind) {
        switch kind {
        case .council: self = .council
        case .police: self = .police
        case .county: self = .county
        case .fire: self = .fire
        case .parish: self = .parish
        case .other: self = .other
        }
    }
}

extension Schemas.AuditEntry.ChannelPayload {
    init(_ channel: Actor.Channel) {
        switch channel {
        case .web: self = .web
        case .api: self = .api
        case .cli: self = .cli
        case .system: self = .system
        }
    }
}

extension Schemas.AuditEntry.ActionPayload {
    init(_ action: AuditEntry.Action) {
        switch action {
        case .create: self = .create
        case .update: self = .update
        case .delete: self = .delete
        }
    }
}

extension Schemas.Indicator.PolarityPayload {
    init(_ polarity: Polarity) {
        switch polarity {
        case .fewerIsBetter: self = .fewerIsBetter
        case .moreIsBetter: self = .moreIsBetter
        }
    }
}

extension Schemas.Indicator.KindPayload {
    init(_ kind: Indicator.Kind) {
        switch kind {
        case .count: self = .count
        case .proportion: self = .proportion
        }
    }
}

extension Schemas.Indicator.SourcePayload {
    init(_ source: Indicator.Source) {
        switch source {
        case .policeUK: self = .policeUk
        case .partner: self = .partner
        }
    }
}

extension Schemas.Plan.KindPayload {
    init(_ kind: Plan.Kind) {
        switch kind {
        case .action: self = .action
        case .partnership: self = .partnership
        case .corporate: self = .corporate
        case .service: self = .service
        }
    }
}

extension Schemas.SuggestedStatus.StatusPayload {
    init(_ status: RAGStatus) {
        switch status {
        case .green: self = .green
        case .amber: self = .amber
        case .red: self = .red
        }
    }
}

extension Schemas.SuggestedStatus.RulePayload {
    init(_ rule: ForecastRule) {
        switch rule {
        case .proRata: self = .proRata
        case .seasonalProfile: self = .seasonalProfile
        }
    }
}

extension Schemas.Incident.SourcePayload {
    init(_ source: FlyTipSource) {
        switch source {
        case .crew: self = .crew
        case .public: self = ._public
        case .partner: self = .partner
        case .cctv: self = .cctv
        }
    }
}

extension Schemas.Incident.StatusPayload {
    init(_ status: FlyTipStatus) {
        switch status {
        case .reported: self = .reported
        case .verified: self = .verified
        case .scheduled: self = .scheduled
        case .cleared: self = .cleared
        case .duplicate: self = .duplicate
        case .noTrace: self = .noTrace
        case .notCouncilLand: self = .notCouncilLand
        }
    }
}

extension Schemas.Incident.HazardsPayloadPayload {
    init(_ hazard: Hazard) {
        switch hazard {
        case .asbestos: self = .asbestos
        case .clinical: self = .clinical
        case .chemical: self = .chemical
        }
    }
}

extension Schemas.CCTVRegister.CamerasPayloadPayload.StatusPayload {
    init(_ status: Camera.Status) {
        switch status {
        case .working: self = .working
        case .damaged: self = .damaged
        case .stolen: self = .stolen
        case .dummy: self = .dummy
        }
    }
}

extension Schemas.CCTVRegister.FootageSharedPayloadPayload.SharedWithPayload {
    init(_ recipient: FootageShare.Recipient) {
        switch recipient {
        case .police: self = .police
        case .environmentalHealth: self = .environmentalHealth
        }
    }
}

import Foundation
import SaferDomain

/// Defra's fly-tipping return as tables for the page and XLSX (one sheet each), a long CSV for
/// machines and a JSON document: the same numbers in every format.
public struct DefraReturnReport: Sendable {
    public let defraReturn: DefraReturn

    public init(_ defraReturn: DefraReturn) { self.defraReturn = defraReturn }

    var period: String { defraReturn.range.label }

    /// Incidents by land type (rows) and size (columns), with totals and the clearance cost by size.
    public var landBySize: ReportTable {
        let r = defraReturn
        let columns = [ReportTable.Column("Land type")] + FlyTipSize.allCases.map { ReportTable.Column($0.label, .number) } + [ReportTable.Column("Total", .number)]
        var rows = LandType.allCases.map { land in
            ReportTable.Row(cells: [ReportTable.Cell(land.label)] + FlyTipSize.allCases.map { .count(Double(r.count(land, $0))) } + [.count(Double(r.total(land)))])
        }
        rows.append(ReportTable.Row(cells: [ReportTable.Cell("Total")] + FlyTipSize.allCases.map { .count(Double(r.total($0))) } + [.count(Double(r.total))]))
        rows.append(ReportTable.Row(cells: [ReportTable.Cell("Clearance cost (£)")] + FlyTipSize.allCases.map { Self.money(r.costBySize[$0] ?? .zero) } + [Self.money(r.totalCost)]))
        var notes = ["Incidents reported \(period) that the council dealt with (open or cleared); duplicates, \"no trace\" and fly-tips found not to be on the council's land are left out.",
                     "Clearance costs: the council's unit cost per incident for sizes up to a Transit van load; tipper lorry and multi-load costs as entered for each incident."]
        if r.incidentsMissingCost > 0 {
            notes.append("\(r.incidentsMissingCost) tipper lorry or multi-load \(r.incidentsMissingCost == 1 ? "incident has" : "incidents have") no clearance cost entered yet: the total is short by \(r.incidentsMissingCost == 1 ? "its cost" : "their costs").")
        }
        if r.hazardous > 0 { notes.append("\(r.hazardous) \(r.hazardous == 1 ? "incident" : "incidents") involved hazardous waste (asbestos, clinical or chemical) needing specialist clearance.") }
        return ReportTable(title: "Incidents by land type and size", subtitle: period, columns: columns, rows: rows, notes: notes)
    }

    /// Incidents by main waste type.
    public var byWasteType: ReportTable {
        let rows = WasteType.allCases.map { ReportTable.Row(cells: [ReportTable.Cell($0.label), .count(Double(defraReturn.byWasteType[$0] ?? 0))]) }
            + [ReportTable.Row(cells: [ReportTable.Cell("Total"), .count(Double(defraReturn.total))])]
        return ReportTable(title: "Incidents by waste type", subtitle: period, columns: [.init("Waste type"), .init("Incidents", .number)], rows: rows,
                           notes: ["Each incident counts once, under its main (first-recorded) waste type."])
    }

    /// Enforcement actions by type.
    public var enforcement: ReportTable {
        let rows = EnforcementActionType.allCases.map { ReportTable.Row(cells: [ReportTable.Cell($0.label), .count(Double(defraReturn.enforcement[$0] ?? 0))]) }
            + [ReportTable.Row(cells: [ReportTable.Cell("Total"), .count(Double(defraReturn.enforcement.values.reduce(0, +)))])]
        return ReportTable(title: "Enforcement actions by type", subtitle: period, columns: [.init("Action"), .init("Actions", .number)], rows: rows,
                           notes: ["Actions dated \(period); one incident or case can have several."])
    }

    /// The three tables, in the return's order.
    public var tables: [ReportTable] { [landBySize, byWasteType, enforcement] }

    /// One line per number: `section,category,size,count,cost`, where section is land-size,
    /// waste-type or enforcement, and cost (pounds) is given for land-size cells.
    public var csv: String {
        var lines = ["section,category,size,count,cost"]
        let costs = defraReturn.costByLandAndSize
        for land in LandType.allCases {
            for size in FlyTipSize.allCases {
                let cost = costs[land]?[size] ?? .zero
                lines.append(["land-size", land.label, size.label, String(defraReturn.count(land, size)), cost.plain].map(CSVRenderer.field).joined(separator: ","))
            }
        }
        for waste in WasteType.allCases {
            lines.append(["waste-type", waste.label, "", String(defraReturn.byWasteType[waste] ?? 0), ""].map(CSVRenderer.field).joined(separator: ","))
        }
        for action in EnforcementActionType.allCases {
            lines.append(["enforcement", action.label, "", String(defraReturn.enforcement[action] ?? 0), ""].map(CSVRenderer.field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The return as JSON-ready values.
    public struct Document: Encodable, Sendable {
        public struct Cell: Encodable, Sendable { public let landType: String, size: String, incidents: Int, cost: Double }
        public struct Count: Encodable, Sendable { public let category: String, count: Int }
        public let from: String, to: String, total: Int, totalCost: Double, incidentsMissingCost: Int, hazardous: Int
        public let landBySize: [Cell]
        public let wasteTypes: [Count]
        public let enforcement: [Count]
    }

    /// The JSON document.
    public var document: Document {
        let r = defraReturn
        let costs = r.costByLandAndSize
        return Document(from: r.range.first.description, to: r.range.last.description, total: r.total, totalCost: r.totalCost.pounds,
                        incidentsMissingCost: r.incidentsMissingCost, hazardous: r.hazardous,
                        landBySize: LandType.allCases.flatMap { land in FlyTipSize.allCases.map { size in
                            Document.Cell(landType: land.label, size: size.label, incidents: r.count(land, size), cost: (costs[land]?[size] ?? .zero).pounds)
                        } },
                        wasteTypes: WasteType.allCases.map { Document.Count(category: $0.label, count: r.byWasteType[$0] ?? 0) },
                        enforcement: EnforcementActionType.allCases.map { Document.Count(category: $0.label, count: r.enforcement[$0] ?? 0) })
    }

    static func money(_ amount: Money) -> ReportTable.Cell { ReportTable.Cell(amount.description, number: amount.pounds) }
}

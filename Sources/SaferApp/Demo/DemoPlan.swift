import Foundation
import SaferDomain

/// A plan as transcribed in `plans.json` (snake_case keys; see NOTES.md there).
struct DemoPlan: Decodable {
    struct Item: Decodable {
        let number: String?
        let description: String?
        let leadOrganisation: String?
        let leadAsPrinted: String?
        let leadOfficer: String?
        let theme: String?
        let priority: String?
        let board: String?
        let timescaleStart: String?
        let timescaleEnd: String?
        let resources: String?
        let measureOfSuccess: String?
        let baseline: PrintedValue?
        let target: PrintedValue?
        let indicator: String?
        let updates: [Update]
        let note: String?
        let objective: String?
        let section: String?
        let reference: String?
        let endAsPrinted: String?
        let yearEndDecision: String?
        let carriedForwardAs: String?

        enum CodingKeys: String, CodingKey {
            case number, description, theme, priority, board, resources, baseline, target, indicator, updates, note, objective, section, reference
            case leadOrganisation = "lead_organisation", leadAsPrinted = "lead_as_printed", leadOfficer = "lead_officer"
            case timescaleStart = "timescale_start", timescaleEnd = "timescale_end", measureOfSuccess = "measure_of_success"
            case endAsPrinted = "end_as_printed", yearEndDecision = "year_end_decision", carriedForwardAs = "carried_forward_as"
        }
    }
    struct Update: Decodable {
        let quarter: String
        let date: String?
        let text: String?
        let status: String?
        let direction: String?
        let performance: Double?
    }
    /// A baseline or target printed as a number or as text ("24% in 2006").
    struct PrintedValue: Decodable {
        let text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { text = String(number) }
            else if let number = try? container.decode(Double.self) { text = DisplayFormat.number(number).replacingOccurrences(of: ",", with: "") }
            else { text = try container.decode(String.self) }
        }
    }

    let kind: String
    let title: String
    let financialYear: String
    let committee: String
    let source: String?
    let items: [Item]

    enum CodingKeys: String, CodingKey {
        case kind, title, committee, source, items
        case financialYear = "financial_year"
    }
}

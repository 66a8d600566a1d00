import Foundation
import Mustache
import SaferDomain
import SaferReports

/// A report table ready for the `report-table` template: display strings and CSS classes.
struct TableView {
    struct Header { let text: String; let numeric: Bool }
    // Every field is always present (never nil): Mustache looks a missing name up in the
    // enclosing contexts, which would show the page's heading in a table cell.
    struct Cell {
        let text: String
        let numeric: Bool
        /// Whether the cell is a status badge, whose class is `badgeClass` (e.g. `rag rag-amber`); its words are the text.
        let hasBadge: Bool
        let badgeClass: String
        /// A change's colour, e.g. `tone-red`; the sign in the text carries the meaning too.
        let toneClass: String
        let isFirst: Bool
    }
    struct Row { let isGroup: Bool; let groupTitle: String; let cells: [Cell]; let span: Int }

    let caption: String
    let subtitle: String
    let headers: [Header]
    let rows: [Row]
    let notes: [String]

    init(_ table: ReportTable) {
        caption = table.title
        subtitle = table.subtitle ?? ""
        headers = table.columns.map { Header(text: $0.header, numeric: $0.kind != .text) }
        rows = table.rows.map { row in
            Row(isGroup: row.heading != nil, groupTitle: row.heading ?? "", cells: row.cells.enumerated().map { index, cell in
                let kind = index < table.columns.count ? table.columns[index].kind : .text
                return Cell(text: cell.text, numeric: kind != .text && kind != .status, hasBadge: cell.status != nil,
                            badgeClass: cell.status.map { "rag rag-\($0.rawValue)" } ?? "", toneClass: cell.tone.map { "tone-\($0)" } ?? "",
                            isFirst: index == 0)
            }, span: table.columns.count)
        }
        notes = table.notes
    }
}

// Rows and cells answer Mustache's lookups directly: its default, reflection with `Mirror`
// for every name in every cell, took over half of `/hotspots`' time (866 Gi* rows, by perf).
extension TableView.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "numeric": numeric
        case "hasBadge": hasBadge
        case "badgeClass": badgeClass
        case "toneClass": toneClass
        case "isFirst": isFirst
        default: nil
        }
    }
}

extension TableView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "isGroup": isGroup
        case "groupTitle": groupTitle
        case "cells": cells
        case "span": span
        default: nil
        }
    }
}

extension TableView.Header: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "numeric": numeric
        default: nil
        }
    }
}

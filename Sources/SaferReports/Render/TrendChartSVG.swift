import Foundation
import SaferDomain

/// A 12-month rolling trend as a self-contained SVG (no scripts, no network): title and
/// description for screen readers, labelled axes, the line, and the baseline for reference.
/// Pages put a data table beside it as the text alternative.
public enum TrendChartSVG {
    public struct Point: Sendable, Hashable, Codable { public let month: Month; public let value: Double?
        public init(month: Month, value: Double?) { self.month = month; self.value = value } }

    /// `id` names the title and description elements; give each chart on one page its own.
    public static func render(title: String, points: [Point], baseline: Double?, width: Int = 720, height: Int = 320, id: String = "chart") -> String {
        let left = 64.0, right = 16.0, top = 40.0, bottom = 48.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let values = points.compactMap(\.value) + (baseline.map { [$0] } ?? [])
        let maxValue = niceCeiling(values.max() ?? 1)
        let minValue = 0.0
        func x(_ index: Int) -> Double { points.count <= 1 ? left + plotW / 2 : left + plotW * Double(index) / Double(points.count - 1) }
        func y(_ value: Double) -> Double { top + plotH * (1 - (value - minValue) / max(maxValue - minValue, 1)) }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" class="trend-chart">
        <title id="\(id)-title">\(escape(title))</title>
        <desc id="\(id)-desc">\(escape(description(points: points, baseline: baseline)))</desc>
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
        <text x="\(left)" y="24" font-size="16" font-weight="bold" fill="#0b0c0c">\(escape(title))</text>
        """
        for step in 0...4 {
            let value = minValue + (maxValue - minValue) * Double(step) / 4
            let yy = y(value)
            svg += "<line x1=\"\(left)\" y1=\"\(f(yy))\" x2=\"\(f(left + plotW))\" y2=\"\(f(yy))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(yy + 4))\" font-size=\"12\" text-anchor=\"end\" fill=\"#0b0c0c\">\(DisplayFormat.number(value))</text>"
        }
        for (index, point) in points.enumerated() where points.count <= 13 || index % 3 == 0 {
            svg += "<text x=\"\(f(x(index)))\" y=\"\(f(top + plotH + 18))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">\(escape(point.month.shortName)) \(point.month.year % 100)</text>"
        }
        svg += "<text x=\"\(f(left + plotW / 2))\" y=\"\(height - 6)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#505a5f\">12 months ending in</text>"
        svg += "<text x=\"14\" y=\"\(f(top + plotH / 2))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#505a5f\" transform=\"rotate(-90 14 \(f(top + plotH / 2)))\">Count in 12 months</text>"
        if let baseline {
            svg += "<line x1=\"\(left)\" y1=\"\(f(y(baseline)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(baseline)))\" stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(f(left + plotW))\" y=\"\(f(y(baseline) - 6))\" font-size=\"12\" text-anchor=\"end\" fill=\"#505a5f\">Baseline \(DisplayFormat.number(baseline))</text>"
        }
        // The line breaks where a 12-month total is incomplete, rather than dropping to zero; a
        // dashed line bridges the gap and a hollow mark on the axis shows each missing month.
        var segment: [String] = []
        var lastKnown: (x: Double, y: Double)?
        var inGap = false
        func flush() {
            if segment.count > 1 { svg += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>" }
            segment = []
        }
        for (index, point) in points.enumerated() {
            if let value = point.value {
                let here = (x: x(index), y: y(value))
                if inGap, let lastKnown {
                    svg += "<line x1=\"\(f(lastKnown.x))\" y1=\"\(f(lastKnown.y))\" x2=\"\(f(here.x))\" y2=\"\(f(here.y))\" stroke=\"#1d70b8\" stroke-width=\"2\" stroke-dasharray=\"4 4\"/>"
                }
                inGap = false
                lastKnown = here
                segment.append("\(f(here.x)),\(f(here.y))")
                svg += "<circle cx=\"\(f(here.x))\" cy=\"\(f(here.y))\" r=\"4\" fill=\"#1d70b8\"><title>\(escape(point.month.label)): \(DisplayFormat.number(value))</title></circle>"
            } else {
                flush()
                inGap = true
                svg += "<circle cx=\"\(f(x(index)))\" cy=\"\(f(top + plotH))\" r=\"4\" fill=\"#ffffff\" stroke=\"#505a5f\" stroke-width=\"2\"><title>\(escape(point.month.label)): no complete 12-month total</title></circle>"
            }
        }
        flush()
        return svg + "</svg>"
    }

    public static func description(points: [Point], baseline: Double?) -> String {
        let known = points.filter { $0.value != nil }
        guard let first = known.first, let last = known.last else { return "No complete 12-month totals in this period." }
        // `known` holds only points with values.
        var text = "12-month totals from \(first.month.label) (\(DisplayFormat.number(first.value ?? 0))) to \(last.month.label) (\(DisplayFormat.number(last.value ?? 0)))."
        let gaps = points.count - known.count
        if gaps > 0 { text += " \(gaps) month\(gaps == 1 ? " has" : "s have") no complete total: the dashed line bridges them and hollow marks show them." }
        if let baseline { text += " Baseline \(DisplayFormat.number(baseline))." }
        return text
    }

    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 10 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

import Foundation

/// The words under the beat comparison table, generated from the figures so that no beat is
/// missed: "Biggest increases" per category with +N, and the "good news" (beats with a
/// reduction in every category, and the largest reductions).
public struct BeatNarrative: Sendable, Hashable, Codable {
    /// The ranked cells for one category.
    public struct CategoryLine: Sendable, Hashable, Codable {
        /// The category.
        public let category: BeatCategory
        /// The beats, ranked (ties at the cut-off included).
        public let cells: [BeatComparison.Cell]

        /// The ranked cells for one category.
        public init(category: BeatCategory, cells: [BeatComparison.Cell]) {
            self.category = category
            self.cells = cells
        }

        /// The line as the pack writes it, e.g. `Vehicle crime: Curdworth +19, Water Orton +9,
        /// Hurley and Wood End +7`; `Vehicle crime: none` when there are no beats.
        public func text(minus: DisplayFormat.MinusSign = .hyphenMinus) -> String {
            let beats = cells.isEmpty ? "none" : cells.map { $0.narrativeText(minus: minus) }.joined(separator: ", ")
            return "\(category.narrativeName): \(beats)"
        }
    }

    /// The quarter described.
    public let quarter: Quarter
    /// Biggest increases, one line per category in the table's order.
    public let biggestIncreases: [CategoryLine]
    /// Largest reductions, one line per category in the table's order.
    public let largestReductions: [CategoryLine]
    /// Beats with a reduction in every category, alphabetically.
    public let reductionsInEveryCategory: [String]

    /// Makes a narrative from its parts (normally built by `BeatComparison.narrative(limit:)`).
    public init(
        quarter: Quarter,
        biggestIncreases: [CategoryLine],
        largestReductions: [CategoryLine],
        reductionsInEveryCategory: [String]
    ) {
        self.quarter = quarter
        self.biggestIncreases = biggestIncreases
        self.largestReductions = largestReductions
        self.reductionsInEveryCategory = reductionsInEveryCategory
    }

    /// The increases line for a category, if the category is in the comparison.
    public func biggestIncreases(in category: BeatCategory) -> CategoryLine? {
        biggestIncreases.first { $0.category == category }
    }

    /// The reductions line for a category, if the category is in the comparison.
    public func largestReductions(in category: BeatCategory) -> CategoryLine? {
        largestReductions.first { $0.category == category }
    }

    /// The good-news sentence, e.g. `Atherstone North and Hartshill have seen reductions in
    /// all categories.`; nil when no beat has.
    public var reductionsInEveryCategoryText: String? {
        guard let last = reductionsInEveryCategory.last else { return nil }
        if reductionsInEveryCategory.count == 1 { return "\(last) has seen reductions in all categories." }
        let others = reductionsInEveryCategory.dropLast().joined(separator: ", ")
        return "\(others) and \(last) have seen reductions in all categories."
    }
}

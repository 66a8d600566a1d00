import Foundation

/// The police beat comparison: for one quarter, each beat's count per category this year
/// against the same quarter last year, with the narrative the officer used to write by hand.
///
/// Each cell's change is coloured by `ChangeDirection` (increase red, reduction green, no
/// change neutral). The narrative (`narrative(limit:)`) lists the biggest increases and the
/// largest reductions per category and the "good news" beats with a reduction in every
/// category.
///
/// **Ranking and ties.** Increases rank by size, largest first, then by beat name
/// alphabetically (case-insensitive). The top `limit` (3) are listed, *plus every beat tied
/// with the last one listed*: an officer reading "+9, +8, +8" would expect every +8 beat to
/// be named, not one picked by spelling. Reductions rank the same way by size of reduction.
/// Only increases (above 0) are listed as increases, and only reductions as reductions.
public struct BeatComparison: Sendable, Hashable, Codable {
    /// One beat's count for one category in the quarter this year and last year.
    public struct Cell: Sendable, Hashable, Codable {
        /// The beat's name, e.g. `Hurley and Wood End`.
        public let beat: String
        /// The category counted.
        public let category: BeatCategory
        /// The count in the same quarter last year.
        public let lastYear: Int
        /// The count in the quarter this year.
        public let thisYear: Int

        /// One beat's counts for a category.
        public init(beat: String, category: BeatCategory, lastYear: Int, thisYear: Int) {
            self.beat = beat
            self.category = category
            self.lastYear = lastYear
            self.thisYear = thisYear
        }

        /// This year minus last year: +47 for Hurley and Wood End's total crime (38 → 85).
        public var change: Int { thisYear - lastYear }

        /// Increase (red), reduction (green) or no change (neutral).
        public var direction: ChangeDirection { ChangeDirection(change: change) }

        /// The change with its sign, e.g. `+47`, `-24`, `0` (`−24` with `.minusSign`).
        public func changeText(minus: DisplayFormat.MinusSign = .hyphenMinus) -> String {
            change > 0 ? "+" + DisplayFormat.count(change)
                : change < 0 ? minus.rawValue + DisplayFormat.count(-change) : "0"
        }

        /// The narrative's wording for this cell, e.g. `Curdworth +19`.
        public func narrativeText(minus: DisplayFormat.MinusSign = .hyphenMinus) -> String {
            "\(beat) \(changeText(minus: minus))"
        }
    }

    /// The quarter this year, e.g. 2018/19-Q3 (compared with `quarter.sameQuarterLastYear`).
    public let quarter: Quarter
    /// The cells, in the order given.
    public let cells: [Cell]

    /// Makes the comparison; throws when a beat has two cells for the same category or a
    /// beat has no name.
    public init(quarter: Quarter, cells: [Cell]) throws(BeatComparisonError) {
        var seen = Set<String>()
        for cell in cells {
            let beat = cell.beat.trimmingCharacters(in: .whitespaces)
            guard !beat.isEmpty else { throw .beatWithoutName(cell.category) }
            guard seen.insert("\(beat)\u{0}\(cell.category.rawValue)").inserted else {
                throw .duplicateCell(beat: beat, category: cell.category)
            }
        }
        self.quarter = quarter
        self.cells = cells
    }

    /// Decodes a comparison, applying the same checks as `init(quarter:cells:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let quarter = try container.decode(Quarter.self, forKey: .quarter)
        let cells = try container.decode([Cell].self, forKey: .cells)
        do {
            try self.init(quarter: quarter, cells: cells)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .cells, in: container, debugDescription: error.description)
        }
    }

    /// The quarter compared against: the same quarter last year.
    public var baseQuarter: Quarter { quarter.sameQuarterLastYear }

    /// The beats, in the order they first appear.
    public var beats: [String] {
        var seen = Set<String>()
        return cells.map(\.beat).filter { seen.insert($0).inserted }
    }

    /// The categories present, in the table's order.
    public var categories: [BeatCategory] {
        let present = Set(cells.map(\.category))
        return BeatCategory.allCases.filter(present.contains)
    }

    /// The cell for a beat and category, if given.
    public func cell(beat: String, category: BeatCategory) -> Cell? {
        cells.first { $0.beat == beat && $0.category == category }
    }

    // MARK: - Narrative

    /// The biggest increases in a category: the top `limit` by size, plus any tied with the
    /// last of them (see the type's note on ties).
    public func biggestIncreases(in category: BeatCategory, limit: Int = 3) -> [Cell] {
        BeatComparison.top(cells.filter { $0.category == category && $0.change > 0 }, by: \.change, limit: limit)
    }

    /// The largest reductions in a category: the top `limit` by size of reduction, plus any
    /// tied with the last of them.
    public func largestReductions(in category: BeatCategory, limit: Int = 3) -> [Cell] {
        BeatComparison.top(cells.filter { $0.category == category && $0.change < 0 }, by: { -$0.change }, limit: limit)
    }

    /// The good-news beats: those with a reduction in every category of the comparison (a
    /// beat missing a category does not qualify), alphabetically.
    public var beatsWithReductionsInEveryCategory: [String] {
        let categories = categories
        guard !categories.isEmpty else { return [] }
        return beats.filter { beat in
            categories.allSatisfy { cell(beat: beat, category: $0)?.direction == .reduction }
        }
        .sorted(by: BeatComparison.alphabetical)
    }

    /// The narrative: biggest increases and largest reductions per category (top `limit`,
    /// ties included) and the beats with reductions in every category.
    public func narrative(limit: Int = 3) -> BeatNarrative {
        BeatNarrative(
            quarter: quarter,
            biggestIncreases: categories.map { .init(category: $0, cells: biggestIncreases(in: $0, limit: limit)) },
            largestReductions: categories.map { .init(category: $0, cells: largestReductions(in: $0, limit: limit)) },
            reductionsInEveryCategory: beatsWithReductionsInEveryCategory
        )
    }

    // MARK: - Helpers

    /// The cells ranked by `size` (largest first, then beat name), cut after `limit` but
    /// keeping every cell tied with the last one kept.
    static func top(_ cells: [Cell], by size: (Cell) -> Int, limit: Int) -> [Cell] {
        let ranked = cells.sorted {
            let (a, b) = (size($0), size($1))
            return a != b ? a > b : alphabetical($0.beat, $1.beat)
        }
        guard limit > 0 else { return [] }
        guard ranked.count > limit else { return ranked }
        let cutOff = size(ranked[limit - 1])
        return Array(ranked.prefix { size($0) >= cutOff })
    }

    /// Beat names alphabetically, ignoring case; exact text breaks ties, so the order is total.
    static func alphabetical(_ a: String, _ b: String) -> Bool {
        let (la, lb) = (a.lowercased(), b.lowercased())
        return la != lb ? la < lb : a < b
    }
}

import Foundation

/// What one cell of the month grid or one row of an upload asks for.
///
/// A blank leaves the stored figure as it is, so a template with one new month filled in
/// changes that month only. Removing a figure takes the word `clear`: a figure is never lost
/// because a cell was left empty.
public enum FigureEntry: Sendable, Hashable {
    /// Leave the stored figure (or its absence) as it is.
    case keep
    /// Store this number or `TBC`.
    case set(FigureValue)
    /// Remove the stored figure: the month becomes "not reported".
    case clear

    /// The word that removes a figure, on the grid, in a file and on the command line.
    public static let clearWord = "clear"

    /// Reads a cell: blank, `clear`, `TBC` or a number (see `FigureValue(parsing:)`).
    public init(parsing text: String) throws(FigureError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { self = .keep; return }
        if trimmed.lowercased() == Self.clearWord { self = .clear; return }
        self = .set(try FigureValue(parsing: trimmed))
    }

    /// The value to store, or nil to leave the month alone; `.notReported` removes.
    public var requested: FigureValue? {
        switch self {
        case .keep: nil
        case .set(let value): value
        case .clear: .notReported
        }
    }
}

/// What storing some figures would do, worked out before anything is stored, so the person
/// sees each figure added, changed and removed and confirms removals.
public struct FigureChanges: Sendable, Hashable {
    /// One figure that would change.
    public struct Change: Sendable, Hashable {
        public let indicatorKey: String
        public let areaKey: String
        public let month: Month
        public let before: FigureValue
        public let after: FigureValue

        public init(indicatorKey: String, areaKey: String, month: Month, before: FigureValue, after: FigureValue) {
            self.indicatorKey = indicatorKey
            self.areaKey = areaKey
            self.month = month
            self.before = before
            self.after = after
        }
    }

    /// Months that had no figure and would have one.
    public let added: [Change]
    /// Months whose figure would be different.
    public let changed: [Change]
    /// Months whose figure would be removed.
    public let removed: [Change]

    /// Compares the requested figures with what is stored. `.notReported` in `requested` is a
    /// removal; a figure equal to the stored one is no change.
    public init(requested: [MonthlyFigure], stored: (MonthlyFigure) -> FigureValue) {
        var added: [Change] = [], changed: [Change] = [], removed: [Change] = []
        for figure in requested {
            let before = stored(figure)
            guard before != figure.value else { continue }
            let change = Change(indicatorKey: figure.indicatorKey, areaKey: figure.areaKey, month: figure.month, before: before, after: figure.value)
            switch (before, figure.value) {
            case (.notReported, _): added.append(change)
            case (_, .notReported): removed.append(change)
            default: changed.append(change)
            }
        }
        let order = { (a: Change, b: Change) in (a.indicatorKey, a.areaKey, a.month) < (b.indicatorKey, b.areaKey, b.month) }
        self.added = added.sorted(by: order)
        self.changed = changed.sorted(by: order)
        self.removed = removed.sorted(by: order)
    }

    /// Whether nothing would change.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// The figures to store: every change, removals as `.notReported`.
    public var figures: [MonthlyFigure] {
        (added + changed + removed).map { MonthlyFigure(indicatorKey: $0.indicatorKey, areaKey: $0.areaKey, month: $0.month, value: $0.after) }
    }

    /// A short fingerprint of exactly these changes, so a confirmation stores what was
    /// previewed and nothing else (if the stored figures moved meanwhile, it no longer matches).
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a: stable across runs and machines, unlike Hasher.
        for change in added + changed + removed {
            for byte in "\(change.indicatorKey)|\(change.areaKey)|\(change.month)|\(change.before.storedText)|\(change.after.storedText);".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }

    /// "3 added, 1 changed, 2 removed".
    public var summary: String {
        "\(added.count) added, \(changed.count) changed, \(removed.count) removed"
    }
}

extension FigureValue {
    /// The value as a file or a form cell holds it: a plain number without separators, `TBC`,
    /// or blank.
    public var storedText: String {
        switch self {
        case .number(let value):
            if let whole = Int(exactly: value) { return String(whole) }
            return "\(value)"
        case .tbc: return "TBC"
        case .notReported: return ""
        }
    }
}

import Foundation

/// Labels and core flags in input order, and how many clusters there are.
struct DBSCANLabelling {
    var labels: [Int32]
    var isCore: [Bool]
    var clusterCount: Int
}

/// The flat arrays of one grid-DBSCAN run, and its steps. Positions `p` are indices into the
/// cell-sorted order; `order[p]` is the input index of the point at position `p`.
///
/// Why it is exact although it skips most distance tests: every shortcut compares a bound built
/// from the *actual* extreme coordinates of a cell's points with the same floating-point
/// operations a pair test uses (`d = a - b`, `d*d + e*e <= eps*eps`). Rounding is monotonic, so a
/// bound that passes (or fails) guarantees every pair it covers passes (or fails) the pair test
/// itself: the grid's cell size only affects speed, never which pairs count as neighbours.
///
/// Why unsafe buffers: the loops below run hundreds of millions of times on a million points;
/// bounds checks and copy-on-write checks on `Array` cost a large share of that. Every buffer is
/// allocated here, freed in `deinit`, and indexed within the sizes it was made with. The
/// workspace never leaves the `DBSCAN.cluster` call that makes it.
final class DBSCANWorkspace {
    let n: Int
    /// Points sorted by cell: coordinates, input index, and per-position scratch.
    let xs: UnsafeMutableBufferPointer<Double>
    let ys: UnsafeMutableBufferPointer<Double>
    let order: UnsafeMutableBufferPointer<Int32>
    /// Core flag, then union-find parent (core points) and finally the label, by position.
    let state: UnsafeMutableBufferPointer<Int32>
    /// Occupied cells in key order: first position, and (after `putCorePointsFirst`) the end of
    /// its core points; `cellStart[c + 1]` ends cell `c`.
    let cellStart: UnsafeMutableBufferPointer<Int32>
    let cellCoreEnd: UnsafeMutableBufferPointer<Int32>
    /// The actual extent of each cell's points, and whether all its pairs are neighbours.
    let cellMinX: UnsafeMutableBufferPointer<Double>
    let cellMaxX: UnsafeMutableBufferPointer<Double>
    let cellMinY: UnsafeMutableBufferPointer<Double>
    let cellMaxY: UnsafeMutableBufferPointer<Double>
    let cellIsCompact: UnsafeMutableBufferPointer<Bool>
    /// Neighbouring cells of each cell (those that may hold a point within eps), flat.
    var neighbourStart: UnsafeMutableBufferPointer<Int32>
    var neighbours: UnsafeMutableBufferPointer<Int32>
    let cellCount: Int
    /// Cell keys `column * rows + row`, ascending; only needed to link neighbours.
    private var cellKey: UnsafeMutableBufferPointer<Int>
    private let rows: Int

    /// The label of a point in no cluster (scikit-learn's noise label).
    static let unassigned: Int32 = -1
    /// How many cells either side a neighbour can be: cells are eps/√2 wide, so eps spans
    /// 1.41 cells, and a point's offset inside its own cell adds less than one more.
    static let reach = 2

    init(points: UnsafeBufferPointer<NationalGridPoint>, eps: Double) throws(DBSCANError) {
        let n = points.count
        self.n = n
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for index in 0..<n {
            let point = points[index]
            guard point.easting.isFinite, point.northing.isFinite else { throw .nonFiniteCoordinate(index: index) }
            minX = min(minX, point.easting)
            maxX = max(maxX, point.easting)
            minY = min(minY, point.northing)
            maxY = max(maxY, point.northing)
        }
        let largest = max(abs(minX), abs(maxX), abs(minY), abs(maxY))
        // Cells eps/√2 wide: any two points in one cell are within eps of each other (checked
        // per cell below, not assumed), and a neighbour is at most two cells away.
        let side = eps / 2.0.squareRoot()
        let reach = Self.reach
        let spanColumns = ((maxX - minX) / side).rounded(.down)
        let spanRows = ((maxY - minY) / side).rounded(.down)
        // Rounding in `x - minX` is a few units in the last place of the coordinates; it must stay
        // far below a cell so that "two cells either side" holds. 2^-40 leaves 4,096 units spare.
        guard eps >= largest * 0x1p-40, spanColumns < 0x1p40, spanRows < 0x1p40 else {
            throw .epsTooSmallForExtent(eps: eps, width: maxX - minX, height: maxY - minY)
        }
        let columns = Int(spanColumns) + 1 + 2 * reach
        let rows = Int(spanRows) + 1 + 2 * reach
        let (gridSize, overflow) = columns.multipliedReportingOverflow(by: rows)
        guard !overflow, gridSize < Int.max / 4 else {
            throw .epsTooSmallForExtent(eps: eps, width: maxX - minX, height: maxY - minY)
        }
        self.rows = rows

        // Sort positions by cell key (column-major), input order within a cell.
        order = .allocate(capacity: n)
        @inline(__always) func key(_ point: NationalGridPoint) -> Int {
            let column = Int(((point.easting - minX) / side).rounded(.down)) + reach
            let row = Int(((point.northing - minY) / side).rounded(.down)) + reach
            return column * rows + row
        }
        var keys: [Int] = []
        var starts: [Int32] = []
        if gridSize <= 4 * n + 65_536, gridSize < Int(Int32.max) {
            // Counting sort over the dense grid: 4 bytes a cell, at most 16 bytes a point.
            let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: gridSize + 1)
            defer { counts.deallocate() }
            counts.initialize(repeating: 0)
            let pointKeys = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
            defer { pointKeys.deallocate() }
            for index in 0..<n {
                let k = key(points[index])
                pointKeys[index] = Int32(truncatingIfNeeded: k)
                counts[k + 1] &+= 1
            }
            var occupied = 0
            for k in 0..<gridSize {
                if counts[k + 1] > 0 { occupied += 1 }
                counts[k + 1] &+= counts[k]
            }
            keys.reserveCapacity(occupied)
            starts.reserveCapacity(occupied + 1)
            for k in 0..<gridSize where counts[k + 1] > counts[k] {
                keys.append(k)
                starts.append(counts[k])
            }
            starts.append(Int32(n))
            for index in 0..<n {
                let k = Int(pointKeys[index])
                order[Int(counts[k])] = Int32(index)
                counts[k] &+= 1
            }
        } else {
            // Points spread thinly over a huge grid: sort the keys instead.
            var pointKeys = [Int](repeating: 0, count: n)
            for index in 0..<n { pointKeys[index] = key(points[index]) }
            var sorted = Array(0..<n)
            sorted.sort { pointKeys[$0] != pointKeys[$1] ? pointKeys[$0] < pointKeys[$1] : $0 < $1 }
            for (position, index) in sorted.enumerated() {
                order[position] = Int32(index)
                let k = pointKeys[index]
                if keys.last != k {
                    keys.append(k)
                    starts.append(Int32(position))
                }
            }
            starts.append(Int32(n))
        }
        cellCount = keys.count
        cellKey = .allocate(capacity: cellCount)
        _ = cellKey.initialize(from: keys)
        cellStart = .allocate(capacity: cellCount + 1)
        _ = cellStart.initialize(from: starts)
        cellCoreEnd = .allocate(capacity: cellCount)
        cellCoreEnd.initialize(repeating: 0)

        // Coordinates in cell order, so that scanning a cell reads contiguous memory.
        xs = .allocate(capacity: n)
        ys = .allocate(capacity: n)
        for position in 0..<n {
            let point = points[Int(order[position])]
            xs[position] = point.easting
            ys[position] = point.northing
        }
        state = .allocate(capacity: n)
        state.initialize(repeating: 0)

        cellMinX = .allocate(capacity: cellCount)
        cellMaxX = .allocate(capacity: cellCount)
        cellMinY = .allocate(capacity: cellCount)
        cellMaxY = .allocate(capacity: cellCount)
        cellIsCompact = .allocate(capacity: cellCount)
        let eps2 = eps * eps
        for cell in 0..<cellCount {
            var lowX = Double.infinity, highX = -Double.infinity, lowY = Double.infinity, highY = -Double.infinity
            for position in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                lowX = min(lowX, xs[position])
                highX = max(highX, xs[position])
                lowY = min(lowY, ys[position])
                highY = max(highY, ys[position])
            }
            cellMinX[cell] = lowX
            cellMaxX[cell] = highX
            cellMinY[cell] = lowY
            cellMaxY[cell] = highY
            // The widest pair in the cell, measured the way a pair is measured.
            let dx = highX - lowX
            let dy = highY - lowY
            cellIsCompact[cell] = dx * dx + dy * dy <= eps2
        }
        neighbourStart = .allocate(capacity: 0)
        neighbours = .allocate(capacity: 0)
    }

    deinit {
        xs.deallocate()
        ys.deallocate()
        order.deallocate()
        state.deallocate()
        cellStart.deallocate()
        cellCoreEnd.deallocate()
        cellMinX.deallocate()
        cellMaxX.deallocate()
        cellMinY.deallocate()
        cellMaxY.deallocate()
        cellIsCompact.deallocate()
        neighbourStart.deallocate()
        neighbours.deallocate()
        cellKey.deallocate()
    }

    // MARK: - Bounds

    /// Whether no point of cell `b` can be within eps of any point of cell `a`.
    @inline(__always) func cellsTooFar(_ a: Int, _ b: Int, eps2: Double) -> Bool {
        let gapX = max(0, cellMinX[b] - cellMaxX[a], cellMinX[a] - cellMaxX[b])
        let gapY = max(0, cellMinY[b] - cellMaxY[a], cellMinY[a] - cellMaxY[b])
        return gapX * gapX + gapY * gapY > eps2
    }

    /// Whether no point of `cell` can be within eps of (x, y).
    @inline(__always) func cellTooFar(_ cell: Int, x: Double, y: Double, eps2: Double) -> Bool {
        let gapX = max(0, cellMinX[cell] - x, x - cellMaxX[cell])
        let gapY = max(0, cellMinY[cell] - y, y - cellMaxY[cell])
        return gapX * gapX + gapY * gapY > eps2
    }

    /// Whether every point of `cell` is within eps of (x, y).
    @inline(__always) func cellWithin(_ cell: Int, x: Double, y: Double, eps2: Double) -> Bool {
        let farX = max(x - cellMinX[cell], cellMaxX[cell] - x)
        let farY = max(y - cellMinY[cell], cellMaxY[cell] - y)
        return farX * farX + farY * farY <= eps2
    }

    @inline(__always) func isNeighbour(_ p: Int, x: Double, y: Double, eps2: Double) -> Bool {
        let dx = xs[p] - x
        let dy = ys[p] - y
        return dx * dx + dy * dy <= eps2
    }

    // MARK: - Steps

    /// Lists, for each cell, the other cells in its 5 × 5 window whose extents come within eps.
    /// Cells are in key order, so for each window column one pointer only moves forward.
    func linkNeighbourCells(eps2: Double) {
        var starts = [Int32]()
        starts.reserveCapacity(cellCount + 1)
        var linked = [Int32]()
        linked.reserveCapacity(cellCount * 8)
        let reach = Self.reach
        var cursor = [Int](repeating: 0, count: 2 * reach + 1)
        for cell in 0..<cellCount {
            starts.append(Int32(linked.count))
            let key = cellKey[cell]
            for column in 0...(2 * reach) {
                let base = key + (column - reach) * rows
                var first = cursor[column]
                while first < cellCount, cellKey[first] < base - reach { first += 1 }
                cursor[column] = first
                var other = first
                while other < cellCount, cellKey[other] <= base + reach {
                    if other != cell, !cellsTooFar(cell, other, eps2: eps2) { linked.append(Int32(other)) }
                    other += 1
                }
            }
        }
        starts.append(Int32(linked.count))
        neighbourStart.deallocate()
        neighbours.deallocate()
        neighbourStart = .allocate(capacity: starts.count)
        _ = neighbourStart.initialize(from: starts)
        neighbours = .allocate(capacity: linked.count)
        _ = neighbours.initialize(from: linked)
    }

    /// Marks core points (`state[p] == 1`): whole cells at once where the cell alone has enough,
    /// otherwise counting neighbours until there are enough.
    func findCorePoints(eps2: Double, minPoints: Int) {
        for cell in 0..<cellCount {
            let start = Int(cellStart[cell]), end = Int(cellStart[cell + 1])
            let compact = cellIsCompact[cell]
            if compact, end - start >= minPoints {
                for p in start..<end { state[p] = 1 }
                continue
            }
            for p in start..<end {
                let x = xs[p], y = ys[p]
                var count = 0
                if compact {
                    count = end - start
                } else {
                    for q in start..<end where isNeighbour(q, x: x, y: y, eps2: eps2) { count += 1 }
                }
                var link = Int(neighbourStart[cell])
                let linkEnd = Int(neighbourStart[cell + 1])
                while count < minPoints, link < linkEnd {
                    let other = Int(neighbours[link])
                    link += 1
                    if cellTooFar(other, x: x, y: y, eps2: eps2) { continue }
                    let otherStart = Int(cellStart[other]), otherEnd = Int(cellStart[other + 1])
                    if cellWithin(other, x: x, y: y, eps2: eps2) {
                        count += otherEnd - otherStart
                    } else {
                        for q in otherStart..<otherEnd where isNeighbour(q, x: x, y: y, eps2: eps2) { count += 1 }
                    }
                }
                state[p] = count >= minPoints ? 1 : 0
            }
        }
    }

    /// Reorders each cell so its core points come first, and records where they end.
    func putCorePointsFirst() {
        for cell in 0..<cellCount {
            var low = Int(cellStart[cell]), high = Int(cellStart[cell + 1]) - 1
            while true {
                while low <= high, state[low] == 1 { low += 1 }
                while low <= high, state[high] == 0 { high -= 1 }
                guard low < high else { break }
                state.swapAt(low, high)
                xs.swapAt(low, high)
                ys.swapAt(low, high)
                order.swapAt(low, high)
            }
            cellCoreEnd[cell] = Int32(low)
        }
    }

    // MARK: Union-find over core positions (state holds the parent from here on)

    @inline(__always) func find(_ p: Int) -> Int {
        var p = p
        while Int(state[p]) != p {
            let grandparent = state[Int(state[p])]
            state[p] = grandparent
            p = Int(grandparent)
        }
        return p
    }

    @inline(__always) func union(_ a: Int, _ b: Int) {
        let rootA = find(a), rootB = find(b)
        if rootA < rootB { state[rootB] = Int32(rootA) } else if rootB < rootA { state[rootA] = Int32(rootB) }
    }

    /// Links core points within eps of each other into components.
    func joinCorePoints(eps2: Double) {
        for p in 0..<n { state[p] = Int32(p) }
        for cell in 0..<cellCount {
            let start = Int(cellStart[cell]), coreEnd = Int(cellCoreEnd[cell])
            guard coreEnd > start + 1 else { continue }
            if cellIsCompact[cell] {
                for p in (start + 1)..<coreEnd { state[p] = Int32(start) }
            } else {
                for p in start..<coreEnd {
                    for q in (p + 1)..<coreEnd where isNeighbour(q, x: xs[p], y: ys[p], eps2: eps2) { union(p, q) }
                }
            }
        }
        for cell in 0..<cellCount {
            let start = Int(cellStart[cell]), coreEnd = Int(cellCoreEnd[cell])
            guard coreEnd > start else { continue }
            for link in Int(neighbourStart[cell])..<Int(neighbourStart[cell + 1]) {
                let other = Int(neighbours[link])
                guard other > cell else { continue }
                let otherStart = Int(cellStart[other]), otherCoreEnd = Int(cellCoreEnd[other])
                guard otherCoreEnd > otherStart else { continue }
                if cellIsCompact[cell], cellIsCompact[other] {
                    // Each side is already one component: one linking pair is enough.
                    if find(start) == find(otherStart) { continue }
                    search: for p in start..<coreEnd {
                        let x = xs[p], y = ys[p]
                        if cellTooFar(other, x: x, y: y, eps2: eps2) { continue }
                        for q in otherStart..<otherCoreEnd where isNeighbour(q, x: x, y: y, eps2: eps2) {
                            union(p, q)
                            break search
                        }
                    }
                } else {
                    for p in start..<coreEnd {
                        let x = xs[p], y = ys[p]
                        if cellTooFar(other, x: x, y: y, eps2: eps2) { continue }
                        for q in otherStart..<otherCoreEnd where isNeighbour(q, x: x, y: y, eps2: eps2) { union(p, q) }
                    }
                }
            }
        }
    }

    /// Numbers the components by their first core point in input order; `state` then holds each
    /// core point's cluster number. Returns the number of clusters.
    func numberClusters() -> Int {
        // First input index of each component, kept at its root.
        let firstIndex = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        defer { firstIndex.deallocate() }
        firstIndex.initialize(repeating: Int32.max)
        var roots = [(first: Int32, root: Int32)]()
        for cell in 0..<cellCount {
            for p in Int(cellStart[cell])..<Int(cellCoreEnd[cell]) {
                let root = find(p)
                if root == p { roots.append((0, Int32(p))) }
                firstIndex[root] = min(firstIndex[root], order[p])
            }
        }
        for k in roots.indices { roots[k].first = firstIndex[Int(roots[k].root)] }
        roots.sort { $0.first < $1.first }
        for (number, entry) in roots.enumerated() { firstIndex[Int(entry.root)] = Int32(number) }
        // Labels go through `firstIndex` first: `state` is still the parent array `find` walks.
        for cell in 0..<cellCount {
            for p in Int(cellStart[cell])..<Int(cellCoreEnd[cell]) {
                firstIndex[p] = firstIndex[find(p)]
            }
        }
        for cell in 0..<cellCount {
            for p in Int(cellStart[cell])..<Int(cellCoreEnd[cell]) { state[p] = firstIndex[p] }
            for p in Int(cellCoreEnd[cell])..<Int(cellStart[cell + 1]) { state[p] = DBSCANWorkspace.unassigned }
        }
        return roots.count
    }

    /// Gives each non-core point the lowest cluster number among core points within eps, or noise.
    func labelBorderPoints(eps2: Double) {
        for cell in 0..<cellCount {
            let start = Int(cellStart[cell]), coreEnd = Int(cellCoreEnd[cell]), end = Int(cellStart[cell + 1])
            guard coreEnd < end else { continue }
            for p in coreEnd..<end {
                let x = xs[p], y = ys[p]
                var best = Int32.max
                if cellIsCompact[cell] {
                    if coreEnd > start { best = state[start] }
                } else {
                    for q in start..<coreEnd where state[q] < best && isNeighbour(q, x: x, y: y, eps2: eps2) { best = state[q] }
                }
                for link in Int(neighbourStart[cell])..<Int(neighbourStart[cell + 1]) {
                    let other = Int(neighbours[link])
                    let otherStart = Int(cellStart[other]), otherCoreEnd = Int(cellCoreEnd[other])
                    guard otherCoreEnd > otherStart else { continue }
                    if cellIsCompact[other] {
                        // One cluster in the cell: one core point within eps decides it.
                        let label = state[otherStart]
                        guard label < best, !cellTooFar(other, x: x, y: y, eps2: eps2) else { continue }
                        for q in otherStart..<otherCoreEnd where isNeighbour(q, x: x, y: y, eps2: eps2) {
                            best = label
                            break
                        }
                    } else {
                        if cellTooFar(other, x: x, y: y, eps2: eps2) { continue }
                        for q in otherStart..<otherCoreEnd where state[q] < best && isNeighbour(q, x: x, y: y, eps2: eps2) { best = state[q] }
                    }
                }
                if best != Int32.max { state[p] = best }
            }
        }
        // Border labels were written only to non-core positions, which no later point reads as a
        // core label (core positions come first in each cell and are read below `coreEnd`).
    }

    /// The labels and core flags back in input order.
    func labellingInInputOrder(clusterCount: Int) -> DBSCANLabelling {
        var labels = [Int32](repeating: -1, count: n)
        var isCore = [Bool](repeating: false, count: n)
        labels.withUnsafeMutableBufferPointer { labels in
            isCore.withUnsafeMutableBufferPointer { isCore in
                for cell in 0..<cellCount {
                    let coreEnd = Int(cellCoreEnd[cell])
                    for p in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                        let index = Int(order[p])
                        labels[index] = state[p]
                        isCore[index] = p < coreEnd
                    }
                }
            }
        }
        return DBSCANLabelling(labels: labels, isCore: isCore, clusterCount: clusterCount)
    }
}

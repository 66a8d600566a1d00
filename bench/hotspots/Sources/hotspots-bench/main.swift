// Times Safer's DBSCAN and Gi* on a points file from generate.py; prints one JSON line.
//
//   hotspots-bench dbscan POINTS.bin EPS MIN_POINTS LABELS_OUT.bin
//       LABELS_OUT: n little-endian Int32 labels (-1 noise), then n bytes core flags (0/1)
//   hotspots-bench gi POINTS.bin CELL_METRES COLUMNS ROWS ORIGIN_E ORIGIN_N Z_OUT.bin
//       Z_OUT: float64 z-scores row by row from the south-west, then float64 counts
//
// "seconds" is the clustering (or binning + Gi*) alone, after the file is read; "peak_rss_mb" is
// the process's peak resident memory (getrusage), points included, as for scikit-learn/esda.
import Foundation
import SaferDomain

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func readPoints(_ path: String) -> [NationalGridPoint] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let count = data.count / MemoryLayout<NationalGridPoint>.stride
    var points = [NationalGridPoint](repeating: NationalGridPoint(easting: 0, northing: 0), count: count)
    points.withUnsafeMutableBytes { target in
        data.withUnsafeBytes { source in target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<target.count])) }
    }
    return points
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(Linux)
    return Double(usage.ru_maxrss) / 1024
    #else
    return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func write<T>(_ arrays: [[T]], to path: String) {
    var data = Data()
    for array in arrays { array.withUnsafeBytes { data.append(contentsOf: $0) } }
    guard FileManager.default.createFile(atPath: path, contents: data) else { fail("cannot write \(path)") }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: hotspots-bench dbscan|gi ...") }
switch arguments[1] {
case "dbscan":
    guard arguments.count == 6, let eps = Double(arguments[3]), let minPoints = Int(arguments[4]) else {
        fail("usage: hotspots-bench dbscan POINTS.bin EPS MIN_POINTS LABELS_OUT.bin")
    }
    let points = readPoints(arguments[2])
    var result: DBSCANResult?
    let time = try seconds {
        result = try DBSCAN(eps: eps, minPoints: minPoints).cluster(points)
    }
    let peak = peakResidentMegabytes()
    guard let result else { fail("no result") }
    write([result.labels], to: arguments[5])
    write([result.isCore.map { UInt8($0 ? 1 : 0) }], to: arguments[5] + ".core")
    print(#"{"points": \#(points.count), "seconds": \#(time), "peak_rss_mb": \#(peak), "clusters": \#(result.clusters.count), "noise": \#(result.noise.count)}"#)
case "gi":
    guard arguments.count == 9, let cell = Double(arguments[3]), let columns = Int(arguments[4]), let rows = Int(arguments[5]),
          let originE = Double(arguments[6]), let originN = Double(arguments[7])
    else { fail("usage: hotspots-bench gi POINTS.bin CELL_METRES COLUMNS ROWS ORIGIN_E ORIGIN_N Z_OUT.bin") }
    let points = readPoints(arguments[2])
    var grid = try CountGrid(origin: NationalGridPoint(easting: originE, northing: originN), cellSize: cell, columns: columns, rows: rows)
    var result: GiStarResult?
    var outside = 0
    let binning = seconds {
        for point in points where !grid.add(point) { outside += 1 }
    }
    let statistic = seconds { result = GiStar.compute(grid) }
    let peak = peakResidentMegabytes()
    guard let result else { fail("no result") }
    write([result.zScores, grid.counts], to: arguments[8])
    let hot = result.significance.filter(\.isHot).count
    print(#"{"cells": \#(grid.counts.count), "seconds": \#(statistic), "binning_seconds": \#(binning), "peak_rss_mb": \#(peak), "outside": \#(outside), "hot_cells": \#(hot)}"#)
default:
    fail("usage: hotspots-bench dbscan|gi ...")
}

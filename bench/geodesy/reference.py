#!/usr/bin/env python3
"""The osgb side of the geodesy benchmark, and the checks against Safer's output.

    reference.py convert POINTS.csv CHECK OUT.csv
        times osgb.ll_to_grid(lat, lon, rounding=4) on every point, then osgb.grid_to_ll(e, n) on
        the results; writes "easting,northing,lat,lon" for the first CHECK points like
        geodesy-bench; prints one JSON line
    reference.py compare POINTS.csv SAFER.csv OSGB.csv [--tolerance-mm 1]
        the worst easting/northing difference between the two (exit 1 above the tolerance), and
        each side's worst round trip (back to lat/lon, against the point it started from); JSON line
    reference.py report DIR
        reads the JSON lines run left in DIR, prints medians, ratios and peak memory; exits 1 when
        the agreement check failed

Reading the file is not timed. "grid_load_seconds" is `import osgb`, which reads its OSTN15 grid
(Safer's is the first conversion). peak_rss_mb is the process's peak resident memory
(resource.getrusage), the points and the grid included.
"""
import json
import math
import os
import resource
import statistics
import sys
import time


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def read_rows(path):
    with open(path) as f:
        next(f)
        return [tuple(map(float, line.split(","))) for line in f if line.strip()]


def convert(points_path, check, out_path):
    points = read_rows(points_path)
    start = time.perf_counter()
    import osgb
    grid_load = time.perf_counter() - start

    start = time.perf_counter()
    grid = [osgb.ll_to_grid(lat, lon, rounding=4) for lat, lon in points]
    forward = time.perf_counter() - start
    start = time.perf_counter()
    back = [osgb.grid_to_ll(e, n) for e, n in grid]
    inverse = time.perf_counter() - start
    peak = peak_rss_mb()

    with open(out_path, "w") as f:
        f.write("easting,northing,lat,lon\n")
        f.writelines(f"{e!r},{n!r},{lat!r},{lon!r}\n" for (e, n), (lat, lon) in zip(grid[:int(check)], back))
    n = len(points)
    print(json.dumps({"points": n, "grid_load_seconds": grid_load, "forward_seconds": forward,
                      "forward_per_second": n / forward, "inverse_seconds": inverse,
                      "inverse_per_second": n / inverse, "peak_rss_mb": peak}))


def round_trip_mm(start, back):
    """The distance on the ground between two nearby positions, in millimetres (about: 111.32 km a degree)."""
    (lat0, lon0), (lat1, lon1) = start, back
    return 1000 * 111_320 * math.hypot(lat1 - lat0, (lon1 - lon0) * math.cos(math.radians(lat0)))


def compare(points_path, safer_path, osgb_path, tolerance_mm=1.0):
    points, safer, other = read_rows(points_path), read_rows(safer_path), read_rows(osgb_path)
    assert len(safer) == len(other) > 0, "different numbers of checked points"
    worst, at = 0.0, 0
    for i, (a, b) in enumerate(zip(safer, other)):
        difference = 1000 * max(abs(a[0] - b[0]), abs(a[1] - b[1]))
        if difference > worst:
            worst, at = difference, i
    result = {
        "points": len(safer), "tolerance_mm": tolerance_mm,
        "worst_mm": worst, "worst_at": {"lat": points[at][0], "lon": points[at][1],
                                        "safer": safer[at][:2], "osgb": other[at][:2]},
        "safer_round_trip_worst_mm": max(round_trip_mm(p, s[2:]) for p, s in zip(points, safer)),
        "osgb_round_trip_worst_mm": max(round_trip_mm(p, o[2:]) for p, o in zip(points, other)),
    }
    result["agree"] = worst <= tolerance_mm
    print(json.dumps(result))
    return 0 if result["agree"] else 1


def read_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def report(directory):
    safer = read_lines(os.path.join(directory, "safer.jsonl"))
    other = read_lines(os.path.join(directory, "osgb.jsonl"))
    check = read_lines(os.path.join(directory, "compare.json"))[-1]

    def median(runs, key):
        return statistics.median(r[key] for r in runs)

    print(f"OSTN15 conversions of {safer[0]['points']:,} points, median of {len(safer)} runs (conversions/s)")
    print(f"  {'':22}{'forward':>12}{'inverse':>12}{'peak memory':>14}{'grid load':>12}")
    for name, runs in (("osgb 1.2.0", other), ("Safer", safer)):
        print(f"  {name:22}{median(runs, 'forward_per_second'):12,.0f}{median(runs, 'inverse_per_second'):12,.0f}"
              f"{max(r['peak_rss_mb'] for r in runs):11.1f} MB{median(runs, 'grid_load_seconds'):10.4f} s")
    forward = median(safer, "forward_per_second") / median(other, "forward_per_second")
    inverse = median(safer, "inverse_per_second") / median(other, "inverse_per_second")
    memory = max(r["peak_rss_mb"] for r in safer) / max(r["peak_rss_mb"] for r in other)
    print(f"  Safer/osgb: forward {forward:.1f}x, inverse {inverse:.1f}x as fast, {memory:.2f} of the memory")
    print("  grid load: Safer's first conversion (reads OSTN15 from its resource bundle); osgb's `import osgb`")
    helmert = max(r["helmert"] for r in safer)
    if helmert:
        print(f"  note: Safer used Helmert for {helmert:,} points")
    print(f"  agreement on the first {check['points']:,} points: worst easting/northing difference"
          f" {check['worst_mm']:.4f} mm (tolerance {check['tolerance_mm']} mm) at"
          f" {check['worst_at']['lat']:.10f}, {check['worst_at']['lon']:.10f}")
    print(f"  round trip (forward, then inverse), worst: Safer {check['safer_round_trip_worst_mm']:.4f} mm,"
          f" osgb {check['osgb_round_trip_worst_mm']:.4f} mm")
    if not check["agree"]:
        print("FAILED: Safer and osgb disagree by more than the tolerance")
        return 1
    print("agreement check passed")
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[1], argv[2:]
    if command == "convert":
        convert(*args)
    elif command == "compare":
        tolerance = 1.0
        if "--tolerance-mm" in args:
            at = args.index("--tolerance-mm")
            tolerance = float(args[at + 1])
            args = args[:at] + args[at + 2:]
        return compare(*args, tolerance_mm=tolerance)
    elif command == "report":
        return report(*args)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

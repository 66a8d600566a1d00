#!/usr/bin/env python3
"""Realistic clustered National Grid points for the hot-spot benchmark (numpy, fixed seed).

    generate.py OUT.bin [--points N] [--seed S] [--side METRES] [--precision METRES]

A mixture, over a square `--side` metres wide (default 60 km) whose south-west corner is at
E 400000, N 260000 (North Warwickshire's part of the grid):
  * 75% of the points in about N/1,000 Gaussian clusters: sizes heavy-tailed (log-normal), spread
    60 to 600 m, half stretched along a random direction like fly-tips along a lane;
  * 25% uniform background (the isolated tip, the GPS fix in a field).
Coordinates are rounded to `--precision` metres (default 1 m, as the council's GIS and
police.uk's snapped points record them; 0 keeps full precision), which makes exact duplicates and
pairs exactly eps apart, the ties DBSCAN must get right.

The file is little-endian float64 pairs (easting, northing), 16 bytes a point, nothing else.
"""
import argparse

import numpy as np

ORIGIN_E, ORIGIN_N = 400_000.0, 260_000.0


def generate(points: int, seed: int, side: float, precision: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    clustered = int(round(points * 0.75))
    background = points - clustered
    clusters = max(5, points // 1_000)
    weights = rng.lognormal(mean=0.0, sigma=1.0, size=clusters)
    sizes = rng.multinomial(clustered, weights / weights.sum())
    margin = 1_000.0
    centres = rng.uniform(margin, side - margin, size=(clusters, 2))
    spread = np.exp(rng.uniform(np.log(60.0), np.log(600.0), size=clusters))
    stretch = np.where(rng.random(clusters) < 0.5, rng.uniform(2.0, 6.0, size=clusters), 1.0)
    angle = rng.uniform(0.0, np.pi, size=clusters)
    parts = []
    for k in range(clusters):
        local = rng.standard_normal(size=(sizes[k], 2)) * [spread[k] * stretch[k], spread[k]]
        c, s = np.cos(angle[k]), np.sin(angle[k])
        parts.append(local @ np.array([[c, s], [-s, c]]) + centres[k])
    parts.append(rng.uniform(0.0, side, size=(background, 2)))
    xy = np.concatenate(parts)
    xy = xy[rng.permutation(len(xy))]
    xy = np.clip(xy, 0.0, side) + [ORIGIN_E, ORIGIN_N]
    if precision > 0:
        xy = np.round(xy / precision) * precision
    return np.ascontiguousarray(xy, dtype="<f8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20190318)
    parser.add_argument("--side", type=float, default=60_000.0)
    parser.add_argument("--precision", type=float, default=1.0)
    args = parser.parse_args()
    generate(args.points, args.seed, args.side, args.precision).tofile(args.out)


if __name__ == "__main__":
    main()

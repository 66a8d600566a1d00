#!/usr/bin/env python3
"""Writes the reference values the hot-spot tests compare with, once (fixed seeds).

    make_fixtures.py [FIXTURES_DIR]    (default: Tests/SaferDomainTests/Hotspots/Fixtures)

Run it with bench/hotspots/.venv-bench/bin/python (made by bench/hotspots/run). The tests compare
with these files; rerun only to change the reference cases, and commit the result.

  dbscan-sklearn.json  420 clustered points (1 m precision, with duplicates and exact-eps pairs)
                       and scikit-learn's DBSCAN(algorithm="kd_tree") labels and core flags for
                       several (eps, min_samples)
  gi-esda.json         grids of counts and esda G_Local(y, lat2W(rows, columns, rook=False),
                       transform="B", star=True) Zs, Gs, EGs, VGs, p_norm (NaN written as null)

Needs numpy, scikit-learn, esda and libpysal (bench/hotspots/run installs them in .venv-bench).
"""
import json
import os
import sys
import warnings

import numpy as np


def versions():
    import esda
    import libpysal
    import sklearn

    return {"numpy": np.__version__, "scikit-learn": sklearn.__version__, "esda": esda.__version__,
            "libpysal": libpysal.__version__}


def dbscan_fixture():
    from sklearn.cluster import DBSCAN

    rng = np.random.default_rng(5)
    origin = np.array([430_000.0, 290_000.0])
    parts = []
    for centre, spread, size in [((600, 700), 60, 90), ((1_500, 900), 120, 80), ((2_400, 2_300), 200, 70),
                                 ((800, 2_200), 90, 60), ((1_050, 700), 50, 20)]:
        parts.append(rng.normal(size=(size, 2)) * spread + centre)
    parts.append(rng.uniform(0, 3_000, size=(90, 2)))
    xy = np.round(np.concatenate(parts) + origin)
    xy = xy[rng.permutation(len(xy))]
    # A few exact duplicates, and pairs exactly 150 m apart (90, 120, 150 triangle).
    xy = np.concatenate([xy, xy[:5], xy[10:15] + [90.0, 120.0]])
    runs = []
    for eps, min_samples in [(150.0, 5), (100.0, 3), (250.0, 12), (60.0, 1), (150.0, 2)]:
        model = DBSCAN(eps=eps, min_samples=min_samples, algorithm="kd_tree").fit(xy)
        core = np.zeros(len(xy), dtype=bool)
        core[model.core_sample_indices_] = True
        runs.append({"eps": eps, "min_samples": min_samples, "labels": model.labels_.tolist(),
                     "core": core.astype(int).tolist()})
    return {"about": "scikit-learn DBSCAN(eps, min_samples, algorithm='kd_tree') on these points",
            "versions": versions(), "points": xy.tolist(), "runs": runs}


def nan_to_none(values):
    return [None if np.isnan(v) else float(v) for v in np.asarray(values, dtype=float)]


def gi_case(name, rows, columns, counts):
    from esda.getisord import G_Local
    from libpysal.weights import lat2W

    y = np.asarray(counts, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = G_Local(y, lat2W(rows, columns, rook=False), transform="B", star=True, permutations=0)
    return {"name": name, "rows": rows, "columns": columns, "counts": y.tolist(), "Zs": nan_to_none(g.Zs),
            "Gs": nan_to_none(g.Gs), "EGs": nan_to_none(g.EGs), "VGs": nan_to_none(g.VGs),
            "p_norm": nan_to_none(g.p_norm)}


def gi_fixture():
    rng = np.random.default_rng(11)
    grid = rng.poisson(1.0, size=(20, 20)).astype(float)
    grid[3:6, 4:7] += rng.integers(6, 12, size=(3, 3))   # a hot block (rows 3-5, columns 4-6)
    grid[15, 16] += 25                                    # one very busy cell
    grid[0:2, 17:20] += 8                                 # a hot spot on the edge, in a corner
    grid[10:15, 0:5] = 0                                  # an empty block
    cases = [
        gi_case("20x20 with hot spots", 20, 20, grid.ravel()),
        gi_case("1x12 strip", 1, 12, [0, 1, 0, 2, 9, 11, 8, 1, 0, 0, 1, 0]),
        gi_case("12x1 strip", 12, 1, [0, 1, 0, 2, 9, 11, 8, 1, 0, 0, 1, 0]),
        gi_case("3x4 small", 3, 4, [0, 0, 1, 5, 0, 1, 2, 7, 0, 0, 1, 3]),
        gi_case("3x3 centre sees all", 3, 3, [1, 0, 2, 0, 4, 0, 3, 0, 1]),
        gi_case("5x5 all equal", 5, 5, [3] * 25),
        gi_case("4x4 all empty", 4, 4, [0] * 16),
    ]
    return {"about": "esda G_Local(y, lat2W(rows, columns, rook=False), transform='B', star=True); "
                     "counts row by row from row 0; null where esda gives NaN",
            "versions": versions(), "cases": cases}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "Tests", "SaferDomainTests", "Hotspots", "Fixtures")
    os.makedirs(out, exist_ok=True)
    for name, data in [("dbscan-sklearn.json", dbscan_fixture()), ("gi-esda.json", gi_fixture())]:
        with open(os.path.join(out, name), "w") as f:
            json.dump(data, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()

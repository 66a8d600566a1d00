#!/usr/bin/env python3
"""The reference side of the hot-spot benchmark, and the checks against Safer's output.

    reference.py dbscan POINTS.bin EPS MIN_SAMPLES LABELS_OUT.bin
        times sklearn.cluster.DBSCAN(eps, min_samples, algorithm="kd_tree").fit on the points;
        writes labels (int32) then core flags (uint8) like hotspots-bench; prints one JSON line
    reference.py gi POINTS.bin CELL COLUMNS ROWS ORIGIN_E ORIGIN_N Z_OUT.bin [--permutations P]
        bins the points the way Safer does, then times libpysal lat2W(rows, columns, rook=False)
        + esda G_Local(y, w, transform="B", star=True, permutations=P) (default P = 0: the
        analytical z-scores alone, as Safer computes); writes Zs then counts
    reference.py compare-dbscan SAFER_LABELS.bin SKLEARN_LABELS.bin
        same core points? same clusters up to renumbering? border points that differ; JSON line
    reference.py compare-gi SAFER_Z.bin ESDA_Z.bin
        same counts? max |z difference| (cells where esda is NaN compared with Safer's 0)
    reference.py report DIR
        reads the JSON lines run left in DIR, prints medians, ratios and peak memory against the
        targets; exits 1 when a check or a target fails

Times are of the algorithm alone (the file is read first); peak_rss_mb is the process's peak
resident memory (resource.getrusage), the points and the imported libraries included.
"""
import json
import resource
import sys
import time

import numpy as np


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def read_points(path: str) -> np.ndarray:
    return np.fromfile(path, dtype="<f8").reshape(-1, 2)


def read_labelling(path: str):
    labels = np.fromfile(path, dtype="<i4")
    core = np.fromfile(path + ".core", dtype=np.uint8).astype(bool)
    return labels, core


def dbscan(points_path, eps, min_samples, out_path):
    from sklearn.cluster import DBSCAN

    xy = read_points(points_path)
    start = time.perf_counter()
    model = DBSCAN(eps=float(eps), min_samples=int(min_samples), algorithm="kd_tree").fit(xy)
    seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    model.labels_.astype("<i4").tofile(out_path)
    core = np.zeros(len(xy), dtype=np.uint8)
    core[model.core_sample_indices_] = 1
    core.tofile(out_path + ".core")
    clusters = int(model.labels_.max()) + 1
    print(json.dumps({"points": len(xy), "seconds": seconds, "peak_rss_mb": peak, "clusters": clusters,
                      "noise": int((model.labels_ < 0).sum())}))


def bin_points(xy, cell, columns, rows, origin_e, origin_n):
    column = np.floor((xy[:, 0] - origin_e) / cell)
    row = np.floor((xy[:, 1] - origin_n) / cell)
    inside = (column >= 0) & (row >= 0) & (column < columns) & (row < rows)
    index = (row[inside] * columns + column[inside]).astype(np.int64)
    return np.bincount(index, minlength=columns * rows).astype(np.float64), int((~inside).sum())


def gi(points_path, cell, columns, rows, origin_e, origin_n, out_path, permutations=0):
    import warnings

    from esda.getisord import G_Local
    from libpysal.weights import lat2W

    xy = read_points(points_path)
    start = time.perf_counter()
    y, outside = bin_points(xy, float(cell), int(columns), int(rows), float(origin_e), float(origin_n))
    binning = time.perf_counter() - start
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        w = lat2W(int(rows), int(columns), rook=False)
        weights = time.perf_counter() - start
        g = G_Local(y, w, transform="B", star=True, permutations=int(permutations))
        seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    np.concatenate([np.asarray(g.Zs, dtype="<f8"), y]).astype("<f8").tofile(out_path)
    print(json.dumps({"cells": len(y), "seconds": seconds, "weights_seconds": weights, "binning_seconds": binning,
                      "peak_rss_mb": peak,
                      "outside": outside, "permutations": int(permutations),
                      "hot_cells": int((np.nan_to_num(g.Zs) >= 1.645).sum())}))


def compare_dbscan(safer_path, sklearn_path):
    labels_a, core_a = read_labelling(safer_path)
    labels_b, core_b = read_labelling(sklearn_path)
    assert len(labels_a) == len(labels_b), "different numbers of points"
    core_same = bool((core_a == core_b).all())
    # Core points: the pairs (safer label, sklearn label) must form a one-to-one map.
    pairs = np.unique(np.stack([labels_a[core_a & core_b], labels_b[core_a & core_b]], axis=1), axis=0)
    one_to_one = len(np.unique(pairs[:, 0])) == len(pairs) and len(np.unique(pairs[:, 1])) == len(pairs)
    mapping = dict(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist()))
    mapped = np.array([mapping.get(int(label), -2) if label >= 0 else -1 for label in labels_a])
    differ = mapped != labels_b
    border = ~core_a & ~core_b
    result = {
        "core_points_identical": core_same,
        "core_points": int(core_a.sum()),
        "clusters_one_to_one": bool(one_to_one),
        "clusters_safer": int(labels_a.max()) + 1,
        "clusters_sklearn": int(labels_b.max()) + 1,
        "core_points_differing": int((differ & (core_a | core_b)).sum()),
        "border_points": int((border & (labels_b >= 0)).sum()),
        "border_points_differing": int((differ & border).sum()),
        "noise_differing": int(((labels_a < 0) != (labels_b < 0)).sum()),
        "labels_identical_with_same_numbers": bool((labels_a == labels_b).all()),
    }
    result["identical_up_to_renumbering"] = (
        core_same and one_to_one and result["clusters_safer"] == result["clusters_sklearn"] and result["core_points_differing"] == 0
    )
    print(json.dumps(result))
    return 0 if result["identical_up_to_renumbering"] else 1


def compare_gi(safer_path, esda_path):
    a = np.fromfile(safer_path, dtype="<f8")
    b = np.fromfile(esda_path, dtype="<f8")
    assert len(a) == len(b), "different grid sizes"
    n = len(a) // 2
    za, zb, ca, cb = a[:n], b[:n], a[n:], b[n:]
    nan = np.isnan(zb)
    diff = np.abs(za - np.where(nan, 0.0, zb))
    result = {"cells": n, "counts_identical": bool((ca == cb).all()), "max_abs_z_difference": float(diff.max()),
              "esda_nan_cells": int(nan.sum()), "max_abs_z": float(np.nanmax(np.abs(zb)))}
    print(json.dumps(result))
    return 0 if result["counts_identical"] and result["max_abs_z_difference"] <= 1e-9 else 1


def read_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def report(directory):
    import os
    import statistics

    def runs(name):
        return read_lines(os.path.join(directory, name))

    failures = []
    safer, sklearn = runs("safer-dbscan.jsonl"), runs("sklearn-dbscan.jsonl")
    check = read_lines(os.path.join(directory, "compare-dbscan.json"))[-1]
    t_safer = statistics.median(r["seconds"] for r in safer)
    t_sklearn = statistics.median(r["seconds"] for r in sklearn)
    m_safer = max(r["peak_rss_mb"] for r in safer)
    m_sklearn = max(r["peak_rss_mb"] for r in sklearn)
    speed, memory = t_sklearn / t_safer, m_safer / m_sklearn
    print(f"DBSCAN on {safer[0]['points']:,} points, median of {len(safer)} runs")
    print(f"  scikit-learn kd_tree  {t_sklearn:9.3f} s   peak {m_sklearn:8.1f} MB   {sklearn[0]['clusters']} clusters")
    print(f"  Safer                 {t_safer:9.3f} s   peak {m_safer:8.1f} MB   {safer[0]['clusters']} clusters")
    print(f"  Safer is {speed:.1f}x faster (target >= 10x) with {memory:.3f} of the memory (target <= 0.25)")
    print(f"  core points identical: {check['core_points_identical']} ({check['core_points']:,});"
          f" clusters one to one: {check['clusters_one_to_one']};"
          f" border points differing: {check['border_points_differing']} of {check['border_points']:,};"
          f" same numbering: {check['labels_identical_with_same_numbers']}")
    if not check["identical_up_to_renumbering"]:
        failures.append("DBSCAN clusterings differ")
    if speed < 10:
        failures.append(f"DBSCAN only {speed:.1f}x faster")
    if memory > 0.25:
        failures.append(f"DBSCAN uses {memory:.2f} of scikit-learn's memory")

    safer, esda = runs("safer-gi.jsonl"), runs("esda-gi.jsonl")
    check = read_lines(os.path.join(directory, "compare-gi.json"))[-1]
    t_safer = statistics.median(r["seconds"] for r in safer)
    t_esda = statistics.median(r["seconds"] for r in esda)
    t_weights = statistics.median(r["weights_seconds"] for r in esda)
    b_safer = statistics.median(r["binning_seconds"] for r in safer)
    b_esda = statistics.median(r["binning_seconds"] for r in esda)
    m_safer = max(r["peak_rss_mb"] for r in safer)
    m_esda = max(r["peak_rss_mb"] for r in esda)
    speed = t_esda / t_safer
    print(f"Gi* on a {int(round(safer[0]['cells'] ** 0.5))} x {int(round(safer[0]['cells'] ** 0.5))} grid"
          f" ({safer[0]['cells']:,} cells), median of {len(safer)} runs")
    print(f"  esda lat2W + G_Local  {t_esda:9.4f} s   (of which lat2W {t_weights:.4f} s)   peak {m_esda:8.1f} MB"
          f"   binning (numpy) {b_esda:.4f} s")
    print(f"  Safer GiStar          {t_safer:9.4f} s   peak {m_safer:8.1f} MB   binning {b_safer:.4f} s")
    print(f"  Safer is {speed:.0f}x faster (target >= 50x); max |z difference| {check['max_abs_z_difference']:.3g}"
          f" (target <= 1e-9); counts identical: {check['counts_identical']}; hot cells {safer[0]['hot_cells']:,}")
    if not check["counts_identical"] or check["max_abs_z_difference"] > 1e-9:
        failures.append("Gi* z-scores differ from esda's")
    if speed < 50:
        failures.append(f"Gi* only {speed:.0f}x faster")
    for failure in failures:
        print(f"FAILED: {failure}")
    print(f"{'all checks and targets met' if not failures else 'some checks or targets failed'}")
    return 1 if failures else 0


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "dbscan":
        dbscan(*args)
    elif command == "gi":
        permutations = 0
        if "--permutations" in args:
            at = args.index("--permutations")
            permutations = int(args[at + 1])
            args = args[:at] + args[at + 2:]
        gi(*args, permutations=permutations)
    elif command == "compare-dbscan":
        return compare_dbscan(*args)
    elif command == "compare-gi":
        return compare_gi(*args)
    elif command == "report":
        return report(*args)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

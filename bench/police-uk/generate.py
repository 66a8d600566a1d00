#!/usr/bin/env python3
"""Write a synthetic, national-size police.uk street-level month (standard library only).

    generate.py OUT.csv [--rows 550000] [--month 2018-05] [--seed 1]

The file looks like a month of police.uk's all-forces download joined into one file:
the police.uk header; rows grouped by force and, within a force, sorted by LSOA name; the
territorial forces of England, Wales and Northern Ireland plus British Transport Police
(whose rows "fall within" a territorial force); about 35,000 LSOAs named like police.uk's
("Birmingham 123A", codes E01.../W01...); the 14 crime types in roughly national
proportions; anti-social behaviour rows without Crime ID or outcome; about 1% of rows
with "No Location", no coordinates and no LSOA; some locations holding a comma (quoted
as CSV requires). Deterministic for a given seed.
"""
import argparse
import csv
import random
import sys

HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
          "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]

# Crime types and their rough share of a national month (ASB included), police.uk labels.
CRIME_TYPES = [
    ("Anti-social behaviour", 0.245), ("Violence and sexual offences", 0.275),
    ("Criminal damage and arson", 0.075), ("Other theft", 0.068), ("Public order", 0.062),
    ("Vehicle crime", 0.058), ("Burglary", 0.056), ("Shoplifting", 0.054), ("Drugs", 0.020),
    ("Other crime", 0.016), ("Theft from the person", 0.011), ("Bicycle theft", 0.011),
    ("Robbery", 0.010), ("Possession of weapons", 0.006),
]

OUTCOMES = [
    ("Investigation complete; no suspect identified", 0.30), ("Unable to prosecute suspect", 0.22),
    ("Under investigation", 0.18), ("Status update unavailable", 0.06), ("Awaiting court outcome", 0.04),
    ("Local resolution", 0.03), ("Offender given a caution", 0.02), ("Further investigation is not in the public interest", 0.02),
    ("Formal action is not in the public interest", 0.015), ("Action to be taken by another organisation", 0.015),
    ("Court result unavailable", 0.01), ("Suspect charged as part of another case", 0.01),
    ("Offender given a drugs possession warning", 0.01), ("Offender given penalty notice", 0.008),
    ("Offender sent to prison", 0.008), ("Offender fined", 0.008), ("Offender given community sentence", 0.006),
    ("Offender given suspended prison sentence", 0.005), ("Defendant found not guilty", 0.004),
    ("Offender given conditional discharge", 0.004), ("Court case unable to proceed", 0.003),
    ("Offender otherwise dealt with", 0.002), ("Offender ordered to pay compensation", 0.002),
    ("Defendant sent to Crown Court", 0.001), ("Offender given absolute discharge", 0.001),
    ("Offender deprived of property", 0.001),
]

# Territorial forces, with a relative size and a few local authority names each.
FORCES = [
    ("Metropolitan Police Service", 18, ["Westminster", "Camden", "Islington", "Hackney", "Tower Hamlets", "Southwark", "Lambeth", "Lewisham", "Greenwich", "Newham", "Croydon", "Barnet", "Brent", "Ealing", "Enfield", "Haringey", "Hounslow", "Wandsworth"]),
    ("West Midlands Police", 7, ["Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton"]),
    ("Greater Manchester Police", 7, ["Manchester", "Salford", "Bolton", "Bury", "Oldham", "Rochdale", "Stockport", "Tameside", "Trafford", "Wigan"]),
    ("West Yorkshire Police", 6, ["Leeds", "Bradford", "Kirklees", "Wakefield", "Calderdale"]),
    ("Thames Valley Police", 4, ["Oxford", "Reading", "Milton Keynes", "Slough", "Wycombe", "Aylesbury Vale", "Cherwell"]),
    ("Merseyside Police", 3, ["Liverpool", "Sefton", "Wirral", "St. Helens", "Knowsley"]),
    ("Northumbria Police", 3, ["Newcastle upon Tyne", "Sunderland", "Gateshead", "North Tyneside", "South Tyneside", "Northumberland"]),
    ("South Yorkshire Police", 3, ["Sheffield", "Rotherham", "Doncaster", "Barnsley"]),
    ("Hampshire Constabulary", 3, ["Southampton", "Portsmouth", "Basingstoke and Deane", "Winchester", "Isle of Wight"]),
    ("Kent Police", 3, ["Medway", "Maidstone", "Canterbury", "Dartford", "Thanet", "Swale"]),
    ("Lancashire Constabulary", 3, ["Blackpool", "Blackburn with Darwen", "Preston", "Lancaster", "Burnley"]),
    ("Avon and Somerset Constabulary", 3, ["Bristol", "Bath and North East Somerset", "North Somerset", "South Gloucestershire", "Taunton Deane"]),
    ("Essex Police", 3, ["Southend-on-Sea", "Thurrock", "Basildon", "Chelmsford", "Colchester"]),
    ("Devon & Cornwall Police", 2, ["Plymouth", "Exeter", "Torbay", "Cornwall"]),
    ("Sussex Police", 2, ["Brighton and Hove", "Crawley", "Eastbourne", "Hastings", "Worthing"]),
    ("Nottinghamshire Police", 2, ["Nottingham", "Mansfield", "Ashfield", "Gedling"]),
    ("Leicestershire Police", 2, ["Leicester", "Charnwood", "Hinckley and Bosworth", "Melton"]),
    ("Derbyshire Constabulary", 2, ["Derby", "Chesterfield", "Amber Valley", "Erewash"]),
    ("Staffordshire Police", 2, ["Stoke-on-Trent", "Stafford", "Tamworth", "Cannock Chase"]),
    ("West Mercia Police", 2, ["Herefordshire", "Shropshire", "Telford and Wrekin", "Worcester", "Wyre Forest"]),
    ("Humberside Police", 2, ["Kingston upon Hull", "East Riding of Yorkshire", "North Lincolnshire", "North East Lincolnshire"]),
    ("Cheshire Constabulary", 2, ["Cheshire East", "Cheshire West and Chester", "Halton", "Warrington"]),
    ("South Wales Police", 2, ["Cardiff", "Swansea", "Bridgend", "Rhondda Cynon Taf"]),
    ("Hertfordshire Constabulary", 2, ["St Albans", "Watford", "Stevenage", "Dacorum"]),
    ("Surrey Police", 2, ["Guildford", "Woking", "Elmbridge", "Reigate and Banstead"]),
    ("Cleveland Police", 1, ["Middlesbrough", "Stockton-on-Tees", "Hartlepool", "Redcar and Cleveland"]),
    ("Durham Constabulary", 1, ["County Durham", "Darlington"]),
    ("North Yorkshire Police", 1, ["York", "Harrogate", "Scarborough"]),
    ("Cumbria Constabulary", 1, ["Carlisle", "Barrow-in-Furness", "Allerdale"]),
    ("Lincolnshire Police", 1, ["Lincoln", "Boston", "South Kesteven"]),
    ("Norfolk Constabulary", 1, ["Norwich", "Great Yarmouth", "King's Lynn and West Norfolk"]),
    ("Suffolk Constabulary", 1, ["Ipswich", "Waveney", "Suffolk Coastal"]),
    ("Cambridgeshire Constabulary", 1, ["Cambridge", "Peterborough", "Huntingdonshire", "Fenland"]),
    ("Bedfordshire Police", 1, ["Luton", "Bedford", "Central Bedfordshire"]),
    ("Northamptonshire Police", 1, ["Northampton", "Corby", "Kettering", "Wellingborough"]),
    ("Warwickshire Police", 1, ["North Warwickshire", "Nuneaton and Bedworth", "Rugby", "Warwick", "Stratford-on-Avon"]),
    ("Gloucestershire Constabulary", 1, ["Gloucester", "Cheltenham", "Stroud"]),
    ("Wiltshire Police", 1, ["Swindon", "Wiltshire"]),
    ("Dorset Police", 1, ["Bournemouth", "Poole", "Weymouth and Portland"]),
    ("Gwent Police", 1, ["Newport", "Caerphilly", "Torfaen"]),
    ("North Wales Police", 1, ["Wrexham", "Conwy", "Gwynedd", "Flintshire"]),
    ("Dyfed-Powys Police", 1, ["Carmarthenshire", "Pembrokeshire", "Powys"]),
    ("Police Service of Northern Ireland", 2, ["Belfast", "Derry City and Strabane", "Lisburn and Castlereagh"]),
]
BTP = "British Transport Police"
WELSH_FORCES = {"South Wales Police", "Gwent Police", "North Wales Police", "Dyfed-Powys Police"}

STREET_WORDS = """Abbey Acorn Albert Alder Alexandra Alma Ash Aspen Back Bank Barley Beech Bell Birch Bishop Blackthorn
Bridge Broad Brook Castle Cedar Chapel Chestnut Church Clifton College Coronation Court Cross Dale Elm Fairfield Farm
Field Forest Fox Garden George Glebe Grange Green Grove Hall Hawthorn Hazel Heath High Highfield Hill Holly Jubilee
King Lark Laurel Lime Linden Manor Maple Market Marsh Meadow Mill Moor Mount New North Oak Orchard Park Priory Queen
Rectory Ridge River Rose Rowan Sandy School Shaw South Spring Station Stone Sycamore Tamworth Trinity Union Vicarage
Victoria Water Well West Willow Windmill Wood York Long Old Valley Kingsway Riverside Coventry Lichfield Atherstone
Coleshill Watling Hartshill Polesworth Dordon Baddesley Grendon Mancetter Fillongley Curdworth Kingsbury""".split()
STREET_KINDS = ["Road", "Street", "Lane", "Close", "Avenue", "Drive", "Way", "Crescent", "Gardens", "Place",
                "Court", "Grove", "View", "Walk", "Row", "Terrace", "Rise", "Mews", "Square", "Green", "Hill", "Park"]
PLACES = ["Supermarket", "Parking Area", "Petrol Station", "Shopping Area", "Sports/Recreation Area", "Nightclub",
          "Hospital", "Police Station", "Further/Higher Educational Building", "Pedestrian Subway", "Theatre/Concert Hall",
          "Conference/Exhibition Centre", "Bus/Coach Station", "Prison", "Motorway Service Area"]


def weighted(pairs):
    labels = [p[0] for p in pairs]
    total = sum(p[1] for p in pairs)
    return labels, [p[1] / total for p in pairs]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=550_000)
    parser.add_argument("--month", default="2018-05")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lsoas", type=int, default=35_000)
    args = parser.parse_args()
    rnd = random.Random(args.seed)

    # LSOAs: each force's share of ~35,000, spread over its local authorities as MSOA 001.. with
    # 4-6 LSOAs (A-F) each, every LSOA with a centroid and ~16 snap points.
    streets = [f"{w} {k}" for w in STREET_WORDS for k in STREET_KINDS]
    weight_total = sum(f[1] for f in FORCES)
    england, wales = 1, 1
    forces = []
    for force, weight, authorities in FORCES:
        target = max(20, round(args.lsoas * weight / weight_total))
        lsoas = []
        per_authority = max(5, target // len(authorities))
        for authority in authorities:
            lon0, lat0 = rnd.uniform(-4.5, 1.2), rnd.uniform(50.6, 54.9)
            msoa = 1
            made = 0
            while made < per_authority:
                for letter in "ABCDEF"[: rnd.randint(4, 6)]:
                    if force in WELSH_FORCES:
                        code = f"W01{wales:06d}"
                        wales += 1
                    else:
                        code = f"E01{england:06d}"
                        england += 1
                    lon, lat = lon0 + rnd.uniform(-0.15, 0.15), lat0 + rnd.uniform(-0.1, 0.1)
                    points = []
                    for _ in range(16):
                        r = rnd.random()
                        if r < 0.06:
                            text = "On or near " + rnd.choice(PLACES)
                        elif r < 0.09:
                            # A location holding a comma: CSV must quote it.
                            text = f"On or near {rnd.choice(streets)}, {authority}"
                        else:
                            text = "On or near " + rnd.choice(streets)
                        points.append((f"{lon + rnd.uniform(-0.01, 0.01):.6f}", f"{lat + rnd.uniform(-0.01, 0.01):.6f}", text))
                    lsoas.append((code, f"{authority} {msoa:03d}{letter}", points))
                    made += 1
                msoa += 1
        lsoas.sort(key=lambda item: item[1])
        forces.append((force, weight, lsoas))

    crime_labels, crime_weights = weighted(CRIME_TYPES)
    outcome_labels, outcome_weights = weighted(OUTCOMES)
    force_weights = [f[1] for f in forces]
    per_force = [0] * len(forces)
    for index in rnd.choices(range(len(forces)), weights=force_weights, k=args.rows):
        per_force[index] += 1

    out = open(args.out, "w", newline="", encoding="utf-8") if args.out != "-" else sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    written = 0
    no_location = 0
    randbits = rnd.getrandbits
    for (force, _, lsoas), count in zip(forces, per_force):
        if count == 0:
            continue
        # Rows sorted by LSOA name, like police.uk's files: draw LSOAs, then sort the draws.
        picks = sorted(rnd.choices(range(len(lsoas)), k=count))
        types = rnd.choices(crime_labels, weights=crime_weights, k=count)
        outcomes = rnd.choices(outcome_labels, weights=outcome_weights, k=count)
        located = []
        for i in range(count):
            crime_type = types[i]
            asb = crime_type == "Anti-social behaviour"
            crime_id = "" if asb else f"{randbits(256):064x}"
            outcome = "" if asb else outcomes[i]
            reported_by = BTP if rnd.random() < 0.012 else force
            if rnd.random() < 0.01:
                located.append((("No Location", "", "", "", ""), crime_id, reported_by, crime_type, outcome))
                no_location += 1
                continue
            code, name, points = lsoas[picks[i]]
            lon, lat, text = points[randbits(4)]
            located.append(((text, lon, lat, code, name), crime_id, reported_by, crime_type, outcome))
        # No-location rows come first in a force's file (their LSOA name is empty), as in police.uk's.
        located.sort(key=lambda row: row[0][4] != "")
        for (text, lon, lat, code, name), crime_id, reported_by, crime_type, outcome in located:
            writer.writerow([crime_id, args.month, reported_by, force, lon, lat, text, code, name, crime_type, outcome, ""])
            written += 1
    if out is not sys.stdout:
        out.close()
    print(f"{written} rows, {england + wales - 2} LSOAs, {no_location} without location -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

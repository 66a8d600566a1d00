"""Writes N fly-tip rows in `safer import fly-tips`' format (fixed seed): five years of a county's
incidents across North Warwickshire's rectangle, each with a client id."""
import random
import sys

rows = int(sys.argv[1])
out = sys.argv[2]
random.seed(20190318)
lands = ["Highway", "Footpath / Bridleway", "Back Alleyway", "Council Land", "Agricultural"]
wastes = ["Other Household Waste", "Green", "White Goods", "Tyres", "Construction / Demolition / Excavation"]
sizes = ["Single Item", "Car Boot or Less", "Small Van Load", "Transit Van Load", "Tipper Lorry Load"]
places = [f"Lane {n}, Village {n % 40}" for n in range(400)]
with open(out, "w") as f:
    f.write("client_id,reported_at,location,latitude,longitude,land_type,waste_types,size\n")
    for i in range(rows):
        year = 2014 + i * 5 // rows
        month, day, hour = random.randint(1, 12), random.randint(1, 28), random.randint(7, 18)
        lat, lon = random.uniform(52.46, 52.68), random.uniform(-1.74, -1.48)
        f.write(f"hist-{i},{year}-{month:02d}-{day:02d}T{hour:02d}:00,\"{random.choice(places)}\",{lat:.6f},{lon:.6f},"
                f"{random.choice(lands)},{random.choice(wastes)},{random.choice(sizes)}\n")

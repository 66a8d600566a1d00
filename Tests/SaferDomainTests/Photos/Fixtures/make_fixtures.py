#!/usr/bin/env python3
"""Writes the tiny photo fixtures the Photos tests read, beside this script.

    python3 -m venv /tmp/photo-venv && /tmp/photo-venv/bin/pip install pillow==13.0.0 piexif==1.1.3
    /tmp/photo-venv/bin/python make_fixtures.py          # checks with exiftool too, if installed

Every image is 8x8 pixels of one colour. The GPS positions are the tests' expected values:
    gps-little-endian.jpg   Exif "II", written by Pillow   52°34'43.32"N 1°32'46.32"W (Atherstone)
    gps-big-endian.jpg      Exif "MM", written by piexif   52°55'51.96"N 1°18'6.12"E  (Cromer)
    no-exif.jpg             a plain JPEG (JFIF, no APP1)
    photo.png               a plain PNG
    truncated-exif.jpg      gps-little-endian.jpg cut off inside its Exif segment
    garbled-gps-offset.jpg  gps-little-endian.jpg with the GPS IFD pointer aimed past the end
    not-a-photo.jpg         a text file with a .jpg name
"""
import io
import shutil
import struct
import subprocess
from pathlib import Path

import piexif
from PIL import Image, TiffImagePlugin

HERE = Path(__file__).resolve().parent
GPS_IFD = 0x8825


def rational(numerator, denominator):
    return TiffImagePlugin.IFDRational(numerator, denominator)


def tiny_image(colour):
    return Image.new("RGB", (8, 8), colour)


def jpeg_bytes(image, exif=None):
    out = io.BytesIO()
    if exif is None:
        image.save(out, "JPEG", quality=75)
    else:
        image.save(out, "JPEG", quality=75, exif=exif)
    return out.getvalue()


def little_endian_with_gps():
    image = tiny_image((90, 110, 60))
    exif = image.getexif()
    exif.endian = "<"  # Pillow's own Exif writer, asked for Intel byte order
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (rational(52, 1), rational(34, 1), rational(4332, 100))
    gps[3] = "W"
    gps[4] = (rational(1, 1), rational(32, 1), rational(4632, 100))
    return jpeg_bytes(image, exif.tobytes())


def big_endian_with_gps():
    # piexif always writes Motorola byte order.
    exif = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Safer fixture"},
        "GPS": {
            piexif.GPSIFD.GPSLatitudeRef: b"N",
            piexif.GPSIFD.GPSLatitude: ((52, 1), (55, 1), (5196, 100)),
            piexif.GPSIFD.GPSLongitudeRef: b"E",
            piexif.GPSIFD.GPSLongitude: ((1, 1), (18, 1), (612, 100)),
        },
    })
    return jpeg_bytes(tiny_image((150, 140, 120)), exif)


def exif_segment(jpeg):
    """Start and end of the APP1 Exif segment's payload (after FF E1 and the length)."""
    start = jpeg.index(b"\xff\xe1")
    length = struct.unpack(">H", jpeg[start + 2:start + 4])[0]
    assert jpeg[start + 4:start + 10] == b"Exif\x00\x00"
    return start + 4, start + 2 + length


def with_gps_pointer_past_the_end(jpeg):
    payload, _ = exif_segment(jpeg)
    tiff = payload + 6
    assert jpeg[tiff:tiff + 2] == b"II"
    ifd0 = tiff + struct.unpack("<I", jpeg[tiff + 4:tiff + 8])[0]
    count = struct.unpack("<H", jpeg[ifd0:ifd0 + 2])[0]
    data = bytearray(jpeg)
    for n in range(count):
        entry = ifd0 + 2 + 12 * n
        if struct.unpack("<H", data[entry:entry + 2])[0] == GPS_IFD:
            data[entry + 8:entry + 12] = struct.pack("<I", 0xFFFF_FFF0)
            return bytes(data)
    raise AssertionError("no GPS pointer in IFD0")


def main():
    little = little_endian_with_gps()
    payload, end = exif_segment(little)
    files = {
        "gps-little-endian.jpg": little,
        "gps-big-endian.jpg": big_endian_with_gps(),
        "no-exif.jpg": jpeg_bytes(tiny_image((200, 30, 30))),
        "truncated-exif.jpg": little[:(payload + end) // 2],
        "garbled-gps-offset.jpg": with_gps_pointer_past_the_end(little),
        "not-a-photo.jpg": b"This is a text file with a .jpg name, not a photo.\n",
    }
    png = io.BytesIO()
    tiny_image((30, 30, 200)).save(png, "PNG")
    files["photo.png"] = png.getvalue()

    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")

    if shutil.which("exiftool"):
        # An independent reader's view of what was written.
        print(subprocess.run(
            ["exiftool", "-n", "-ExifByteOrder", "-GPSLatitude", "-GPSLongitude", "-FileType",
             *(str(HERE / name) for name in sorted(files))],
            capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()

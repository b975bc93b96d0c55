"""Files an editor might upload, made in memory."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_file(width=2000, height=1000, image_format="JPEG", name=None, mode="RGB"):
    """A real image of the given size and format, as the browser would upload it."""
    buffer = io.BytesIO()
    Image.new(mode, (width, height), "#8a1c23" if mode == "RGB" else 0).save(buffer, image_format)
    extension = {"JPEG": "jpg"}.get(image_format, image_format.lower())
    return SimpleUploadedFile(name or f"photo.{extension}", buffer.getvalue())


def not_an_image():
    """A text file named like a photograph."""
    return SimpleUploadedFile("photo.jpg", b"Minutes of the editorial meeting.\n" * 50)


def decompression_bomb(width=30_000, height=30_000):
    """A tiny PNG whose header claims a huge picture: decoding it would fill memory."""

    def chunk(kind, data):
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    content = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("bomb.png", content)


def heavy_file(size):
    """A valid PNG followed by padding, `size` bytes in all: too heavy, not malformed."""
    upload = image_file(200, 100, "PNG")
    content = upload.read()
    return SimpleUploadedFile("heavy.png", content + b"\0" * (size - len(content)))


def photograph(width=2000, height=1000, image_format="JPEG", name=None):
    """A noisy picture, as a photograph is: its compressed data is most of the file."""
    buffer = io.BytesIO()
    Image.effect_noise((width, height), 64).convert("RGB").save(buffer, image_format)
    extension = {"JPEG": "jpg"}.get(image_format, image_format.lower())
    return SimpleUploadedFile(name or f"photo.{extension}", buffer.getvalue())


def cut_short(content, keep=0.5):
    """The first part of a file's bytes, as an interrupted copy or download leaves it."""
    return content[: int(len(content) * keep)]


def truncated_jpeg():
    """A photograph cut off half way: its header is whole, half of its pixels are missing."""
    return SimpleUploadedFile("photo.jpg", cut_short(photograph().read()))


def jpeg_header_over_other_data():
    """A JPEG's header (markers, tables, size) followed by something else entirely."""
    content = photograph(600, 400).read()
    scan = content.index(b"\xff\xda")  # start of the compressed pixels
    return SimpleUploadedFile("photo.jpg", content[: scan + 14] + b"Minutes of the meeting. " * 200)


def png_header_promising_more():
    """A PNG whose header promises 3000 × 2000 pixels that its data does not hold."""

    def chunk(kind, data):
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", 3000, 2000, 8, 2, 0, 0, 0)
    content = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", bytes(range(256)) * 20)
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("chart.png", content)

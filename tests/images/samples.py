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

"""
The resized copies of uploaded images that pages show: several widths (never wider than
the upload), in WebP where Pillow can write it and in JPEG or PNG for other browsers.
No public page sends a reader the upload itself.

sorl-thumbnail makes each rendition the first time it is asked for, saves it through
the media storage under THUMBNAIL_PREFIX, and remembers its name and size in its
key-value store (the cache, backed by a database table). Later renders only read that
store: no image work and no storage request. A new upload gets its renditions as soon as
its save commits (see images.py), so readers do not wait for them.

An upload can become unreadable after it was accepted (cut short or deleted in the
storage): whatever shows or processes an image then goes without it (`page_picture`),
with a warning in the log, so that one damaged file never takes a page or a save down.
"""

import logging
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from django.conf import settings
from django.db import DatabaseError
from PIL import features
from sorl.thumbnail import get_thumbnail

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """An image's renditions, narrowest first: `webp` is empty where Pillow lacks WebP."""

    webp: list
    fallback: list

    @property
    def img(self):
        """The widest fallback: the `src` of browsers without srcset, and the proportions."""
        return self.fallback[-1]

    @staticmethod
    def srcset(renditions):
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)

    @property
    def webp_srcset(self):
        return self.srcset(self.webp)

    @property
    def fallback_srcset(self):
        return self.srcset(self.fallback)

    def absolute(self, build):
        """The same renditions at absolute addresses, `build` being the request's
        build_absolute_uri: for a feed, whose readers are not on the site."""

        def moved(renditions):
            return [replace(rendition, url=build(rendition.url)) for rendition in renditions]

        return Picture(webp=moved(self.webp), fallback=moved(self.fallback))


class RenditionError(Exception):
    """The upload could not be read (missing from the storage, or damaged)."""


def fallback_format(name):
    # PNG keeps the transparency of PNG and GIF uploads; photographs are smaller as JPEG.
    return "PNG" if PurePosixPath(name).suffix.lower() in {".png", ".gif"} else "JPEG"


def rendition(image, width, image_format):
    thumbnail = get_thumbnail(image, str(width), format=image_format, upscale=False)
    if thumbnail.size is None:
        # sorl has logged why; it returns an unmade thumbnail rather than raising.
        raise RenditionError(image.name)
    return Rendition(url=thumbnail.url, width=thumbnail.width, height=thumbnail.height)


def renditions(image, image_format):
    widths = sorted(settings.IMAGE_RENDITION_WIDTHS)
    # The widest first: it is not upscaled, so its width says which narrower ones to
    # make, and a small upload gets one rendition instead of several identical ones.
    widest = rendition(image, widths[-1], image_format)
    narrower = [rendition(image, width, image_format) for width in widths if width < widest.width]
    return [*narrower, widest]


def picture(image):
    """
    The renditions of `image` (an ImageField's file), made on first use; None when there
    is no image. Raises RenditionError when the upload cannot be read.
    """
    if not image:
        return None
    fallback = fallback_format(image.name)
    try:
        return Picture(
            webp=renditions(image, "WEBP") if features.check("webp") else [],
            fallback=renditions(image, fallback),
        )
    except (RenditionError, DatabaseError):
        # A lost database is not a damaged image: the site's 503 page answers for it.
        raise
    except Exception as error:
        # sorl-thumbnail lets Pillow's and the storage's errors through (a truncated
        # JPEG is an OSError only once its pixels are decoded), and they come in many kinds.
        raise RenditionError(image.name) from error


def page_picture(image):
    """
    The renditions of `image` for a page or a save: None when there is no image or when
    they cannot be made, which is logged as a warning for the administrators to replace
    the upload. Never raises for the image's sake.
    """
    try:
        return picture(image)
    except RenditionError as error:
        logger.warning(
            "Image %s left out: its renditions cannot be made (%s). Upload it again.",
            error,
            error.__cause__ or "missing from the storage, or unreadable",
        )
        return None

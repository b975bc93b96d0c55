"""
Images editors upload (article images, author photos, news images): what the site
accepts, the alt text each one needs, and no file left behind by a save that fails.

An upload is refused for its bytes and its pixels before anything decodes it: Pillow
reads an image's size from its header, so a decompression bomb is caught cheaply. Then
it is decoded in full, so that a file cut short, or whose data is not the picture its
header describes, is refused here rather than failing on the pages that show it.
"""

from contextvars import ContextVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import models, transaction
from django.db.models.signals import post_save, pre_save
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from PIL import Image

from . import renditions

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

# The models whose image fields this module watches ("app_label.Model": field names);
# watch_uploads() adds to it.
IMAGE_FIELDS = {}


def image_alt_field():
    """The alt text of a model's image, the same wherever content has an image (translated
    per language, required by AltTextRequiredMixin when there is an image)."""
    return models.CharField(
        _("image description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, for readers who cannot see it: screen readers speak "
            "it, and browsers show it if the image does not load. Needed in each "
            "language when there is an image."
        ),
    )


def validate_upload(file):
    """
    Refuse a file that is not a JPEG, PNG, WebP or GIF image, or that has more bytes
    than IMAGE_UPLOAD_MAX_BYTES or more pixels than IMAGE_UPLOAD_MAX_PIXELS.
    """
    if getattr(file, "_committed", False):
        # Already in the media storage, so checked when it was uploaded: reading it back
        # on every save of the article would cost a download from the storage.
        return
    max_bytes = settings.IMAGE_UPLOAD_MAX_BYTES
    if file.size > max_bytes:
        raise ValidationError(
            _(
                "This file is %(size)s, over the limit of %(limit)s. Save the image "
                "smaller or more compressed and upload it again."
            ),
            code="image_too_heavy",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes)},
        )
    max_pixels = settings.IMAGE_UPLOAD_MAX_PIXELS
    too_many_pixels = ValidationError(
        _(
            "This image has more than %(limit)s million pixels. Resize it (3000 pixels "
            "wide is plenty for the site) and upload it again."
        ),
        code="image_too_large",
        params={"limit": f"{max_pixels / 1_000_000:g}"},
    )
    file.seek(0)
    try:
        with Image.open(file) as image:
            width, height = image.size
            image_format = image.format
            if width * height > max_pixels:
                raise too_many_pixels
            image.verify()
        check_decodes(file, image_format, (width, height))
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Past its own limit Pillow warns (an error where warnings are errors, as in the
        # tests), and past twice that it refuses: far more pixels than ours either way.
        # Not silenced with warnings.catch_warnings(), which is not thread-safe.
        raise too_many_pixels from None
    except Exception:
        # Not an image, or a damaged one: Pillow's readers raise many kinds of error.
        raise ValidationError(
            _(
                "This file is not an image, or it is damaged. Upload a JPEG, PNG, WebP "
                "or GIF image."
            ),
            code="not_an_image",
        ) from None
    finally:
        file.seek(0)
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _(
                "This is a %(format)s image; the site accepts JPEG, PNG, WebP and GIF. "
                "Save it in one of those formats and upload it again."
            ),
            code="image_format",
            params={"format": image_format},
        )


def check_decodes(file, image_format, size):
    """
    Refuse an image whose pixels cannot all be read. verify() checks a file's structure,
    not its pixels: a JPEG cut short passes it, and so does a JPEG or PNG header followed
    by data that is not its picture. Only decoding finds them, and Pillow refuses a short
    file while ImageFile.LOAD_TRUNCATED_IMAGES is off, as nothing here turns it on.
    """
    file.seek(0)
    try:
        with Image.open(file) as image:
            if image_format == "JPEG":
                # Decoded at an eighth of the size: every byte is still read, in a fraction
                # of the time and memory.
                image.draft("RGB", (size[0] // 8 or 1, size[1] // 8 or 1))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise
    except Exception:
        raise ValidationError(
            _(
                "This image is damaged or incomplete: it could not be read to the end. "
                "Export or download it again from the original and upload the new file."
            ),
            code="image_damaged",
        ) from None


class ImageUploadField(forms.ImageField):
    """
    An image field that tells the editor why an upload is refused: too heavy, too many
    pixels, not an image, damaged, or a format the site does not take.
    """

    def to_python(self, data):
        # Our checks run before Django's own, which answers every refusal with "not an
        # image or a corrupted image", even for a photograph that is merely too large.
        upload = super(forms.ImageField, self).to_python(data)
        if upload is not None:
            validate_upload(upload)
        return super().to_python(data)


class AltTextRequiredMixin:
    """
    For a model form with images: an image needs its alt text in every language the form
    shows. `alt_text_fields` maps an image field to its translated alt text field.
    """

    alt_text_fields = {}

    def clean(self):
        cleaned_data = super().clean()
        for image_field, alt_field in self.alt_text_fields.items():
            if image_field in self.fields:
                # A refused upload is not in cleaned_data: its own error says enough.
                image = cleaned_data.get(image_field)
            else:
                # Read-only (a translator's form): the image already there counts.
                image = getattr(self.instance, image_field)
            if not image:
                continue
            for code, _name in settings.LANGUAGES:
                name = f"{alt_field}_{code}"
                if name in self.fields and not (cleaned_data.get(name) or "").strip():
                    self.add_error(
                        name,
                        ValidationError(
                            _(
                                "Describe the image in %(language)s for readers who "
                                "cannot see it: screen readers speak this text."
                            ),
                            code="alt_text_required",
                            params={"language": get_language_info(code)["name_translated"]},
                        ),
                    )
        return cleaned_data


# Files written by the current request that no committed transaction holds yet. Only
# requests are watched: a failing request is the one case with nobody left to clean up.
_unclaimed = ContextVar("articles.images.unclaimed", default=None)


def _watch_request(**kwargs):
    _unclaimed.set({})


def _forget_request(**kwargs):
    _unclaimed.set(None)


def _discard_unclaimed(**kwargs):
    """
    A request failed after writing an upload: the transaction that would have recorded
    the file was rolled back on the way out of the view, so the file belongs to nothing.
    """
    files = _unclaimed.get()
    while files:
        name, storage = files.popitem()
        storage.delete(name)


def _note_new_uploads(sender, instance, **kwargs):
    """Before the save writes them to the storage, remember which images are new."""
    instance._new_image_fields = [
        name
        for name in IMAGE_FIELDS[sender._meta.label]
        if getattr(instance, name) and not getattr(instance, name)._committed
    ]


def _keep_after_commit(file):
    """
    What the save's commit does for a new upload: the file is kept (claimed), and its
    renditions are made so that readers never wait for them.

    A named function rather than functools.partial: Django names the callback of a
    robust on_commit() that fails by its __qualname__, which a partial lacks, so the
    report of the failure would itself raise AttributeError out of the commit.
    """

    def keep():
        files = _unclaimed.get()
        if files is not None:
            files.pop(file.name, None)
        # The save has committed: an image whose renditions cannot be made (damaged
        # since it was checked) is logged and left out of pages, never made an error.
        renditions.page_picture(file)

    return keep


def _track_new_uploads(sender, instance, **kwargs):
    """
    Once the new files are written: forget them if the request fails before the save
    commits; when it commits, keep them and make their renditions.
    """
    for field_name in instance.__dict__.pop("_new_image_fields", []):
        file = getattr(instance, field_name)
        if not file._committed:  # left out of this save by update_fields
            continue
        files = _unclaimed.get()
        if files is not None:
            files[file.name] = file.storage
        # robust: whatever else goes wrong there (a storage outage), the save has
        # committed and must not turn into an error page.
        transaction.on_commit(_keep_after_commit(file), robust=True)


def watch_uploads(model, field_names):
    """
    Remove the uploads to `field_names` of `model` ("app_label.Model") that a failing
    request leaves behind, and make their renditions when their save commits. Each app
    watches its own models' images, in its AppConfig.ready().
    """
    IMAGE_FIELDS[model] = list(field_names)
    pre_save.connect(_note_new_uploads, sender=model, dispatch_uid=f"{model}.images.note")
    post_save.connect(_track_new_uploads, sender=model, dispatch_uid=f"{model}.images.track")


def watch_requests():
    """Follow each request's new uploads (see above); called once, in ArticlesConfig.ready()."""
    request_started.connect(_watch_request, dispatch_uid="articles.images.watch")
    request_finished.connect(_forget_request, dispatch_uid="articles.images.forget")
    got_request_exception.connect(_discard_unclaimed, dispatch_uid="articles.images.discard")

import logging

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from tests.factories import make_author
from tests.images.helpers import forget_renditions

from .samples import image_file

AUTHOR_PHOTO = '{% load images %}{% picture author.photo alt=author.photo_alt sizes="8rem" %}'


def render(template, **context):
    return BeautifulSoup(Template(template).render(Context(context)), "html.parser")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_author_photo_is_shown_with_alt_text_in_the_page_language(db, language):
    """{% picture author.photo alt=author.photo_alt sizes=… %}, as author pages use it."""
    author = make_author(
        photo=image_file(900, 1200),
        photo_alt_ar="صورة الكاتب",
        photo_alt_en="Portrait of the author",
    )
    with translation.override(language):
        page = render(AUTHOR_PHOTO, author=author)
    img = page.select_one("picture img")
    assert img["alt"] == {"ar": "صورة الكاتب", "en": "Portrait of the author"}[language]
    assert img["sizes"] == page.select_one("picture source")["sizes"] == "8rem"
    assert (img["width"], img["height"]) == ("900", "1200")
    assert author.photo.url not in str(page)


def test_alt_text_cannot_be_left_out_of_the_tag(db):
    """A template that forgets alt does not compile: every image gets alt text."""
    with pytest.raises(TemplateSyntaxError, match="alt"):
        Template("{% load images %}{% picture author.photo %}")


def test_no_image_renders_nothing(db):
    """An author without a photo: no picture, no empty element."""
    assert str(render(AUTHOR_PHOTO, author=make_author())).strip() == ""


def test_an_upload_missing_from_the_storage_renders_nothing(db, media_root, caplog):
    """A lost upload costs the picture, logged for the administrators, never the page."""
    author = make_author(photo=image_file(), photo_alt_en="Portrait")
    (media_root / author.photo.name).unlink()
    forget_renditions(media_root)
    with caplog.at_level(logging.WARNING, logger="articles.renditions"):
        assert str(render(AUTHOR_PHOTO, author=author)).strip() == ""
    assert author.photo.name in caplog.text


def test_without_webp_support_only_the_fallback_is_offered(db, monkeypatch):
    """Where Pillow cannot write WebP, the picture has no WebP source, only JPEG."""
    monkeypatch.setattr("articles.renditions.features.check", lambda feature: False)
    page = render(AUTHOR_PHOTO, author=make_author(photo=image_file(), photo_alt_en="Portrait"))
    assert page.select("picture source") == []
    assert page.select_one("picture img")["srcset"].count(".jpg") == 4


@pytest.mark.parametrize(
    ("image_format", "mode", "fallback"),
    [("JPEG", "RGB", "jpg"), ("PNG", "RGBA", "png"), ("WEBP", "RGB", "jpg"), ("GIF", "P", "png")],
)
def test_every_accepted_format_gets_renditions(db, image_format, mode, fallback):
    """JPEG, PNG (with transparency), WebP and GIF uploads all get WebP and a fallback:
    PNG where the upload may be transparent, JPEG otherwise."""
    author = make_author(
        photo=image_file(1000, 500, image_format, mode=mode), photo_alt_en="Portrait"
    )
    page = render(AUTHOR_PHOTO, author=author)
    img = page.select_one("picture img")
    assert img["srcset"].count(f".{fallback} ") == 3
    assert page.select_one("picture source")["srcset"].count(".webp ") == 3
    assert (img["width"], img["height"]) == ("1000", "500")

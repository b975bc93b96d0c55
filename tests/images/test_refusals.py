import pytest

from tests.admin_forms import save
from tests.factories import make_article
from tests.helpers import html
from tests.images.helpers import new_author_form, saved_state, stored_files

from .samples import decompression_bomb, heavy_file, image_file, not_an_image


def errors(response):
    return [error.get_text(" ", strip=True) for error in html(response).select(".errorlist li")]


def assert_refused(response, message, media_root, before):
    """The form comes back with `message`, and neither the database nor the storage changed."""
    assert response.status_code == 200
    assert any(message in error for error in errors(response)), errors(response)
    assert saved_state() == before
    assert stored_files(media_root) == []


def test_a_file_that_is_not_an_image_is_refused(admin_form, media_root):
    """A text file named .jpg is refused as not an image; nothing is saved."""
    before = saved_state()
    response = admin_form.submit(not_an_image())
    assert_refused(response, "This file is not an image, or it is damaged.", media_root, before)


def test_an_image_over_the_pixel_limit_is_refused(admin_form, media_root):
    """8000 × 5001 pixels is over the 40 megapixel limit; nothing is saved."""
    before = saved_state()
    response = admin_form.submit(image_file(8000, 5001, "PNG", mode="1"))
    assert_refused(response, "This image has more than 40 million pixels.", media_root, before)


@pytest.mark.parametrize(
    "pixels",
    [
        # Pillow refuses to open it.
        pytest.param((30_000, 30_000), id="900 megapixels"),
        # Pillow only warns, as in production where warnings are not errors.
        pytest.param(
            (10_000, 10_000),
            id="100 megapixels",
            marks=pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning"),
        ),
    ],
)
def test_a_decompression_bomb_is_refused_with_a_message(admin_form, media_root, pixels):
    """A small file claiming a huge picture gets the pixel message, not a server error."""
    before = saved_state()
    response = admin_form.submit(decompression_bomb(*pixels))
    assert_refused(response, "This image has more than 40 million pixels.", media_root, before)


def test_a_huge_file_is_refused(admin_form, media_root):
    """A 12 MB file is over the 10 MB limit: the message gives both sizes; nothing is saved."""
    before = saved_state()
    response = admin_form.submit(heavy_file(12 * 1024 * 1024))
    message = "This file is 12.0\xa0MB, over the limit of 10.0\xa0MB."
    assert_refused(response, message, media_root, before)


def test_the_byte_limit_is_a_setting(staff_client, db, media_root, settings):
    """IMAGE_UPLOAD_MAX_BYTES decides: one byte over is refused, exactly the limit is taken."""
    settings.IMAGE_UPLOAD_MAX_BYTES = 50_000
    form = new_author_form(staff_client)
    before = saved_state()
    response = form.submit(heavy_file(50_001))
    assert_refused(response, "over the limit of 48.8\xa0KB", media_root, before)
    assert form.submit(heavy_file(50_000)).status_code == 302


def test_an_image_in_another_format_is_refused(admin_form, media_root):
    """A BMP is a real image but not one the site takes; the message names the format."""
    before = saved_state()
    response = admin_form.submit(image_file(300, 200, "BMP"))
    assert_refused(response, "This is a BMP image", media_root, before)


@pytest.mark.parametrize(
    ("alt", "missing"),
    [(("", ""), ["Arabic", "English"]), (("صورة", " "), ["English"])],
)
def test_an_image_without_alt_text_is_refused(admin_form, media_root, alt, missing):
    """An image needs alt text in both languages: each missing one is named; nothing is saved."""
    before = saved_state()
    response = admin_form.submit(image_file(), alt=alt)
    for language in missing:
        assert_refused(
            response, f"Describe the image in {language} for readers", media_root, before
        )
    assert len(errors(response)) == len(missing)


def test_a_translator_is_asked_for_alt_text_in_their_language_only(make_staff, login, db):
    """The image is read-only to a translator; its alt text in their language is required."""
    article = make_article(image=image_file(), image_alt_ar="صورة الاجتماع", image_alt_en="")
    translator = login(make_staff("Translators"))
    response = save(translator, article, {"image_alt_en": ""})
    assert errors(response) == [
        "Describe the image in English for readers who cannot see it: screen readers speak "
        "this text."
    ]
    assert save(translator, article, {"image_alt_en": "The meeting"}).status_code == 302
    article.refresh_from_db()
    assert (article.image_alt_ar, article.image_alt_en) == ("صورة الاجتماع", "The meeting")
